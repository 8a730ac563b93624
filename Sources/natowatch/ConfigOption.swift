import ArgumentParser
import Foundation
import NatoWatch

/// `--config PATH`, shared by every command that reads the config.
struct ConfigOption: ParsableArguments {
    @Option(name: .customLong("config"), help: "Config file (default: $NATOWATCH_CONFIG, else /etc/natowatch/natowatch.yaml).")
    var path: String?

    var resolvedPath: String { path ?? NatoWatchConfig.defaultPath() }

    /// Loads and validates the config, or exits 2 with `file:line: problem`.
    func load() throws -> NatoWatchConfig {
        do {
            return try ConfigLoader.load(path: resolvedPath)
        } catch {
            CLIOutput.error("\(error)")
            throw ExitCode(2)
        }
    }
}

/// Writing to standard output and standard error without the C `stdout` global.
enum CLIOutput {
    static func error(_ message: String) {
        try? FileHandle.standardError.write(contentsOf: Data(("natowatch: " + message + "\n").utf8))
    }
}
