import Foundation
import Synchronization

/// Compiles the rules on first use, once: a cycle in which every feed answers 304 never pays for
/// it. ``load()`` forces it (the daemon does at start, so a bad rules file stops it at once).
public final class ClassifierLoader: Sendable {
    public let rulesFile: URL
    private let state = Mutex<Classifier?>(nil)

    public init(rulesFile: URL) {
        self.rulesFile = rulesFile
    }

    /// Wraps an already compiled classifier.
    public init(_ classifier: Classifier, rulesFile: URL) {
        self.rulesFile = rulesFile
        state.withLock { $0 = classifier }
    }

    /// The compiled classifier; a rules problem is a ``ConfigError`` naming the file.
    public func load() throws(ConfigError) -> Classifier {
        do {
            return try state.withLock { cached in
                if let cached { return cached }
                let c = try Classifier(rulesFile: rulesFile)
                cached = c
                return c
            }
        } catch let e as ConfigError {
            throw e
        } catch let e as RuleFileError {
            // Keep the rules file's own location rather than prefixing it a second time.
            throw ConfigError(file: e.file, line: e.line > 0 ? e.line : nil, message: e.problem)
        } catch {
            throw ConfigError(file: rulesFile.path, line: nil, message: "\(error)")
        }
    }
}
