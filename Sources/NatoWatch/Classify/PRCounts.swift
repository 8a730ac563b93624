/// Precision/recall counts.
public struct PRCounts: Sendable, Equatable {
    public var tp = 0, fp = 0, fn = 0
    public init() {}
    public var precision: Double { tp + fp == 0 ? 1 : Double(tp) / Double(tp + fp) }
    public var recall: Double { tp + fn == 0 ? 1 : Double(tp) / Double(tp + fn) }
    public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
}
