import Testing
@testable import Timeline

/// The sex of a person as a title or a given name tells it, for pronouns.
@Suite struct PersonGenderTests {
    @Test func pronounsTitlesAndGivenNames() {
        #expect(PersonGender.of(pronoun: "she") == .female)
        #expect(PersonGender.of(pronoun: "his") == .male)
        #expect(PersonGender.of(pronoun: "they") == nil)
        #expect(PersonGender.of(title: "mrs.") == .female)
        #expect(PersonGender.of(title: "mr") == .male)
        #expect(PersonGender.of(name: "Hillary Clinton") == .female)
        #expect(PersonGender.of(name: "Donald Trump") == .male)
        // Names given to both sexes tell nothing.
        #expect(PersonGender.of(name: "Jordan Lee") == nil)
        #expect(PersonGender.of(name: "Kim Jong-un") == nil)
    }
}
