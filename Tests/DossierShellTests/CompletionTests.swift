import Testing
import LuaKit
import DossierLua
@testable import DossierShell

@Suite struct CompletionTests {
    @Test func wordsCompleteAgainstTheRightTable() throws {
        let state = try LuaState()
        try DossierModule.install(in: state)
        #expect(completions(for: "ins", in: state) == ["inspect"])
        #expect(completions(for: "string.fo", in: state) == ["string.format"])
        #expect(completions(for: "dossier.", in: state) == ["dossier.inspect", "dossier.version"])
        #expect(completions(for: "nothing.here", in: state) == [])
        #expect(commonPrefix(["string.format", "string.find"]) == "string.f")
    }
}
