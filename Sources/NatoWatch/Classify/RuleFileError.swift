import Foundation

/// A problem in a rules or gazetteer file, located by file and line (1-based; 0 when unknown).
public struct RuleFileError: Error, CustomStringConvertible, Sendable, Equatable {
    /// Path of the file as given to the loader.
    public var file: String
    /// Line of the offending node, 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    /// What is wrong, in words an analyst can act on.
    public var problem: String

    public init(file: String, line: Int, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    public var description: String { "\(file):\(line): \(problem)" }
}

extension RuleFileError: LocalizedError {
    public var errorDescription: String? { description }
}
