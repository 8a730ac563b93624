import Foundation
import Testing
@testable import NatoWatch

@Suite struct DebugScratchTests {
    @Test func scratch() throws {
        guard let c = ClassifierFixture.shared else { return }
        let text = ProcessInfo.processInfo.environment["DBG_TEXT"] ?? "x"
        let ctx = ArticleContext(rules: c.rules, article: Article(text: text, published: DateParsing.day("2025-02-02")))
        for s in ctx.sentences.indices {
            let v = SentenceView(ctx, s)
            print("TOK", v.tokens.indices.map { "\($0):\(v.original($0))" }.joined(separator: " "))
            for (name, cat) in ctx.rules.lexicon.sorted(by: { $0.key < $1.key }) {
                let sp = v.spans(cat)
                if !sp.isEmpty { print("LEX", name, sp.map { "\($0.first)-\($0.last)" }) }
            }
            print("ACTORS", ActorFinder(view: v).mentions().map { "\($0.first) \(ctx.rules.gazetteer.actors[$0.actor].name)" })
            print("QTY", QuantityParser(view: v, gazetteer: ctx.rules.gazetteer).parse().map { "\($0.kind) \($0.value) \($0.first)-\($0.last) \($0.currencies)" })
        }
    }
}
