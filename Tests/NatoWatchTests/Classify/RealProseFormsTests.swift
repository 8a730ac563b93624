import Foundation
import Testing
@testable import NatoWatch

/// Forms met in real published articles (scored outside the repository) that the first rules missed
/// or misread. Sentences are written for these tests in the same shapes, not copied.
@Suite struct ClassifierRealProseFormsTests {
    private func pledges(_ text: String, title: String? = nil, date: String = "2025-06-01") -> [PledgeFact] {
        ClassifierFixture.classify(text, title: title, date: date).pledges
    }

    private func missions(_ text: String, date: String = "2025-06-01") -> [MissionFact] {
        ClassifierFixture.classify(text, date: date).missions
    }

    // MARK: actors

    @Test(arguments: [
        "The 32 member states have committed to spending 3.5% of GDP on core defence by 2035.",
        "Each member state will raise its core defence budget to 3.5 percent of GDP by 2035.",
        "Leaders from all 32 member nations agreed to boost defence outlays to 3.5% of GDP by 2035.",
        "NATO's 32 countries agreed to spend 3.5% of GDP on defence by 2035.",
    ])
    func allianceSubjects(_ text: String) {
        #expect(pledges(text, date: "2025-06-26").contains { $0.actor == "NATO allies" && $0.value == 3.5 && $0.targetYear == 2035 })
    }

    @Test func aPronounSubjectTakesTheArticlesActor() {
        let text = "Norway's government presented its long-term defence plan on Friday. Norway will buy new frigates and air defence.\n\nWe are therefore proposing to spend NOK 600 billion more on defence until 2036, the defence minister said."
        #expect(pledges(text, date: "2024-04-05").contains { $0.actor == "Norway" && $0.currency == "NOK" && $0.targetYear == 2036 })
    }

    @Test func theGovernmentAfterANamedMinisterIsThatCountry() {
        let text = "Danish Defence Minister Troels Lund Poulsen welcomed the agreement on Monday. The government plans to allocate 14.6 billion kroner to Arctic defence."
        #expect(pledges(text, date: "2025-01-27").contains { $0.actor == "Denmark" && $0.value == 14.6e9 && $0.currency == "DKK" })
    }

    @Test func aRecipientIsNotThePromiser() {
        #expect(pledges("Provisional amounts were set in September, including €16.68 billion tentatively allocated for Romania for defence purchases.", date: "2025-11-01").isEmpty)
    }

    @Test func pressureFromOthersIsNotAList() {
        let p = pledges("Amid pressure from NATO and the US, Britain is expected to commit to defence spending of 3.5% of GDP by 2035.", date: "2025-06-20")
        #expect(p.contains { $0.actor == "United Kingdom" } && !p.contains { $0.actor == "United States" })
    }

    @Test func alongWithOtherAlliesKeepsTheSubject() {
        let p = pledges("Carney said Canada, along with other NATO allies, will invest 5% of GDP in defence by 2035.", date: "2025-06-25")
        #expect(p.contains { $0.actor == "Canada" && $0.value == 5 } && p.contains { $0.actor == "NATO allies" && $0.value == 5 })
    }

    @Test func someoneElsesHeadlineTargetIsNotTheirPledge() {
        #expect(pledges("Trump secured a win by getting NATO's 32 countries to agree to meet his headline target of five percent of GDP on defence.", date: "2025-06-25")
            .allSatisfy { $0.actor != "United States" })
    }

    /// This wire sentence (a partner named in a source credit before an alliance subject) trapped the
    /// session-start build with an invalid range in the actor-list walk.
    @Test(arguments: [
        "As previously reported by RBC-Ukraine, NATO members plan to spend over $1.5 trillion on defense in 2025.",
        "Reported by Ukraine, NATO members plan to spend $1.5 trillion on defense in 2025.",
    ])
    func aSourceCreditBeforeTheSubjectDoesNotTrap(_ text: String) {
        _ = pledges(text, date: "2025-06-01")
    }

    // MARK: status

    @Test(arguments: [
        "According to NATO's latest figures, Canada is on track to reach 1.37% of GDP on defence this year.",
        "Presently, the Belgian government allocates just 1.3% of its GDP to defence.",
        "Those were the only allies who currently exceed the new defence spending target of 3.5% of GDP.",
        "Asked whether the government would reach a core defence spending target of 3.5% of GDP, Babis said it would not.",
        "Fico said Slovakia would manage even without a rapid increase of defence spending to 5% of GDP.",
        "The United States has proposed a higher defence spending benchmark of 5% of GDP for all allies.",
        "\"We are being forced to spend five percent of GDP on defence,\" Croatia's president said.",
    ])
    func notPledges(_ text: String) {
        #expect(pledges(text, date: "2025-06-01").isEmpty)
    }

    @Test func aBaselineDescribedAsCurrentDoesNotVetoTheTarget() {
        let p = pledges("Britain's prime minister said defence spending would rise from its current 2.3% share of the economy to 2.5% in 2027.", date: "2025-02-25")
        #expect(p.count == 1 && p.first?.value == 2.5 && p.first?.targetYear == 2027)
    }

    @Test func armedForcesReceivingMoneyIsABudgetPledge() {
        #expect(pledges("Finland's armed forces will receive an additional €3.7 billion in funding by 2029.", date: "2025-04-02")
            .contains { $0.actor == "Finland" && $0.value == 3.7e9 && $0.targetYear == 2029 })
    }

    // MARK: objects and splits

    @Test func theSmallerShareOfASplitIsAComponent() {
        let p = pledges("Allies committed to devote 3.5% of GDP to core defence and 1.5% to broader security investments by 2035.", date: "2025-06-26")
        #expect(p.contains { $0.value == 3.5 } && !p.contains { $0.value == 1.5 })
    }

    @Test func moneyFromABudgetIsNotItsUse() {
        #expect(pledges("The European Union will provide €1.5 billion from the EU budget to boost arms production until 2027.", date: "2025-11-25")
            .contains { $0.actor == "European Union" && $0.value == 1.5e9 && $0.targetYear == 2027 })
    }

    @Test func aNamedNonDefenceUseBeatsTheArticleContext() {
        let title = "Germany loosens debt brake for defence spending"
        #expect(pledges("It also foresees a 500 billion-euro fund, financed by borrowing, to pour money into Germany's infrastructure over the next 12 years.", title: title, date: "2025-03-18").isEmpty)
    }

    @Test func lineItemsOfABudgetAreNotPledges() {
        #expect(pledges("The US defense bill includes $26 billion for shipbuilding, $38 billion for aircraft and $4 billion for munitions.", date: "2025-09-10").isEmpty)
    }

    // MARK: years

    @Test func aComparisonYearIsNotTheDeadline() {
        #expect(pledges("France's Defence Ministry will get this year an additional 6.7 billion euros compared to 2025.", date: "2026-02-02")
            .contains { $0.actor == "France" && $0.value == 6.7e9 && $0.targetYear == 2026 })
    }

    @Test func aRangeOfYearsTakesTheLaterEnd() {
        #expect(pledges("Romania's defence spending could reach 3% of GDP in one to two years, the president said.", date: "2025-02-14")
            .contains { $0.actor == "Romania" && $0.value == 3 && $0.targetYear == 2027 })
    }

    @Test func theClausesYearDatesEveryFigure() {
        #expect(pledges("Spain's prime minister announced a €10.5 billion defence plan to reach 2% of GDP this year.", date: "2025-04-22")
            .contains { $0.actor == "Spain" && $0.metric == "amount" && $0.targetYear == 2025 })
    }

    @Test func anOpenTimeBetweenYearAndFigureLeavesNoYear() {
        let p = pledges("Latvia will spend at least 4% of GDP on defence starting next year, and in the coming years aim for 5%.", date: "2025-02-18")
        #expect(p.contains { $0.value == 4 && $0.targetYear == 2026 } && p.contains { $0.value == 5 && $0.targetYear == nil })
    }

    @Test func aConditionIsNotAPromise() {
        #expect(pledges("If Montenegro allocates five percent of its GDP to defence by 2035, that figure could reach 460 million euros.", date: "2025-06-27").isEmpty)
    }

    @Test func theAgentOfAPassiveTargetIsNotTheSubject() {
        let title = "Dutch government plans freedom tax to pay for defence"
        let p = pledges("To meet a target set by NATO countries last year, the Dutch government aims to increase defence spending to 2.8% of GDP by 2030.", title: title, date: "2026-01-20")
        #expect(p.contains { $0.actor == "Netherlands" && $0.value == 2.8 && $0.targetYear == 2030 } && !p.contains { $0.actor == "NATO allies" })
    }

    @Test func aCoreShareOfTheTotalIsATargetOfItsOwn() {
        let p = pledges("Member states agreed to raise defence spending to 5% of GDP by 2035, comprising 3.5% for core defence and 1.5% for dual-use infrastructure.", date: "2025-07-14")
        #expect(p.contains { $0.actor == "NATO allies" && $0.value == 5 } && p.contains { $0.actor == "NATO allies" && $0.value == 3.5 } && !p.contains { $0.value == 1.5 })
    }

    @Test func backingTheAlliancesTargetIsAPledge() {
        #expect(pledges("Türkiye backs NATO's 5% defence target by 2035, the defence ministry said.", date: "2025-06-26")
            .contains { $0.actor == "Türkiye" && $0.value == 5 && $0.targetYear == 2035 })
    }

    @Test func anArticleAboutAPartnerLendsNoActor() {
        let text = "South Korea agreed with the United States to raise its defence spending. South Korea's budget will grow, officials in Seoul said.\n\nSouth Korea's defence ministry confirmed the plan.\n\nA government source said gradually increasing defence spending to 3.5 percent of GDP by 2035 is not a difficult task."
        #expect(pledges(text, date: "2025-10-30").isEmpty)
    }

    // MARK: missions

    @Test func aNewlyEstablishedMissionIsBackgroundToAContribution() {
        let m = missions("Sweden will contribute Gripen fighter jets to NATO's newly established Arctic Sentry, the ministry said.", date: "2026-02-12")
        #expect(m.count == 1 && m.first?.mission == "Arctic Sentry" && m.first?.change == "expand")
    }

    @Test func aContributionNamesItsAssetsBeforeTheMission() {
        let m = missions("Germany will initially contribute four Eurofighter jets and air refuelling capabilities to NATO's Arctic Sentry operation, the minister said.", date: "2026-02-11")
        #expect(m.contains { $0.mission == "Arctic Sentry" && $0.change == "expand" })
    }

    @Test(arguments: [
        "Baltic Sentry will deploy a variety of military assets, including frigates and drones, NATO said.",
        "Norway will provide training for another 3,000 Ukrainian soldiers next year through NATO's NSATU command.",
        "The new command is tasked with bolstering NATO's defence in the High North, the minister said of Multi-Corps Land Component Command North.",
    ])
    func aMissionsOwnWorkIsNoContribution(_ text: String) {
        #expect(missions(text, date: "2026-03-01").allSatisfy { $0.change != "expand" })
    }

    @Test func aNewCommandOpens() {
        let m = missions("NATO's Multi-Corps Land Component Command North officially opened in the Finnish city of Mikkeli on Friday.", date: "2025-10-03")
        #expect(m.contains { $0.mission == "NATO Multi-Corps Land Component Command North" && $0.change == "open_office" })
    }

    @Test func anOfficeReachingAMilestoneIsNotAnOpening() {
        #expect(missions("The NATO-Ukraine JATEC centre will reach full operational capability next year, its commander said.", date: "2026-03-01").isEmpty)
    }

    @Test(arguments: [
        "NATO said Arctic Sentry will further strengthen NATO's posture in the High North.",
        "NATO Mission Iraq contributes to Iraq's security and regional stability, the alliance said.",
        "NATO says there is no timeline for the end of NATO Mission Iraq.",
    ])
    func abstractObjectsAndNegationsAreNoChange(_ text: String) {
        #expect(missions(text).isEmpty)
    }

    @Test func aRecentLaunchToldInPassingIsBackground() {
        let m = missions("Denmark sent a frigate to Baltic Sentry on Monday, NATO said. NATO has also recently set up the Eastern Sentry mission to strengthen the eastern flank.")
        #expect(m.contains { $0.mission == "Baltic Sentry" && $0.change == "expand" } && !m.contains { $0.mission == "Eastern Sentry" })
    }

    @Test func alliesCommittingAssetsGrowAMission() {
        let m = missions("NATO launched Eastern Sentry on Friday to guard its eastern flank. Germany is providing four Eurofighter jets for Eastern Sentry, NATO said.", date: "2025-09-15")
        #expect(m.contains { $0.change == "launch" } && m.contains { $0.change == "expand" })
    }

    @Test func aLaunchOfALongStandingMissionIsANewPresence() {
        let m = missions("NATO will establish Forward Land Forces in Finland, with Sweden as the framework nation, the alliance said.", date: "2025-01-14")
        #expect(m.count == 1 && m.first?.change == "expand")
    }

    @Test func aNewMissionIsLaunched() {
        let m = missions("NATO launched Eastern Sentry on Friday to guard its eastern flank, the alliance said.", date: "2025-09-12")
        #expect(m.count == 1 && m.first?.change == "launch")
    }

    @Test(arguments: [
        ("NATO defence ministers approved a maritime centre for the security of critical underwater infrastructure at Northwood.",
         "NATO Maritime Centre for the Security of Critical Undersea Infrastructure", "open_office"),
        ("Russia said it will close the NATO information office in Moscow, NATO officials confirmed.", "NATO Liaison Office in Moscow", "close_office"),
        ("NATO will expand its battlegroups on the eastern flank up to brigade level, allies agreed.", "Forward Land Forces", "expand"),
        ("The enhanced forward presence battlegroup in Lithuania will be reformed into a multinational battalion, NATO said.", "Forward Land Forces", "other"),
    ])
    func realMissionForms(_ text: String, _ mission: String, _ change: String) {
        #expect(missions(text, date: "2024-02-14").contains { $0.mission == mission && $0.change == change })
    }

    // MARK: the alliance's own target, restated

    @Test func whatTheAlliesDecidedIsNoDemand() {
        let text = "Ministers met in Brussels to discuss how to carry out the decision taken at the summit that all 32 allies should spend 5 percent of GDP on defence by 2035."
        #expect(pledges(text, date: "2026-02-12").contains { $0.actor == "NATO allies" && $0.value == 5 && $0.targetYear == 2035 })
        // a demand stays a demand
        #expect(pledges("Washington insists that all 32 allies should spend 5 percent of GDP on defence by 2035.", date: "2026-02-12").isEmpty)
    }

    @Test func natosOwnPledgeIsTheAllies() {
        let text = "NATO's new pledge to lift collective defence spending to 5% of GDP by 2035 was welcomed in Ankara."
        #expect(pledges(text, date: "2025-07-01").contains { $0.actor == "NATO allies" && $0.value == 5 && $0.targetYear == 2035 })
    }

    @Test func theTargetAsSubjectIsTheAlliancesAndTakesTheYearOfItsTotal() {
        let text = "NATO leaders agreed on Wednesday to raise defence spending to 5% of GDP by 2035.\n\nThe revised target includes a minimum of 3.5% of GDP for core defence and 1.5% for critical infrastructure."
        let p = pledges(text, date: "2025-06-26")
        #expect(p.contains { $0.actor == "NATO allies" && $0.value == 3.5 && $0.targetYear == 2035 })
        #expect(!p.contains { $0.value == 1.5 })
    }

    @Test func theCurrentTargetIsNoCommitment() {
        let text = "Denmark will raise defence spending to 3.5% of GDP by 2030, the government said.\n\nThe current NATO target is 2% of GDP."
        #expect(!pledges(text, date: "2025-06-01").contains { $0.value == 2 })
    }

    @Test func takingUpAProposedTargetIsACommitment() {
        let text = "Norway and Sweden have both committed to the 5% defence target that has been proposed among NATO members."
        let p = pledges(text, date: "2025-06-23")
        #expect(p.contains { $0.actor == "Norway" && $0.value == 5 } && p.contains { $0.actor == "Sweden" && $0.value == 5 })
    }

    @Test func undatedAllianceTargetsTakeTheDeadlineTheArticleGives() {
        let text = "NATO leaders meeting in The Hague agreed to raise defence spending to 5 percent of GDP.\n\nAllies committed to spend 3.5 percent of GDP on core defence by 2035."
        let p = pledges(text, date: "2025-06-25")
        #expect(p.contains { $0.actor == "NATO allies" && $0.value == 5 && $0.targetYear == 2035 })
    }

    // MARK: budgets by year, increments

    @Test func aBudgetForEachYearIsNoListOfLineItems() {
        let text = "Croatia's defence minister presented the budget on Thursday.\n\nThe proposed defence budget amounts to €1,626,034,457 for 2026, €2,129,021,818 for 2027, and €2,263,752,159 for 2028."
        let p = pledges(text, date: "2025-11-20")
        #expect(p.contains { $0.actor == "Croatia" && $0.value == 1_626_034_457 && $0.targetYear == 2026 })
        #expect(p.contains { $0.actor == "Croatia" && $0.value == 2_263_752_159 && $0.targetYear == 2028 })
    }

    @Test func anIncreaseIsNotTheBudget() {
        let text = "Albania's government adopted the draft 2026 budget.\n\nThe government announced a €100 million increase in defence funding, raising total defence expenditures to €589 million in 2026."
        let p = pledges(text, date: "2025-10-01")
        #expect(p.contains { $0.actor == "Albania" && $0.value == 589e6 })
        #expect(!p.contains { $0.value == 100e6 })
        #expect(pledges("Croatia will raise its defence budget next year. In 2028, the increase will amount to approximately €919 million, the minister said.", date: "2025-11-20").isEmpty)
    }

    @Test func aShareOfGDPInParenthesesRestatesTheBudget() {
        let text = "Portugal's draft budget was presented on Friday.\n\nDefence expenditure will rise to 3,878 million euros (1.2% of GDP) in 2026, the finance ministry said."
        let p = pledges(text, date: "2025-10-10")
        #expect(p.contains { $0.actor == "Portugal" && $0.metric == "amount" && $0.value == 3_878e6 })
        #expect(p.contains { $0.actor == "Portugal" && $0.metric == "pct_gdp" && $0.value == 1.2 })
    }

    @Test func aShareNamedForCoreDefenceIsAShareOfGDP() {
        let text = "NATO allies agreed to spend 5% of GDP on defence by 2035.\n\nThe plan splits this into 3.5% for core military needs and 1.5% for resilience."
        #expect(pledges(text, date: "2025-06-25").contains { $0.actor == "NATO allies" && $0.value == 3.5 && $0.targetYear == 2035 })
    }

    @Test func spendingRaisedToAShareInADefenceArticle() {
        let text = "Defence ministers met in Brussels to prepare the summit.\n\nThe defence budget debate continues in many capitals.\n\nEurope's defence industry is scaling up production.\n\nLast June, NATO members agreed to increase spending to 5% by 2035."
        #expect(pledges(text, date: "2026-02-12").contains { $0.actor == "NATO allies" && $0.value == 5 && $0.targetYear == 2035 })
    }

    @Test func meetingTheCurrentTargetThisYearIsAPledge() {
        let text = "Spain's prime minister said the government will invest more in defence to meet NATO's current defence spending target of 2% this year."
        #expect(pledges(text, date: "2025-04-22").contains { $0.actor == "Spain" && $0.value == 2 && $0.targetYear == 2025 })
    }

    @Test func anAgreementReachedIsNoLevelReached() {
        let text = "Belgium's coalition reached a historic agreement involving over €30 billion in additional defence investments by 2029."
        #expect(pledges(text, date: "2025-06-20").contains { $0.actor == "Belgium" && $0.value == 30e9 })
    }

    @Test func aBudgetThatCutsToALevelIsStillThePlanAndTheComparedFigureIsNot() {
        let text = "Czechia's new government presented its budget.\n\nThe 2026 budget proposal cuts spending on defence to 2.1% of GDP versus the previous cabinet's plan for 2.35%."
        let p = pledges(text, date: "2025-12-10")
        #expect(p.contains { $0.actor == "Czechia" && $0.value == 2.1 && $0.targetYear == 2026 })
        #expect(!p.contains { $0.value == 2.35 })
    }

    @Test func someoneElsesProposalForTheAlliesIsNotTheirs() {
        let text = "In a speech in Brussels, Rutte proposed that allies aim for 3.5% on core military needs by 2035."
        #expect(pledges(text, date: "2025-05-01").isEmpty)
    }

    @Test func anActThatAuthorizesSpendingIsACommitment() {
        let text = "The House passed the bill on Wednesday.\n\nThe National Defense Authorization Act authorizes $900.6 billion in defense funds for fiscal 2026, US lawmakers said."
        #expect(pledges(text, date: "2025-09-10").contains { $0.actor == "United States" && $0.value == 900.6e9 })
    }

    @Test func aMissionLaunchedUnnamedIsNamedInTheNextSentence() {
        let text = "NATO announced on Tuesday that it will launch a Baltic Sea monitoring mission after suspected sabotage of undersea cables.\n\nThe Baltic Sentry mission will include frigates and maritime patrol aircraft, Rutte said."
        #expect(missions(text, date: "2025-01-14").contains { $0.mission == "Baltic Sentry" && $0.change == "launch" })
    }

    @Test func anOfficeForARegionCloses() {
        let m = missions("NATO will close down its Liaison Office for Central Asia in Tashkent next spring, the alliance said.", date: "2016-11-17")
        #expect(m.contains { $0.mission == "NATO Liaison Office in Central Asia" && $0.change == "close_office" })
    }

    @Test func aSurnameThatIsACountryIsThePerson() {
        let text = "Portuguese Prime Minister Luís Montenegro said the country would reach 2% of GDP on defence this year."
        let p = pledges(text, date: "2025-06-10")
        #expect(p.contains { $0.actor == "Portugal" && $0.value == 2 })
        #expect(!p.contains { $0.actor == "Montenegro" })
        // the country itself still counts
        #expect(pledges("Montenegro will raise defence spending to 3% of GDP by 2030, its prime minister said.", date: "2025-06-10").contains { $0.actor == "Montenegro" })
    }

    @Test func theYearBetweenFromAndToIsTheBaselines() {
        let text = "Portugal's budget was presented on Friday.\n\nDefence expenditure will increase in 2026, going from 3,332 million euros (1.1% of GDP) in 2025 to 3,878 million euros, the council said."
        #expect(pledges(text, date: "2025-10-20").contains { $0.actor == "Portugal" && $0.value == 3_878e6 && $0.targetYear == 2026 })
    }

    @Test func lastYearsSummitNamesAnEventNotADeadline() {
        let text = "NATO allies have committed to spending 5% of GDP on defence by 2035.\n\nAt the 2025 Hague summit, the alliance agreed to go further and invest 3.5% of GDP on core defence."
        #expect(pledges(text, date: "2026-01-16").contains { $0.actor == "NATO allies" && $0.value == 3.5 && $0.targetYear == 2035 })
        // a deadline right before "at the summit" is still a deadline
        #expect(pledges("Starmer to commit to spending 5% of GDP on defence by 2035 at Nato summit", date: "2025-06-24").contains { $0.targetYear == 2035 })
        // an old summit dates history: "the 2% promised since the 2014 NATO summit"
        #expect(pledges("The commitment to invest 2% of GDP in national defence, promised since the 2014 NATO summit, was never met by Belgium.", date: "2025-06-20").isEmpty)
    }

    @Test func theFigureATargetIsComparedWithIsNoPledge() {
        let text = "At the summit, member states agreed to raise defence spending to five percent of GDP by 2035, 2.5 times higher than the existing two percent."
        let p = pledges(text, date: "2025-06-27")
        #expect(p.contains { $0.actor == "NATO allies" && $0.value == 5 && $0.targetYear == 2035 })
        #expect(!p.contains { $0.value == 2 })
        // "more than" is a floor
        #expect(pledges("Denmark will spend an extra 50 billion crowns on defence, taking military spending to more than 3% of GDP by 2026.", date: "2025-02-19").contains { $0.value == 3 })
    }

    @Test func continuingAContributionIsNoChange() {
        #expect(missions("Germany will continue to contribute military personnel to the NATO-led Kosovo Force (KFOR).", date: "2025-05-21").isEmpty)
    }

    // analyses, conditions, requests, gaps, estimates, scenarios, refusals and contracts
    @Test(arguments: [
        ("An analysis by the tax inspectors' union finds that meeting a 5% benchmark would add about €107.2 billion in military expenses by 2028.", "2025-10-01"),
        ("Croatia's president questions allocating 5 percent of GDP to defence by 2035.", "2025-10-01"),
        ("Hungary can meet NATO's 5% defence spending target by 2035 only if the EU changes its budget rules.", "2025-10-01"),
        ("The prime minister said that a request from the United States that NATO members begin to spend 5 percent of GDP on defence means a new action plan.", "2025-10-01"),
        ("At the centre of the dispute is a reported £28 billion defence funding gap over the next four years.", "2025-10-01"),
        ("Defence Ministry projections show Slovenia's defence spending is to reach 1.5% of GDP this year and 1.6% in 2026.", "2025-03-01"),
        ("The alliance estimates 23 of its 32 members will meet the 2 per cent target this year.", "2025-03-01"),
        ("Türkiye will allocate $22.8 billion for military spending, equalling 2.09 per cent of its GDP, as presented in NATO's annual report.", "2025-03-01"),
        ("Most European countries can ill-afford to spend 5% of GDP on defence by 2035, Spain's minister said.", "2025-03-01"),
        ("Slovak Defence Minister Robert Kalinák called the idea of raising defence spending to 3% of GDP unthinkable.", "2025-03-01"),
        ("In scenario three, EU defence spending would rise by as much as $875 billion a year.", "2025-03-01"),
        ("German lawmakers approved a record €52 billion ($61 billion) in military contracts for Germany.", "2025-03-01"),
    ])
    func realNegativesAreNotPledges(_ text: String, _ date: String) {
        #expect(pledges(text, date: date).isEmpty)
    }

    @Test func aGroupTheActorBelongsToIsNotTheSubject() {
        let text = "Slovenia is near the tail end among NATO members in defence spending and has so far been aiming to reach the 2% of GDP target by 2030."
        let p = pledges(text, date: "2025-03-01")
        #expect(p.contains { $0.actor == "Slovenia" && $0.value == 2 && $0.targetYear == 2030 })
        #expect(!p.contains { $0.actor == "NATO allies" })
    }

    @Test func anOlderBudgetIsInTheCurrencyOfItsDay() {
        let text = "Croatia's government adopted the 2019 budget.\n\nCroatia will raise defence spending to 9.4 billion in 2020, the defence minister said."
        #expect(pledges(text, date: "2019-12-02").contains { $0.actor == "Croatia" && $0.currency == "HRK" })
    }

    @Test func halfOfACompoundIsNoChange() {
        let text = "NATO launched Baltic Sentry to tackle cable-cutting incidents in the Baltic Sea, the alliance said."
        let m = missions(text, date: "2025-01-20")
        #expect(!m.contains { $0.change == "reduce" })
    }

    @Test func aLaunchDatedWeeksBeforeIsBackground() {
        let text = "On 12 September, NATO launched Eastern Sentry to bolster its posture along the entire eastern flank, the North Atlantic Council said."
        #expect(missions(text, date: "2025-09-23").isEmpty)
        #expect(missions(text, date: "2025-09-13").contains { $0.mission == "Eastern Sentry" && $0.change == "launch" })
    }

    @Test func historicMissionsAreKnown() {
        let text = "NATO formally ended the International Security Assistance Force in Afghanistan on Sunday, the alliance said in Kabul."
        #expect(missions(text, date: "2014-12-28").contains { $0.mission == "ISAF" && $0.change == "end" })
    }

    @Test(arguments: [
        "Eighteen of the US-led military alliance's 31 members will meet the 2% spending target this year, NATO's secretary general said.",
        "NATO estimates that 23 of its 32 members will meet the 2% defence spending target this year.",
        "Italy's budget plan foresees extra defence spending of 0.15% of GDP in 2026 and 0.3% of GDP in 2027.",
    ])
    func subsetsCompoundsAndIncrementsAreNoPledges(_ text: String) {
        #expect(pledges(text, date: "2024-06-17").allSatisfy { $0.actor != "United States" && $0.actor != "NATO allies" && $0.value >= 0.6 })
    }

    @Test func theSmallestAllyBudgetIsStillABudget() {
        let text = "Luxembourg will raise its defence budget to 0.72% of GDP in 2024, the defence minister said."
        #expect(pledges(text, date: "2023-11-10").contains { $0.actor == "Luxembourg" && $0.value == 0.72 })
    }

    @Test func theYearAnIncreaseIsCountedFromIsNoTarget() {
        let text = "The Pentagon's budget request for fiscal 2026, a 13.4% increase from fiscal year 2025, includes $848.3 billion for defence."
        #expect(!pledges(text, date: "2025-06-26").contains { $0.targetYear == 2025 })
    }

    @Test func hyphenatedPercentages() {
        let text = "Prime Minister Mark Carney said Canada will meet NATO's 2-per-cent defence spending target this fiscal year."
        #expect(pledges(text, date: "2025-06-09").contains { $0.actor == "Canada" && $0.value == 2 && $0.targetYear == 2025 })
        #expect(pledges("North Macedonia will reach NATO's two-percent target next year, the defence minister said.", date: "2023-05-01")
            .contains { $0.actor == "North Macedonia" && $0.value == 2 && $0.targetYear == 2024 })
    }

    @Test func anObjectOfAPrepositionIsNotTheSubject() {
        let text = "Carney said Canada is too reliant on the United States for defence as he announced he will boost military spending to meet NATO's 2-per-cent target this fiscal year."
        #expect(!pledges(text, date: "2025-06-09").contains { $0.actor == "United States" })
    }

    @Test func aMembershipDescriptionIsNotTheBloc() {
        let text = "Romania's president spoke in Bucharest.\n\nThe European Union and NATO member, which borders Ukraine, plans to raise defence spending to 2.5% of GDP this year."
        #expect(!pledges(text, date: "2025-03-01").contains { $0.actor == "European Union" })
    }
}
