import Foundation
import Testing
@testable import NatoWatch

/// Sentences that look like pledges but are not.
@Suite struct ClassifierHardNegativeTests {
    @Test(arguments: [
        // achieved levels
        "Germany reached 2% of GDP on defence last year.",
        "Poland spent 4.1% of GDP on its armed forces in 2024, according to NATO estimates.",
        "Latvia's defence budget currently stands at 3.45% of GDP.",
        // not defence
        "Public health spending reached 3% of GDP in the first quarter.",
        "The government has pledged to raise health spending to 7.5% of GDP by 2027.",
        "The budget deficit is expected to reach 6.5% of GDP next year.",
        "Euro zone inflation eased to 2.4% in February while the economy grew 0.3%.",
        "In the poll, 64% of respondents said they favoured increasing the defence budget.",
        "Britain will slash its aid budget to 0.3% of gross national income by 2027.",
        "Germany will provide Ukraine with 9 billion euros in military aid per year from 2026.",
        // third parties and refusals
        "Trump said NATO members should spend 5% of their GDP on defence.",
        "Hegseth urged Indo-Pacific allies to spend 3.5% of gross domestic product on their militaries.",
        "Spain refused to commit to spending 5% of its economic output on defence.",
        // partners are not Allies
        "Japan will raise defence spending to 2% of GDP by 2027.",
        "Australia plans to raise defence spending to 2.33% of GDP by 2033.",
        // history and increments
        "In 2014, allies agreed to move towards spending 2% of GDP on defence within a decade.",
        "Defence expenditure should rise by 0.2% of GDP each year starting in 2026.",
        "Denmark will increase defence spending by a further 0.5 percentage points.",
        // increments, trade and estimates
        "EU leaders agreed to allow member states to spend up to 1.5% of GDP more on defence.",
        "Under the trade deal, the EU will buy $750 billion of U.S. energy over three years.",
        "Reaching 3.5% on core defence would require roughly 250 billion euros a year in extra spending across the European Union.",
        // measured levels reported after the figure
        "Belgium's defence spending is expected to reach 2.2% of GDP this year, according to NATO estimates.",
        // rule exemptions
        "Parliament approved exempting defence spending above 1% of GDP from the debt brake.",
        // purchases are not budgets
        "Poland signed a contract worth about $10 billion for 96 AH-64E Apache helicopters, the defence ministry said.",
        "Poland signed a $10 billion deal for 96 Apache attack helicopters.",
        "Romania's defence ministry said it would buy 54 Abrams tanks for about $2.5 billion.",
        // opposition promises and conditions, requirements, infrastructure
        "Opposition party Progressive Slovakia has said it would raise defence spending to 3% of GDP if it wins the next election.",
        "The IFS said the Ministry of Defence would need an extra £17bn a year by the end of the decade to meet NATO's new core target of 3.5% by 2035.",
        "Salvini said the planned 13.5-billion-euro bridge to Sicily could be counted as security-related spending.",
        // a commitment dated in the past, a wealth fund
        "Norway's long-term defence plan, adopted by parliament in June 2024, foresees spending of 1.6 trillion crowns over 12 years.",
        "Norway's sovereign wealth fund grew 8% in the first half of the year to 19.6 trillion crowns, the defence ministry's budget office said.",
        // someone else's figure, a forecast of this year
        "The programme is much smaller than the €100 billion defence fund that Commissioner Andrius Kubilius had called for.",
        "Poland, NATO's top spender relative to the size of its economy, expects to spend 4.7% of GDP on defence this year.",
        // a predecessor's scrapped plan
        "The Czech government will scrap its predecessor's plan to reach 2.35% of GDP on defence in 2026.",
        // criticism, the alliance's common budget
        "Trump has repeatedly criticised Canada for failing to spend 2% of GDP on defence as NATO requires.",
        "NATO allies have agreed to increase the alliance's common-funded civil and military budgets by about 10% next year, to a combined 5.3 billion euros.",
        // a forecast of this year's level
        "Lithuania is expected to spend 3.5 percent of GDP on defence this year, up from 2.85 percent in 2024.",
    ])
    func noPledge(_ text: String) {
        let r = ClassifierFixture.classify(text, date: "2025-06-01")
        #expect(r.pledges.isEmpty, "unexpected pledge: \(r.pledges.map { "\($0.actor) \($0.value)" })")
    }

    @Test(arguments: [
        "The EU has extended its naval mission Aspides in the Red Sea and expanded its mandate.",
        "The U.N. Security Council voted to wind down UNIFIL, its peacekeeping mission in Lebanon.",
        "Italian jets took over NATO's Baltic Air Policing mission at a routine handover-takeover ceremony.",
        "KFOR began a large-scale exercise, temporarily increasing the number of troops in Kosovo.",
        "NATO Mission Iraq continues to advise the defence ministry; there is no fixed timeline for the conclusion of our mission.",
        "NATO will retire part of its E-3 Sentry AWACS fleet earlier than planned.",
        "KFOR, set up in 1999 after the NATO air campaign ended the war, marked its anniversary.",
        "Serbia demands end of KFOR presence near border; NATO says no change",
        "Allies had discussed ending NATO Mission Iraq after the U.S.-led coalition finished its withdrawal from federal Iraq.",
        "NATO Mission Iraq advises the Iraqi defence ministry. The coalition is due to end its mission in the Kurdistan region by September 2026.",
        "Moldovan officials said they would lobby NATO allies to keep the liaison office in Chisinau open.",
        "The coalition, which is not a NATO operation, agreed last year to end its military mission in Iraq by September 2025.",
    ])
    func noMissionChange(_ text: String) {
        let r = ClassifierFixture.classify(text, date: "2025-06-01")
        #expect(r.missions.isEmpty, "unexpected mission: \(r.missions.map { "\($0.mission) \($0.change)" })")
    }

    @Test func footballDefenceIsNotASpendingTopic() {
        let r = ClassifierFixture.classify("Arsenal's defence kept a clean sheet in the Premier League match. The club plans to spend 200 million pounds on players next season.")
        #expect(!r.topics.contains { $0.topic == "spending_pledge" })
        #expect(r.pledges.isEmpty)
    }
}
