import DossierCore
import Foundation

/// The draws the generated corpus makes from `SplitMix64` (DossierCore),
/// which gives every run of the store benchmark the same corpus and queries.
extension SplitMix64 {
    /// Uniform in 0..<1.
    mutating func unit() -> Double { Double(next() >> 11) / Double(UInt64(1) << 53) }

    mutating func int(_ range: ClosedRange<Int>) -> Int {
        range.lowerBound + Int(next() % UInt64(range.upperBound - range.lowerBound + 1))
    }

    mutating func chance(_ probability: Double) -> Bool { unit() < probability }

    mutating func pick<T>(_ items: [T]) -> T { items[int(0...(items.count - 1))] }
}

/// The words of the generated articles, most frequent first, drawn with a
/// Zipf distribution (the word of rank r has weight 1/r): a few hundred real
/// English words at the top, then made-up words built from syllables.
struct Vocabulary {
    static let size = 5000

    let words: [String]
    let bytes: [[UInt8]]
    let capitalized: [[UInt8]]
    private let cumulative: [Double]

    init(rng: inout SplitMix64) {
        var words: [String] = []
        var seen = Set<String>()
        for word in Self.common.split(separator: " ").map(String.init) where seen.insert(word).inserted {
            words.append(word)
        }
        let onsets = ["b", "br", "c", "ch", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s", "st", "sh", "t", "tr", "v", "w", "z"]
        let vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"]
        let codas = ["", "", "", "n", "r", "l", "s", "t", "nd", "st", "m", "x"]
        while words.count < Self.size {
            var word = ""
            for _ in 0..<rng.int(2...4) { word += rng.pick(onsets) + rng.pick(vowels) + rng.pick(codas) }
            if seen.insert(word).inserted { words.append(word) }
        }
        self.words = words
        bytes = words.map { Array($0.utf8) }
        capitalized = words.map { Array(($0.prefix(1).uppercased() + $0.dropFirst()).utf8) }
        var total = 0.0
        cumulative = (0..<words.count).map { rank in
            total += 1 / Double(rank + 1)
            return total
        }
    }

    /// A word's rank drawn from the Zipf distribution.
    func sampleRank(_ rng: inout SplitMix64) -> Int {
        let target = rng.unit() * cumulative[cumulative.count - 1]
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }

    private static let common = """
        the of and to in a that for is on said with was as by at it from he his has be have are an its not but \
        were which who they their this had after year been will more also new government people would two first \
        one about over up last than other some into years could when minister president state officials police \
        told there while percent against country week under since all between during three can before security \
        forces election party million her she them economic public city national military capital according \
        report court group former foreign told where most many these any then because including billion \
        agreement talks support officials leaders prime spokesman statement tuesday monday wednesday thursday \
        friday saturday sunday month months days local region regional border troops attack killed \
        protest protesters workers company companies market markets prices oil gas energy climate water \
        health hospital children women students schools law laws bill parliament vote voters campaign \
        opposition ruling coalition leader council committee investigation trade tariffs exports imports \
        growth inflation bank banks interest rates budget tax taxes debt crisis war peace ceasefire aid \
        humanitarian refugees migrants fighting army navy air strikes missile nuclear sanctions deal \
        negotiations summit meeting visit official ministry department agency federal central chief \
        director executive spokeswoman announced expected plan plans policy policies reform reforms \
        decision ruling judge trial charges arrested sentenced prison rights human international world \
        global united power electricity infrastructure project projects investment investors shares \
        stock index earnings profit revenue sales jobs unemployment wages strike union unions farmers \
        food drought flood floods storm earthquake fire emergency rescue victims dead injured \
        death toll disease outbreak vaccine virus cases doctors research scientists study data \
        technology internet online social media platform users digital cyber network phone \
        football match team season coach players cup championship final win victory defeat \
        film music festival artist museum book culture history church religious community \
        village town province district streets residents families homes housing land
        """
}

/// Names set in running text: countries, international bodies and the outlets
/// that publish the articles.
enum CorpusNames {
    static let countries = [
        "Argentina", "Australia", "Brazil", "Canada", "Chile", "China", "Colombia", "Egypt", "Ethiopia",
        "France", "Germany", "Ghana", "Greece", "India", "Indonesia", "Iran", "Iraq", "Israel", "Italy",
        "Japan", "Kenya", "Mexico", "Morocco", "Nigeria", "Pakistan", "Peru", "Poland", "Russia",
        "Saudi Arabia", "South Africa", "South Korea", "Spain", "Sudan", "Sweden", "Syria", "Turkey",
        "Ukraine", "United Kingdom", "United States", "Venezuela", "Vietnam", "New Zealand",
    ]
    static let organisations = [
        "United Nations", "European Union", "World Bank", "International Monetary Fund", "NATO",
        "World Health Organization", "Red Cross", "African Union", "OPEC", "Interpol",
        "Amnesty International", "Human Rights Watch", "Federal Reserve", "European Central Bank",
        "World Trade Organization", "Greenpeace", "UNICEF", "Doctors Without Borders", "ASEAN",
        "Security Council", "International Criminal Court", "G20",
    ]
    static let outlets = [
        "Reuters", "Associated Press", "Agence France-Presse", "BBC News", "The Guardian", "Al Jazeera",
        "Deutsche Welle", "The New York Times", "Le Monde", "El País", "The Hindu", "Kyiv Independent",
        "South China Morning Post", "The Washington Post", "Financial Times", "NHK World",
        "ABC News Australia", "Times of India", "Daily Maverick", "The Globe and Mail",
    ]
    static let sections = ["World", "Politics", "Business", "Economy", "Science", "Health", "Sport", "Culture", "Climate", "Technology"]
    static let cities = ["NEW DELHI", "NAIROBI", "BRUSSELS", "WASHINGTON", "BEIJING", "KYIV", "LAGOS", "LIMA", "GENEVA", "TOKYO", "CAIRO", "BERLIN"]
    static let firstNames = ["Anna", "David", "Maria", "James", "Fatima", "Wei", "Carlos", "Amira", "John", "Priya", "Olga", "Kwame", "Sofia", "Ahmed", "Elena", "Tom"]
    static let lastNames = ["Smith", "Garcia", "Chen", "Okafor", "Kumar", "Müller", "Rossi", "Haddad", "Novak", "Silva", "Kim", "Dubois", "Ivanova", "Mensah", "Tanaka", "Brown"]
}

/// Generates the benchmark's articles: titles of 6 to 12 words, bodies of 350
/// to 900 words in paragraphs of 40 to 130 words, dates spread over 2015 to
/// 2025, 20 outlets. About 5% are rewrites of a recent article (one paragraph
/// replaced, another outlet), as wire copies are, so the near-duplicate index
/// finds links as it would on real news.
struct CorpusGenerator {
    private var rng: SplitMix64
    let vocabulary: Vocabulary
    private let names: [[UInt8]]
    private var recent: [(paragraphs: [[UInt8]], outlet: String)] = []

    init(seed: UInt64) {
        rng = SplitMix64(seed: seed)
        vocabulary = Vocabulary(rng: &rng)
        names = (CorpusNames.countries + CorpusNames.organisations).map { Array($0.utf8) }
    }

    mutating func articles(_ count: Int) -> [ArticleDraft] {
        (0..<count).map { article(number: $0) }
    }

    /// Appends `count` words (a name counts as one) with a capital first
    /// letter and commas here and there; returns nothing, the caller ends it.
    private mutating func words(_ count: Int, into text: inout [UInt8]) {
        for position in 0..<count {
            if position > 0 {
                if rng.chance(0.06) { text.append(UInt8(ascii: ",")) }
                text.append(UInt8(ascii: " "))
            }
            if rng.chance(0.025) {
                text.append(contentsOf: rng.pick(names))
            } else {
                let rank = vocabulary.sampleRank(&rng)
                text.append(contentsOf: position == 0 ? vocabulary.capitalized[rank] : vocabulary.bytes[rank])
            }
        }
    }

    private mutating func paragraph(words target: Int) -> [UInt8] {
        var text: [UInt8] = []
        text.reserveCapacity(target * 8)
        var remaining = target
        while remaining > 0 {
            if !text.isEmpty { text.append(UInt8(ascii: " ")) }
            let length = min(rng.int(8...28), remaining)
            words(length, into: &text)
            text.append(UInt8(ascii: "."))
            remaining -= length
        }
        return text
    }

    private mutating func paragraphs(words target: Int) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var remaining = target
        while remaining > 0 {
            var length = min(rng.int(40...130), remaining)
            if remaining - length < 20 { length = remaining }  // no stub paragraph at the end
            result.append(paragraph(words: length))
            remaining -= length
        }
        return result
    }

    private mutating func article(number: Int) -> ArticleDraft {
        var outlet = rng.pick(CorpusNames.outlets)
        var bodyParagraphs: [[UInt8]]
        if number >= 100, rng.chance(0.05), let original = recent.randomElement(using: &rng) {
            bodyParagraphs = original.paragraphs
            let replaced = rng.int(0...(bodyParagraphs.count - 1))
            bodyParagraphs[replaced] = paragraph(words: rng.int(40...100))
            while outlet == original.outlet { outlet = rng.pick(CorpusNames.outlets) }
        } else {
            bodyParagraphs = paragraphs(words: rng.int(350...900))
        }
        recent.append((bodyParagraphs, outlet))
        if recent.count > 50 { recent.removeFirst() }

        var body: [UInt8] = []
        for (index, paragraph) in bodyParagraphs.enumerated() {
            if index > 0 { body.append(contentsOf: [0x0A, 0x0A]) }
            body.append(contentsOf: paragraph)
        }

        var title: [UInt8] = []
        let titleLength = rng.int(6...12)
        words(titleLength, into: &title)
        var subtitle: String?
        if rng.chance(0.5) {
            var text: [UInt8] = []
            words(rng.int(12...25), into: &text)
            text.append(UInt8(ascii: "."))
            subtitle = String(decoding: text, as: UTF8.self)
        }

        // 2015-01-01 to 2025-12-31, to the minute.
        let seconds = 1_420_070_400 + 60 * rng.int(0...(5_786_640 - 1))
        let instant = Date(timeIntervalSince1970: TimeInterval(seconds))
        let section = rng.pick(CorpusNames.sections)
        let slug = outlet.lowercased().filter { $0.isLetter }
        return ArticleDraft(
            title: String(decoding: title, as: UTF8.self),
            subtitle: subtitle,
            byline: "By \(rng.pick(CorpusNames.firstNames)) \(rng.pick(CorpusNames.lastNames))",
            outlet: outlet,
            url: "https://\(slug).example/\(section.lowercased())/\(seconds)/article-\(number)",
            published: PublicationDate(instant: instant, utcOffsetSeconds: 0, precision: .minute),
            dateline: rng.chance(0.3) ? rng.pick(CorpusNames.cities) : nil,
            language: "en",
            breadcrumbs: ["Home", section],
            body: String(decoding: body, as: UTF8.self),
            sourcePath: "generated#\(number + 1)"
        )
    }
}
