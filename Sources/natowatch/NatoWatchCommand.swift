import ArgumentParser
import NatoWatch

#if canImport(Glibc)
    import Glibc
#endif

/// The `natowatch` command line.
@main
struct NatoWatchCommand: ParsableCommand {
    static func main() {
        // Writes to a closed pipe or socket are errors to handle, never a reason to die.
        signal(SIGPIPE, SIG_IGN)
        Self.main(nil)
    }

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
