import ArgumentParser
import NatoWatch

/// The `natowatch` command line.
@main
struct NatoWatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "natowatch",
        abstract: "Watch news feeds for NATO developments and alert on new pledges and mission changes.",
        version: NatoWatchVersion.string,
        subcommands: [
            RunCommand.self,
            FetchCommand.self,
            CheckConfigCommand.self,
            ClassifyCommand.self,
            EvaluateCommand.self,
            ParseCommand.self,
            MatchesCommand.self,
            PledgesCommand.self,
            MissionsCommand.self,
            AlertsCommand.self,
            StatusCommand.self,
            FeedsCommand.self,
            DoctorCommand.self,
            ReclassifyCommand.self,
            OPMLCommand.self,
            BenchFetchCommand.self,
        ]
    )
}
