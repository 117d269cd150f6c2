import Testing
import LuaKit
import DossierLua
@testable import DossierShell

@Suite struct CompletionTests {
    @Test func wordsCompleteAgainstTheRightTable() throws {
        let state = try LuaState()
        try DossierModule.install(in: state, storePath: ":memory:")
        #expect(completions(for: "ins", in: state) == ["inspect"])
        #expect(completions(for: "string.fo", in: state) == ["string.format"])
        #expect(completions(for: "dossier.", in: state) == ["dossier.inspect", "dossier.open", "dossier.version"])
        #expect(completions(for: "store:sea", in: state) == ["store:search"])
        #expect(completions(for: "nothing.here", in: state) == [])
        #expect(commonPrefix(["string.format", "string.find"]) == "string.f")
    }
}
