import ArgumentParser
import Foundation
import NatoWatch

/// `natowatch opml import|export`.
struct OPMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opml", abstract: "Import feeds from, or export them to, OPML.",
        subcommands: [OPMLImport.self, OPMLExport.self])
}

/// `natowatch opml import FILE`: prints `feeds:` entries to paste into the config.
struct OPMLImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Print the OPML file's feeds as config entries (feeds already configured are skipped).")
    @Argument(help: "OPML file, or - for standard input.") var file: String
    @Option(name: .customLong("config"), help: "Skip feeds already in this config.") var configPath: String?

    func run() throws {
        let data = file == "-" ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
        let outlines = OPML.parse(String(decoding: data, as: UTF8.self))
        guard !outlines.isEmpty else {
            CLIOutput.error("\(file): no feed outlines (xmlUrl) found")
            throw ExitCode(2)
        }
        var existing = Set<String>()
        if let configPath {
            do { existing = Set(try ConfigLoader.load(path: configPath).feeds.map(\.url)) } catch {
                CLIOutput.error("\(error)")
                throw ExitCode(2)
            }
        }
        let entries = OPML.yamlEntries(outlines, existing: existing)
        print("# \(outlines.count) feeds in \(file); paste under 'feeds:'")
        print(entries, terminator: "")
    }
}

/// `natowatch opml export`: the configured feeds as OPML.
struct OPMLExport: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "export", abstract: "Write the configured feeds as OPML to standard output.")
    @OptionGroup var config: ConfigOption

    func run() throws {
        print(OPML.export(try config.load().feeds), terminator: "")
    }
}
