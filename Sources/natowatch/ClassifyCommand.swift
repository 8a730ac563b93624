import ArgumentParser
import Foundation
import NatoWatch

/// `natowatch classify`: topics, pledges and mission changes of one article or a JSON-lines batch.
struct ClassifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "classify",
        abstract: "Classify an article (plain text or HTML) or a JSON-lines batch.",
        discussion: """
        Rules: --rules, else $NATOWATCH_TOPICS, else ./Config/topics.yaml, else Config/topics.yaml \
        above the executable, else /etc/natowatch/topics.yaml.
        --jsonl reads lines {"id","title","text","published"} and writes one Classification per line.
        """
    )

    @Argument(help: "Article file, or - for standard input.")
    var path: String = "-"

    @Option(help: "Headline of the article.")
    var title: String?

    @Option(help: "Publication date YYYY-MM-DD (relative years count from it).")
    var date: String?

    @Flag(help: "Print the Classification as JSON.")
    var json = false

    @Flag(help: "Read JSON lines and write one JSON result per line.")
    var jsonl = false

    @Option(help: "Rules file (topics.yaml).")
    var rules: String?

    func run() throws {
        guard let rulesURL = RulesLocator.locate(explicit: rules) else {
            throw ValidationError("no rules file found: pass --rules, set NATOWATCH_TOPICS or run from the project root")
        }
        let classifier = try Classifier(rulesFile: rulesURL)
        var published: Date?
        if let date {
            guard let d = DateParsing.day(date) else { throw ValidationError("--date must be YYYY-MM-DD") }
            published = d
        }
        let data: Data
        if path == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        if jsonl {
            try BatchClassification.run(classifier: classifier, input: data, defaultDate: published) { line in
                print(line)
            }
            return
        }
        let raw = String(decoding: data, as: UTF8.self)
        let text = ArticleInput.looksLikeHTML(raw) ? HTMLText.plainText(raw) : raw
        let result = classifier.classify(Article(id: path == "-" ? nil : path, title: title, text: text, published: published))
        if json {
            encoder.outputFormatting = [.withoutEscapingSlashes, .prettyPrinted, .sortedKeys]
            print(String(decoding: try encoder.encode(result), as: UTF8.self))
        } else {
            print(ArticleInput.describe(result))
        }
    }
}
