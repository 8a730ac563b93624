import ArgumentParser
import NatoWatch

/// The `natowatch` command line.
@main
struct NatoWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "natowatch",
        abstract: "Watch news feeds for NATO developments and alert on new pledges and mission changes.",
        version: NatoWatchVersion.string,
        subcommands: [ClassifyCommand.self, EvaluateCommand.self]
    )
}
