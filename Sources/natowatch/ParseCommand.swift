import ArgumentParser
import Foundation
import NatoWatch

/// `natowatch parse PATH|- [--json] [--base URL]`: parse one feed and print it.
struct ParseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse",
        abstract: "Parse a feed file (RSS, Atom, JSON Feed) and print what natowatch sees in it."
    )

    @Argument(help: "The feed file to parse, or - for standard input.")
    var path: String = "-"

    @Flag(help: "Print the normalized feedref JSON (see docs/parser.md).")
    var json = false

    @Option(help: "The URL the document is treated as fetched from (relative links resolve against it).")
    var base = "https://feedbase.invalid/dir/feed.xml"

    @Option(help: "The HTTP Content-Type the document was served with (its charset matters).")
    var contentType: String?

    @Option(name: .customLong("bench"), parsing: .upToNextOption, help: ArgumentHelp(visibility: .hidden))
    var benchPaths: [String] = []

    @Option(help: ArgumentHelp(visibility: .hidden))
    var repeatCount = 3

    func run() throws {
        if !benchPaths.isEmpty {
            try ParseBench.run(paths: benchPaths + (path == "-" ? [] : [path]), base: base, repeats: repeatCount)
            return
        }
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        if json {
            let doc: FeedDocument
            do {
                doc = try FeedParser.parseLenient(data, baseURL: base, contentType: contentType)
            } catch {
                FileHandle.standardError.write(Data("natowatch parse: \(error)\n".utf8))
                doc = FeedrefJSON.notAFeed
            }
            print(FeedrefJSON.render(doc))
            return
        }
        do {
            let doc = try FeedParser.parse(data, baseURL: base, contentType: contentType)
            print(FeedSummary.readable(doc))
        } catch {
            FileHandle.standardError.write(Data("natowatch parse: \(path): \(error)\n".utf8))
            throw ExitCode.failure
        }
    }
}

/// The hidden `--bench` mode: parses every file under the given paths in this process.
enum ParseBench {
    static func collect(_ path: String, into files: inout [String]) {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDir) else { return }
        if !isDir.boolValue { files.append(path); return }
        guard let e = FileManager.default.enumerator(atPath: path) else { return }
        var found: [String] = []
        for case let rel as String in e {
            let name = (rel as NSString).lastPathComponent
            if name.hasPrefix(".") || name == "README.md" || name == "MANIFEST.tsv" { continue }
            let full = (path as NSString).appendingPathComponent(rel)
            var d: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &d), !d.boolValue { found.append(full) }
        }
        files.append(contentsOf: found.sorted())
    }

    static func run(paths: [String], base: String, repeats: Int) throws {
        var files: [String] = []
        for p in paths { collect(p, into: &files) }
        let blobs = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        let total = blobs.reduce(0) { $0 + $1.count }
        var best = Double.infinity
        var items = 0
        for _ in 0..<max(1, repeats) {
            var n = 0
            let t0 = DispatchTime.now().uptimeNanoseconds
            for b in blobs {
                if let doc = try? FeedParser.parseLenient(b, baseURL: base) { n += doc.entries.count }
            }
            let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = min(best, dt)
            items = n
        }
        let mb = Double(total) / 1e6
        print(String(format: "natowatch bench: %d files, %.2f MB, %d items in %.3f s -> %.1f files/s, %.2f MB/s, %.0f items/s",
                     blobs.count, mb, items, best, Double(blobs.count) / best, mb / best, Double(items) / best))
    }
}
