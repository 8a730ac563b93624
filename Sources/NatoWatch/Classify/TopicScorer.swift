/// Scores topics from their rules: 1 - Π(1 - w) over fired rules, damped by fired negative rules.
struct TopicScorer {
    let ctx: ArticleContext

    func score(pledges: Int, missions: Int) -> [TopicScore] {
        var out: [TopicScore] = []
        for topic in ctx.rules.topics {
            var miss = 1.0
            var fired: [String] = []
            for rule in topic.rules where fires(rule, pledges: pledges, missions: missions) {
                miss *= 1 - rule.weight
                fired.append(rule.id)
            }
            var score = 1 - miss
            for rule in topic.negative where fires(rule, pledges: pledges, missions: missions) {
                score *= 1 - rule.weight
                fired.append(rule.id)
            }
            score = (score * 1000).rounded() / 1000
            if score >= topic.threshold && score > 0 {
                out.append(TopicScore(topic: topic.name, score: score, rules: fired))
            }
        }
        return out
    }

    private func fires(_ rule: TopicRule, pledges: Int, missions: Int) -> Bool {
        switch rule.kind {
        case .fact(let what):
            return what == "pledge" ? pledges > 0 : missions > 0
        case .any(let group):
            guard ctx.sentenceCategories.contains(where: { $0.contains(group.category) }) else { return false }
            var distinct = Set<Int>()
            let cats = ctx.rules.matcher.categories
            for h in ctx.hits where cats[Int(h.pattern)].contains(group.category) {
                for l in ctx.labels(h) where l.category == group.category {
                    distinct.insert(l.entry >= 0 ? Int(l.entry) : 1_000_000 + Int(h.pattern))
                }
                if distinct.count >= rule.minDistinct { return true }
            }
            return false
        case .sentence(let groups):
            for s in ctx.sentences.indices {
                if let u = rule.unless, ctx.has(s, u.category) { continue }
                if groups.allSatisfy({ matches($0, s) }) { return true }
            }
            return false
        }
    }

    private func matches(_ g: RuleGroup, _ s: Int) -> Bool {
        if ctx.has(s, g.category) { return true }
        let sen = ctx.sentences[s]
        for sp in g.specials {
            switch sp {
            case .number:
                if ctx.hasDigit(s) || ctx.has(s, ctx.rules.numberWordCategory) { return true }
            case .percent:
                for i in sen.start..<sen.end where ctx.text[i] == 0x25 { return true }
                if ctx.string(sen.start, sen.end).lowercased().contains("per") { return true }
            case .money:
                for i in sen.start..<sen.end where ctx.text[i] == 0x24 || ctx.text[i] == 0xA3 || ctx.text[i] == 0xAC { return true }
            case .year:
                var run = 0
                for i in sen.start..<sen.end {
                    if ctx.text[i] >= 0x30 && ctx.text[i] <= 0x39 { run += 1; if run == 4 { return true } } else { run = 0 }
                }
            }
        }
        return false
    }
}
