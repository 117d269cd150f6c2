/// A short capital code of a national party or armed group ("PTI", "BNP",
/// "BLA", kinds party, militant and group with a country in the gazetteer)
/// names it only where the text is about its country: "PTI" is also the
/// Press Trust of India, "BLA" and "RSS" are other things in most English
/// news. Kept when the text names the country (by name, alias or demonym) or
/// the group by its full name; dropped otherwise.
enum ShortCodeContextRule {
    static let kinds: Set<String> = ["party", "militant", "group"]

    static func filter(_ candidates: inout [Candidate], in text: TokenizedText, gazetteer: Gazetteer) {
        func isShortCode(_ candidate: Candidate) -> Bool {
            guard candidate.source == .gazetteer, candidate.bytes.count <= 5, let entity = candidate.entity else { return false }
            let written = text.bytes[candidate.bytes]
            guard written.allSatisfy({ ($0 >= 0x41 && $0 <= 0x5A) || $0 == 0x2D }),
                  let entry = gazetteer.entry(named: entity) else { return false }
            return entry.link != nil && kinds.contains(entry.kind) && !written.elementsEqual(entity.utf8)
        }
        guard candidates.contains(where: isShortCode) else { return }
        var named: Set<String> = []
        for candidate in candidates where !isShortCode(candidate) {
            if let entity = candidate.entity { named.insert(entity) }
        }
        candidates.removeAll { candidate in
            guard isShortCode(candidate), let entity = candidate.entity,
                  let link = gazetteer.entry(named: entity)?.link else { return false }
            return !named.contains(link) && !named.contains(entity)
        }
    }
}
