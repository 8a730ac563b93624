import ArgumentParser
import Foundation
import NatoWatch

/// `natowatch evaluate`: precision/recall of the classifier on a labelled development set.
struct EvaluateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Score the classifier on a labelled set (per-topic P/R/F1, fact P/R)."
    )

    @Option(help: "Directory of labelled articles (front matter + body).")
    var set: String = "Tests/NatoWatchTests/Fixtures/classify/dev"

    @Option(help: "Rules file (topics.yaml).")
    var rules: String?

    @Flag(name: .shortAndLong, help: "List every disagreement.")
    var verbose = false

    @Flag(help: "Instead of scoring, time classify on the set repeated to --megabytes, beside a plain phrase scan.")
    var benchmark = false

    @Option(help: "Batch size for --benchmark, in MB of text.")
    var megabytes: Double = 20

    func run() throws {
        guard let rulesURL = RulesLocator.locate(explicit: rules) else {
            throw ValidationError("no rules file found: pass --rules, set NATOWATCH_TOPICS or run from the project root")
        }
        let classifier = try Classifier(rulesFile: rulesURL)
        let items = try DevSet.load(directory: URL(fileURLWithPath: set))
        if benchmark {
            print(ClassifierBenchmark(classifier: classifier, articles: items.map(\.article), minimumMB: megabytes).render())
            return
        }
        print(EvaluationReport(classifier: classifier, set: items).render(verbose: verbose))
    }
}
