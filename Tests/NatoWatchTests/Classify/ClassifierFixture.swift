import Foundation
@testable import NatoWatch

/// Shared access to the project's rules and the classify fixtures for the classifier tests.
enum ClassifierFixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let rulesURL = root.appendingPathComponent("Config/topics.yaml")
    static let fixtures = root.appendingPathComponent("Tests/NatoWatchTests/Fixtures/classify")

    /// The project classifier, loaded once.
    static let shared: Classifier? = try? Classifier(rulesFile: rulesURL)

    static func classify(_ text: String, title: String? = nil, date: String = "2025-06-01") -> Classification {
        guard let c = shared else { return Classification() }
        return c.classify(Article(title: title, text: text, published: DateParsing.day(date)))
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
    }
}
