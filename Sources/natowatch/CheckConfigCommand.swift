import ArgumentParser
import Foundation
import NatoWatch

/// `natowatch check-config`: validates the config and the files it names.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config", abstract: "Validate the config file and the topics file it names; exit 2 on error.")

    @OptionGroup var config: ConfigOption

    func run() throws {
        let c = try config.load()
        do {
            _ = try Classifier(rulesFile: c.topicsFile)
            if let seed = c.ledgerSeed { _ = try LedgerSeed.load(seed) }
        } catch {
            CLIOutput.error("\(error)")
            throw ExitCode(2)
        }
        print("\(config.resolvedPath): ok — \(c.feeds.count) feeds, interval \(DurationParser.format(c.interval)), state in \(c.stateDir.path), alerts to \(c.alertLog.path)")
    }
}
