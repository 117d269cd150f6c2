import ArticleStore
import DossierCore
import LuaKit

/// What work done in Swift for a script costs in memory, so that it counts
/// against `--memory-limit` (see `LuaMemoryBudgetError`): a call whose work
/// would not fit is refused before it starts, with a message naming it.
enum ScriptMemory {
    /// Peak Swift memory of entity extraction per byte of text: 34 measured
    /// with `/usr/bin/time dossier -e 'extract(f)'` on 2.25 MB of running
    /// prose, 43 on 2.8 MB of PolNeAR news text (docs/security.md, "Memory
    /// limit"); rounded up from the larger.
    static let extractionBytesPerTextByte = 48
    /// Peak Swift memory of the temporal tagger per byte of text: 15 measured
    /// the same way with `dates.find`; rounded up.
    static let temporalTaggingBytesPerTextByte = 16

    /// Refuses extraction, or claim finding, over `bytes` of text that would
    /// not fit the cap. Claims are found with the text's entity mentions
    /// (extracted when not stored), and the peak is extraction's: `dossier -e
    /// 'claims(f)'` and `'extract(f)'` on the same 2.8 MB of news text peaked
    /// alike (about 43 bytes per byte above the empty process, debug build).
    static func ensureRoomToExtract(_ call: LuaCall, bytes: Int, in function: String) throws(LuaMemoryBudgetError) {
        try call.ensureRoom(forBytes: bytes.multipliedReportingOverflow(by: extractionBytesPerTextByte).partialValue,
                            "\(function) on a text of \(LuaMemoryBudgetError.format(bytes))")
    }

    /// The per-file memory budget `store:ingest` gets under `--memory-limit`:
    /// what is left of the cap, so that a file whose ingest would not fit
    /// is reported as over budget and skipped like any over-budget file (the
    /// rest go in); nil without a cap. Streamed dumps are read in batches of
    /// bounded size and are not judged as a whole.
    static func ingestBudget(_ call: LuaCall) -> FileBudget? {
        guard let limit = call.stack.memoryLimit else { return nil }
        return FileBudget(seconds: .infinity, memoryBytes: max(limit - call.stack.memoryInUse, 0))
    }

    /// Refuses temporal tagging over `bytes` of text that would not fit the cap.
    static func ensureRoomToTag(_ call: LuaCall, bytes: Int, in function: String) throws(LuaMemoryBudgetError) {
        try call.ensureRoom(forBytes: bytes.multipliedReportingOverflow(by: temporalTaggingBytesPerTextByte).partialValue,
                            "\(function) on a text of \(LuaMemoryBudgetError.format(bytes))")
    }

    /// The bytes of an article's text fields.
    static func textBytes(_ draft: ArticleDraft) -> Int {
        [draft.title, draft.subtitle, draft.byline, draft.dateline, draft.outlet, draft.url, draft.language]
            .reduce(draft.body.utf8.count) { $0 + ($1?.utf8.count ?? 0) }
    }
}
