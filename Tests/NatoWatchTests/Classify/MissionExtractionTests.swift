import Foundation
import Testing
@testable import NatoWatch

@Suite struct ClassifierMissionExtractionTests {
    private func one(_ text: String) -> MissionFact? {
        let m = ClassifierFixture.classify(text, date: "2025-06-01").missions
        return m.count == 1 ? m[0] : nil
    }

    @Test(arguments: [
        ("NATO on Tuesday launched Baltic Sentry to protect undersea cables.", "Baltic Sentry", "launch"),
        ("NATO has decided to deploy 700 more troops to KFOR after clashes.", "KFOR", "expand"),
        ("NATO will reduce the number of advisers serving with NATO Mission Iraq next year.", "NATO Mission Iraq", "reduce"),
        ("NATO formally ended Operation Ocean Shield, its counter-piracy mission.", "Operation Ocean Shield", "end"),
        ("NATO opened its liaison office in Amman on Tuesday.", "NATO Liaison Office in Jordan", "open_office"),
        ("NATO will close its liaison office in Georgia, the alliance said.", "NATO Liaison Office in Georgia", "close_office"),
        ("Allies agreed to scale up NATO battlegroups to brigades.", "Forward Land Forces", "expand"),
        ("NATO and Ukraine on Monday opened a joint centre in the Polish city of Bydgoszcz. The Joint Analysis, Training and Education Centre (JATEC) will analyse battlefield experience, NATO said.", "JATEC", "open_office"),
        ("NATO's Ukraine assistance command, NSATU, has opened a new logistics hub in Romania, the alliance said.", "NSATU", "expand"),
        ("KFOR will hand over border patrols in north Kosovo to the Kosovo police next month, NATO said.", "KFOR", "reduce"),
        ("PRISTINA - NATO's Kosovo Force (KFOR) will deploy an additional 600 troops to the north of the country following clashes near Zvecan, the alliance said on Sunday.", "KFOR", "expand"),
    ] as [(String, String, String)])
    func changeTypes(_ text: String, _ mission: String, _ change: String) {
        let m = one(text)
        #expect(m?.mission == mission)
        #expect(m?.change == change)
        #expect(m?.status == "decided")
    }

    @Test func theOpeningOfAnOfficeIsNotATime() {
        let m = one("NATO allies are expected to approve the opening of a liaison office in Mauritania at their summit next month.")
        #expect(m?.mission == "NATO Liaison Office in Mauritania" && m?.change == "open_office" && m?.status == "proposed")
    }

    @Test func moreRotationsAreAnExpansion() {
        let m = one("NATO could increase the number of air policing rotations in Iceland from three to four a year.")
        #expect(m?.mission == "Icelandic Air Policing" && m?.change == "expand" && m?.status == "proposed")
    }

    @Test func closingASiteOfAMissionReducesIt() {
        let m = one("NATO Mission Iraq will close its training site at Taji by the end of the year, the alliance said.")
        #expect(m?.mission == "NATO Mission Iraq" && m?.change == "reduce")
    }

    @Test func extensionInTimeIsOther() {
        let m = one("NATO agreed to extend Operation Sea Guardian for another year.")
        #expect(m?.mission == "Operation Sea Guardian" && m?.change == "other")
    }

    @Test func extensionInSpaceIsExpand() {
        let m = one("NATO has extended its Eastern Sentry air defence activity to cover Romania's Black Sea coast.")
        #expect(m?.mission == "Eastern Sentry" && m?.change == "expand")
    }

    @Test func theMissionRefersBack() {
        let r = ClassifierFixture.classify("NATO Mission Iraq advises the Iraqi defence ministry. The mission will be expanded to include the interior ministry, NATO said.")
        #expect(r.missions.map(\.change) == ["expand"])
        #expect(r.missions.first?.mission == "NATO Mission Iraq")
    }

    @Test func negationBeforeTheVerbCancelsIt() {
        #expect(ClassifierFixture.classify("NATO has no plans to expand KFOR, a spokesperson said.").missions.isEmpty)
    }

    @Test func negationElsewhereDoesNotCancel() {
        let m = one("NATO is reducing the number of jets assigned to Eastern Sentry, though officials said capability would not be affected.")
        #expect(m?.mission == "Eastern Sentry" && m?.change == "reduce")
    }

    @Test func reviewingPlansIsProposed() {
        let m = one("The alliance was reviewing plans to open a liaison office in Jordan.")
        #expect(m?.change == "open_office" && m?.status == "proposed" && m?.place == "Jordan")
    }

    /// A change scheduled for approval ("set to be approved this week") counts as decided, as the
    /// founding article's expanded Iraq mission does in the classifier issue's contract.
    @Test func setToBeApprovedIsDecided() {
        let m = one("The expanded NATO mission in Iraq, set to be approved this week, would see advisers support the police.")
        #expect(m?.mission == "NATO Mission Iraq" && m?.change == "expand" && m?.status == "decided")
    }

    @Test func officeTemplateNamesANewPlace() {
        let m = one("NATO is considering opening a liaison office in Tunisia.")
        #expect(m?.mission == "NATO Liaison Office in Tunisia")
        #expect(m?.place == "Tunisia")
        #expect(m?.status == "proposed")
    }

    @Test func changeVerbAboutCoordinationIsIgnored() {
        let r = ClassifierFixture.classify("NATO will scale up coordination with the NATO-ICI Regional Centre in Kuwait.")
        #expect(r.missions.isEmpty)
    }

    @Test func needsNATOContext() {
        let r = ClassifierFixture.classify("The ministry plans to open a liaison office in Tunisia for trade.")
        #expect(r.missions.isEmpty)
    }
}
