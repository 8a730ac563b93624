import Foundation
import Testing
@testable import NatoWatch

@Suite struct ClassifierPledgeExtractionTests {
    private func pledges(_ text: String, date: String = "2025-06-01") -> [PledgeFact] {
        ClassifierFixture.classify(text, date: date).pledges
    }

    private func one(_ text: String, date: String = "2025-06-01") -> PledgeFact? {
        let p = pledges(text, date: date)
        return p.count == 1 ? p[0] : nil
    }

    // MARK: percent forms

    @Test(arguments: [
        "Finland will raise defence spending to 3% of GDP by 2029.",
        "Finland will raise defence spending to 3 per cent of GDP by 2029.",
        "Finland will raise defence spending to three percent of gross domestic product by 2029.",
        "Finland will raise defence spending to 3 pct of GDP by 2029.",
        "Finland will raise defence spending to 3\u{00A0}% of its GDP by 2029.",
        "Finland will raise defence spending to 3,0% of GDP by 2029.",
    ])
    func percentForms(_ text: String) {
        let p = one(text)
        #expect(p?.actor == "Finland")
        #expect(p?.metric == "pct_gdp")
        #expect(p?.value == 3.0)
        #expect(p?.targetYear == 2029)
        #expect(p?.currency == nil)
    }

    @Test func decimalPercentOfGrossDomesticProduct() {
        let p = one("Sweden aims to lift military spending to 3.5 percent of gross domestic product by 2030.")
        #expect(p?.actor == "Sweden" && p?.value == 3.5 && p?.targetYear == 2030)
    }

    @Test func twoAndAHalfPerCentInWords() {
        let p = one("Britain pledged to increase defence spending to two and a half per cent of GDP by 2027.")
        #expect(p?.actor == "United Kingdom" && p?.value == 2.5)
    }

    @Test(arguments: [
        "Lithuania will earmark 5-6% of GDP for defence in 2026-2030.",
        "Lithuania will earmark 5 to 6 percent of GDP for defence in 2026-2030.",
        "Lithuania will earmark between 5% and 6% of GDP for defence in 2026-2030.",
    ])
    func rangesTakeTheLowerBound(_ text: String) {
        let p = one(text)
        #expect(p?.value == 5.0)
        #expect(p?.targetYear == 2030)
    }

    @Test func aidCutInTheNextClauseDoesNotTakeTheFigure() {
        let p = one("Keir Starmer announced the biggest increase in defence spending since the cold war, pledging to raise it to 2.5% of GDP by 2027 and paying for it by cutting the overseas aid budget.")
        #expect(p?.actor == "United Kingdom" && p?.value == 2.5 && p?.targetYear == 2027)
    }

    @Test func openTimeTakesNoYearFromEarlierSentences() {
        let r = ClassifierFixture.classify("Britain will spend an extra £13.4bn a year on defence from 2027. It also set an ambition to raise defence spending to 3% of GDP in the next parliament.", date: "2025-02-25")
        let three = r.pledges.first { $0.metric == "pct_gdp" && $0.value == 3.0 }
        #expect(three != nil && three?.targetYear == nil)
    }

    @Test func alreadyCommittedIsStillAPromise() {
        let p = one("Prime Minister Kristen Michal's government has already committed to spending 5.4% of GDP on defence in 2026.")
        #expect(p?.actor == "Estonia" && p?.value == 5.4 && p?.targetYear == 2026)
    }

    @Test func borrowedMoneyForTheMilitaryIsAPledge() {
        let p = one("Sweden will borrow 300 billion kronor ($30 billion) over the next ten years to boost its military.", date: "2025-04-01")
        #expect(p?.currency == "SEK" && p?.value == 300e9 && p?.targetYear == 2035)
    }

    @Test func earlierFigureInAnUpFromClauseIsNotASecondPledge() {
        let p = one("The Netherlands will raise defence spending to 3.5% of gross domestic product by 2035, up from the 3% it announced earlier this year.")
        #expect(p?.value == 3.5 && p?.targetYear == 2035)
    }

    @Test func differenceFromThisYearIsNotABudget() {
        let p = pledges("Merz's government adopted a draft budget for 2026 that foresees defence spending of around €108 billion, an increase of more than €20 billion on this year.", date: "2025-07-30")
        #expect(p.count == 1 && p.first?.value == 108e9 && p.first?.targetYear == 2026)
    }

    @Test func percentBeforeADefenceTargetIsAShareOfGDP() {
        let p = one("The draft keeps Germany on course to meet the 3.5% core defence target agreed at NATO's Hague summit by 2029.")
        #expect(p?.actor == "Germany" && p?.value == 3.5 && p?.targetYear == 2029)
    }

    @Test func anActorAfterTheFigureDoesNotStartAList() {
        let p = pledges("This year the defence ministry's budget will reach 2 percent of GDP, the minimum required of NATO members, Fiala said.", date: "2025-06-16")
        #expect(p.map(\.actor) == ["Czechia"])
    }

    @Test func theGovernmentIsTheSpeakersNotTheObjects() {
        let p = one("Estonia's Defence Minister Hanno Pevkur thanked the Netherlands and said the government would spend 5.4% of GDP on defence next year, as planned.")
        #expect(p?.actor == "Estonia" && p?.value == 5.4 && p?.targetYear == 2026)
    }

    @Test func targetOfAPercentIsAShareOfGDP() {
        let p = one("Meloni's government said Italy would reach the new core defence target of 3.5% gradually over ten years.", date: "2025-07-08")
        #expect(p?.actor == "Italy" && p?.value == 3.5 && p?.targetYear == 2035)
    }

    @Test func withoutSayingOverWhatPeriodTakesNoYear() {
        let r = ClassifierFixture.classify("Finland will raise defence spending to 3% of GDP by 2029, Orpo said. The government also decided to allocate an extra 1 billion euros for artillery ammunition and drones, Orpo told reporters, without saying over what period.", date: "2025-04-24")
        let extra = r.pledges.first { $0.metric == "amount" }
        #expect(extra?.value == 1e9 && extra?.targetYear == nil)
    }

    @Test func reachTheThresholdInADefenceSentence() {
        let p = pledges("Belgian Prime Minister Bart De Wever said the government would find an additional €4bn for the armed forces this year to reach the 2% threshold.", date: "2025-03-14")
        #expect(p.contains { $0.metric == "pct_gdp" && $0.value == 2.0 && $0.targetYear == 2025 && $0.actor == "Belgium" })
        #expect(p.contains { $0.metric == "amount" && $0.value == 4e9 && $0.currency == "EUR" })
    }

    @Test func aBudgetSetAtALevelIsAPromise() {
        let p = one("Hungary's defence budget for next year was set at about 2% of GDP by the government in June.")
        #expect(p?.actor == "Hungary" && p?.value == 2.0 && p?.targetYear == 2026)
    }

    @Test func ofWhichIsAPartOfTheTotal() {
        let p = pledges("Poland will spend 200.1 billion zlotys on defence next year, of which about 80 billion zlotys will come through the Armed Forces Support Fund.", date: "2025-09-30")
        #expect(p.count == 1 && p.first?.value == 200.1e9 && p.first?.currency == "PLN")
    }

    @Test func anotherTrancheIsASecondPledge() {
        let p = pledges("Macron said an extra 3.5 billion euros would be added to the defence budget in 2026 and another 3 billion euros in 2027.", date: "2025-07-13")
        #expect(p.count == 2)
    }

    /// Luxembourg states its target in % of gross national income: an analyst reads it as its share-of-economy pledge.
    @Test func grossNationalIncomeCountsAsTheEconomyMeasure() {
        let p = pledges("Luxembourg will raise its defence spending to 1% of GDP this year and aims to reach 2% of gross national income by 2030.", date: "2025-05-28")
        #expect(p.count == 2 && p.contains { $0.value == 1.0 && $0.targetYear == 2025 } && p.contains { $0.value == 2.0 && $0.targetYear == 2030 })
    }

    @Test func aidInShareOfGrossNationalIncomeIsNotDefence() {
        let p = pledges("Norway will keep development aid at 1% of gross national income next year.", date: "2025-10-06")
        #expect(p.isEmpty)
    }

    @Test func aFundingSourceInTheNextClauseDoesNotTakeTheFigure() {
        let r = ClassifierFixture.classify("Sweden's government will increase defence spending by 26.6 billion crowns next year. The centre-right government has pledged to reach 3.5% of GDP by 2030, financed partly by borrowing of up to 300 billion crowns.", title: "Sweden lifts defence spending", date: "2025-09-15")
        #expect(r.pledges.contains { $0.actor == "Sweden" && $0.value == 3.5 && $0.targetYear == 2030 })
    }

    @Test func thisYearAndNextEndsNextYear() {
        let p = one("Denmark will spend an additional 50 billion kroner on defence this year and next.")
        #expect(p?.currency == "DKK" && p?.targetYear == 2026)
    }

    @Test func implicitShareAfterDefenceWord() {
        let p = one("Estonia's government decided to raise defence spending to 5.4 percent next year.")
        #expect(p?.actor == "Estonia" && p?.value == 5.4 && p?.targetYear == 2026)
    }

    // MARK: amounts and currencies

    @Test func halfATrillionInfersEuroForGermany() {
        let p = one("Germany is opening up half a trillion extra in defence spending.")
        #expect(p?.metric == "amount" && p?.value == 5e11 && p?.currency == "EUR" && p?.scale == "trillion")
    }

    @Test(arguments: [
        ("The EU will mobilise €150bn in loans for defence.", 150e9, "EUR", "European Union"),
        ("The United States will spend $1.2 trillion on defense next year.", 1.2e12, "USD", "United States"),
        ("Norway plans to spend NOK 600 billion more on defence by 2036.", 600e9, "NOK", "Norway"),
        ("Poland will allocate 200 billion zlotys ($55 billion) to defence spending in 2026.", 200e9, "PLN", "Poland"),
        ("Canada committed an additional $9.3-billion to defence this year.", 9.3e9, "CAD", "Canada"),
        ("Sweden will spend an extra 40 billion crowns on its armed forces next year.", 40e9, "SEK", "Sweden"),
        ("Denmark will spend an extra 50 billion Danish crowns on defence next year.", 50e9, "DKK", "Denmark"),
        ("Britain will invest an extra £13.4bn a year in defence by 2027.", 13.4e9, "GBP", "United Kingdom"),
        ("The European Union plans to mobilise 800 billion euros for defence.", 800e9, "EUR", "European Union"),
    ] as [(String, Double, String, String)])
    func amountForms(_ text: String, _ value: Double, _ currency: String, _ actor: String) {
        let p = one(text)
        #expect(p?.metric == "amount")
        #expect(p.map { abs($0.value - value) < 1 } == true)
        #expect(p?.currency == currency)
        #expect(p?.actor == actor)
    }

    @Test func bulgariaUsesLevBeforeTheEuro() {
        let before = one("Bulgaria will spend an extra 2 billion on defence next year.", date: "2025-05-01")
        let after = one("Bulgaria will spend an extra 2 billion on defence next year.", date: "2026-05-01")
        #expect(before?.currency == "BGN")
        #expect(after?.currency == "EUR")
    }

    // MARK: target years

    @Test(arguments: [
        ("Latvia plans to raise defence spending to 5% of GDP by 2028.", 2028),
        ("Latvia plans to raise defence spending to 5% of GDP in 2030.", 2030),
        ("Latvia plans to raise defence spending to 5% of GDP within five years.", 2030),
        ("Latvia plans to raise defence spending to 5% of GDP next year.", 2026),
        ("Latvia plans to raise defence spending to 5% of GDP by the end of the decade.", 2030),
        ("Latvia plans to raise defence spending to 5% of GDP in the 2026-2029 period.", 2029),
        ("Latvia plans to raise defence spending to 5% of GDP this year.", 2025),
    ] as [(String, Int)])
    func targetYears(_ text: String, _ year: Int) {
        #expect(one(text)?.targetYear == year)
    }

    // MARK: actor forms

    @Test(arguments: [
        ("The Czech Republic will raise defence spending to 3% of GDP by 2030.", "Czechia"),
        ("Turkey plans to increase defence spending to 3% of GDP by 2030.", "Türkiye"),
        ("The German government will raise defence spending to 3% of GDP by 2030.", "Germany"),
        ("Germany's cabinet agreed to raise defence spending to 3% of GDP by 2030.", "Germany"),
        ("Berlin said it would raise defence spending to 3% of GDP by 2030.", "Germany"),
        ("Downing Street said defence spending will rise to 3% of GDP by 2030.", "United Kingdom"),
        ("Macron announced France would raise defence spending to 3% of GDP by 2030.", "France"),
        ("NATO allies agreed to raise defence spending to 5% of GDP by 2035.", "NATO allies"),
        ("The EU pledged to raise defence spending to 3% of GDP by 2030.", "European Union"),
    ] as [(String, String)])
    func actorForms(_ text: String, _ actor: String) {
        #expect(one(text)?.actor == actor)
    }

    @Test func headlineActorStandsInForTheGovernment() {
        let r = ClassifierFixture.classify("Officials said the plan would raise defence spending to 3% of GDP by 2030.", title: "Slovakia to lift defence spending")
        #expect(r.pledges.first?.actor == "Slovakia")
        #expect(r.pledges.count == 1)
    }

    @Test func listOfActorsPledgesForEach() {
        let p = pledges("Estonia, Latvia and Lithuania will each raise defence spending to 5% of GDP by 2026.")
        #expect(Set(p.map(\.actor)) == ["Estonia", "Latvia", "Lithuania"])
    }

    @Test func actorFromPreviousSentenceNeedsAYear() {
        let p = pledges("Finland announced a new defence plan. The government said defence spending would rise to 3% of GDP by 2029.")
        #expect(p.first?.actor == "Finland")
    }

    // MARK: status

    @Test func hedgedPledgeIsProposed() {
        #expect(one("Slovakia is considering a proposal to increase defence spending to 3% of GDP by 2030.")?.status == "proposed")
    }

    @Test func futureYearRightAfterTheFigureReadsAsAPlan() {
        #expect(one("Defence outlays will represent 5.38% of Lithuania's GDP next year.")?.value == 5.38)
        #expect(pledges("Defence spending in Estonia stands at 3.4% of GDP this year.").isEmpty)
    }

    @Test func forecastIsProposed() {
        #expect(one("Germany's defence budget is expected to rise to 3% of GDP in 2027, the finance ministry said.")?.status == "proposed")
    }

    @Test func commitmentIsCommitted() {
        #expect(one("Portugal pledged to raise defence spending to 2% of GDP by 2029.")?.status == "committed")
    }

    @Test func alliesAgreeingTheirOwnTarget() {
        let p = one("NATO allies have agreed to a new target of 3.5% of GDP for core defence spending by 2035, plus 1.5% for wider security.")
        #expect(p?.actor == "NATO allies" && p?.value == 3.5 && p?.targetYear == 2035)
    }

    @Test func alliancesTargetIsNotTheSubjectsPledge() {
        let p = pledges("Germany will raise defence spending to 3.5% of GDP by 2029, in line with NATO's new target of 5% by 2035.")
        #expect(p.map(\.value) == [3.5])
    }

    @Test func meetingNATOsTargetIsAPledge() {
        #expect(one("Canada will meet NATO's target of spending 2% of GDP on defence this year.")?.targetYear == 2025)
    }

    @Test func yearRangeWithBetweenTakesTheEnd() {
        #expect(one("The French cabinet approved a law that will allocate €413bn to the armed forces between 2024 and 2030.")?.targetYear == 2030)
    }

    @Test func defenceArticleLetsFiguresStandAlone() {
        let text = """
        Defence spending across NATO is rising fast. Defence budgets are at record levels. Defence ministers meet next week.
        Poland is the biggest spender. The government plans to spend 4.7% this year and 4.8% in 2026.
        Estonia, Latvia and Lithuania already spend more than 3% and have said they will reach 5% or more by 2026.
        """
        let p = pledges(text)
        #expect(p.contains { $0.actor == "Poland" && $0.value == 4.7 && $0.targetYear == 2025 })
        #expect(p.contains { $0.actor == "Poland" && $0.value == 4.8 && $0.targetYear == 2026 })
        #expect(p.filter { $0.value == 5.0 }.count == 3)
        #expect(!p.contains { $0.value == 3.0 })
    }

    @Test func withoutDefenceContextABareFigureIsNothing() {
        #expect(pledges("Poland's economy is doing well. The government plans to spend 4.7% this year.").isEmpty)
    }

    @Test func fromBaselineToTargetTakesTheTarget() {
        let p = pledges("Britain will raise defence spending from 2.3% to 2.5% of GDP by 2027.")
        #expect(p.map(\.value) == [2.5])
    }
}
