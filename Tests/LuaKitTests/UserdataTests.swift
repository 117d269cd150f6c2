import Testing
@testable import LuaKit

final class Dossier: LuaUserdata {
    let title: String
    var pages: Int
    let counter: LifeCounter
    init(title: String, pages: Int, counter: LifeCounter) {
        self.title = title
        self.pages = pages
        self.counter = counter
        counter.created += 1
    }
    deinit { counter.destroyed += 1 }
    static var luaTypeName: String { "Dossier" }

    static var luaType: LuaUserdataType<Dossier> {
        let type = LuaUserdataType<Dossier>(name: "Dossier")
        type.field("title", documentation: "The dossier's title.") { $0.title }
        type.field("pages") { $0.pages }
        type.method("grow", documentation: "grow(n): add n pages, return the new count") { dossier, call in
            dossier.pages += try call.argument(1, as: Int.self)
            call.push(dossier.pages)
            return 1
        }
        type.method("search") { _, call in
            let query: String = try call.argument(1)
            _ = try call.argument(2, as: LuaTable.self)
            call.push(query)
            return 1
        }
        type.toString { "Dossier(\($0.title), \($0.pages) pages)" }
        type.equality { $0.title == $1.title }
        type.length { $0.pages }
        return type
    }
}

@Suite struct UserdataTests {
    func makeState(_ counter: LifeCounter) throws -> LuaState {
        let state = try LuaState()
        state.register(Dossier.luaType)
        state.setGlobal("d", Dossier(title: "Dhaka", pages: 3, counter: counter))
        return state
    }

    @Test func fieldsMethodsAndMetamethods() throws {
        let counter = LifeCounter()
        let state = try makeState(counter)
        #expect(try evaluate(state, "return d.title") == "Dhaka")
        #expect(try evaluate(state, "return d:grow(2)") == .integer(5))
        #expect(try evaluate(state, "return d.pages") == .integer(5))
        #expect(try evaluate(state, "return #d") == .integer(5))
        #expect(try evaluate(state, "return tostring(d)") == "Dossier(Dhaka, 5 pages)")
        #expect(try evaluate(state, "return d.nonexistent") == .nil)
        state.setGlobal("other", Dossier(title: "Dhaka", pages: 1, counter: counter))
        #expect(try evaluate(state, "return d == other") == .boolean(true))
        #expect(try evaluate(state, "return getmetatable(d)") == "Dossier")  // hidden metatable
        #expect(try state.global("d", as: Dossier.self).pages == 5)
    }

    @Test func methodArgumentErrorsCountFromTheReceiver() throws {
        let state = try makeState(LifeCounter())
        #expect(try errorMessage(state, "d:search('ISI', 'recent')")
            == "test:2: bad argument #2 to 'search' (table expected, got string)")
        #expect(try errorMessage(state, "d.grow(42, 1)")
            == "test:2: bad argument #1 to 'grow' (Dossier expected, got number)")
        #expect(try errorMessage(state, "local grow = d.grow; grow('x')")
            == "test:2: bad argument #1 to 'grow' (Dossier expected, got string)")
    }

    @Test func garbageCollectionReleasesTheSwiftObject() throws {
        let counter = LifeCounter()
        let state = try makeState(counter)
        #expect(counter.live == 1)
        try state.execute("d = nil; collectgarbage(); collectgarbage()", chunkName: "=test")
        #expect(counter.live == 0)
    }

    @Test func closingTheStateReleasesEveryObject() throws {
        let counter = LifeCounter()
        let state = try makeState(counter)
        state.register("make") { call in
            call.push(Dossier(title: "n\(try call.argument(1, as: Int.self))", pages: 1, counter: counter))
            return 1
        }
        try state.execute("keep = {} for i = 1, 500 do keep[i] = make(i) end", chunkName: "=test")
        #expect(counter.live == 501)
        state.close()
        state.close()  // closing twice is harmless
        #expect(counter.live == 0)
        #expect(state.isClosed)
    }
}
