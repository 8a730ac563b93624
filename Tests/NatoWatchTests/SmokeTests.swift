import Testing
@testable import NatoWatch

@Suite struct VersionTests {
    @Test func userAgentNamesNatowatchAndVersion() {
        #expect(NatoWatchVersion.userAgent.hasPrefix("natowatch/\(NatoWatchVersion.string)"))
    }
}
