/// A site a post's text claims, with how strongly and why.
public struct SiteClaim: Sendable, Hashable {
    /// The site.
    public var site: Site
    /// Higher is stronger. A bare name scores about 1, a name with a fitting type word
    /// ("Tabqa air base") about 2–3; a capture word ("liberated") adds 0.3; a goal
    /// ("next: Raqqa") or a mere locator ("east of Aleppo") scales it down.
    public var score: Double
    /// One line a person can check: which words matched which name, which type word, which
    /// nearby place decided between namesakes.
    public var explanation: String
}

/// Ranks the sites a post's text claims, in Arabic and Latin script.
///
/// A post names places ("Tabqa", "مطار الطبقة العسكري"), with words around them that say
/// what kind of site ("air base", "مطار", "سد"), whether it is taken now ("liberated",
/// "رفع راية") or only a goal ("next", "الهدف القادم"), or only a locator ("east of",
/// "ريف"). The resolver finds the names through ``PlaceNameIndex``, attaches the type words
/// to the nearest name in the direction each language puts them, chooses among the sites
/// sharing a name (the city when no type word is given: "Mosul" is the city), and scores.
/// Deterministic: ties go to the curated site, then to the gazetteer's order.
public struct ClaimResolver: Sendable {
    /// The sites being resolved against.
    public let gazetteer: Gazetteer
    private let index: PlaceNameIndex
    private let sitesByType: [SiteType: [Int]]

    /// Claims scoring below this are dropped: a goal or a locator alone claims nothing.
    public static let minimumScore = 0.6

    /// A resolver over `gazetteer`.
    /// - Complexity: O(total names) to build the index.
    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        index = PlaceNameIndex(sites: gazetteer.sites)
        var byType: [SiteType: [Int]] = [:]
        for (position, site) in gazetteer.sites.enumerated() { byType[site.type, default: []].append(position) }
        sitesByType = byType
    }

    /// The sites `text` claims, strongest first (at most `limit`).
    /// - Complexity: about linear in the length of the text.
    public func resolve(_ text: String, limit: Int = 5) -> [SiteClaim] {
        guard limit > 0 else { return [] }
        var scan = Scan(text: text, index: index)
        let typeSpans = findTypeWords(in: scan)
        scan.mark(typeSpans)
        var mentions = findMentions(in: scan, typeSpans: typeSpans)
        guard !mentions.isEmpty else { return [] }
        for m in mentions.indices {
            mentions[m].isOrigin = isOrigin(mentions[m], scan: scan)
            // "protesters from Nasiriyah and Basra": the places listed after an origin are too.
            if m > 0, mentions[m - 1].isOrigin, !scan.words[scan.content[mentions[m].start]].startsClause,
               (mentions[m - 1].end + 1..<mentions[m].start).allSatisfy({ scan.has(scan.content[$0], in: PlaceLexicon.conjunctions) }) {
                mentions[m].isOrigin = true
            }
        }
        attach(typeSpans, to: &mentions, scan: scan)
        choose(&mentions, scan: scan)
        return rank(mentions, limit: limit)
    }

    /// The sites whose names match `query` (words in any order of importance), best first:
    /// for `imprint sites search`. Unlike ``resolve(_:limit:)`` it keeps every namesake.
    public func search(_ query: String, limit: Int = 20) -> [Site] {
        guard limit > 0 else { return [] }
        var scan = Scan(text: query, index: index)
        let typeSpans = findTypeWords(in: scan)
        scan.mark(typeSpans)
        // A site's exact name or alias comes first ("Al Thaurah Airport" is OurAirports' T2
        // strip, before every other "Al … Airport"), then the fitting type, then the longest match.
        let queryForms = PlaceText.forms(query)
        var found: [(site: Int, rank: Double, exact: Bool)] = [], loose: [(site: Int, rank: Double, exact: Bool)] = []
        for mention in findMentions(in: scan, typeSpans: typeSpans, query: true) {
            for candidate in mention.candidates {
                let exact = gazetteer.sites[candidate.site].allNames.contains { PlaceText.forms($0) == queryForms }
                let match = (candidate.site, Double(mention.end - mention.start + 1) * candidate.quality, exact)
                // A match by loose skeleton only ("Thaurah" for Thawra, but "Green" for Korean)
                // comes after the names that hold the query's words as written.
                if candidate.quality < 1 && !exact { loose.append(match) } else { found.append(match) }
            }
        }
        // A bare name means the town, as in a post ("Albukamal" before its airport); a type
        // word, the sites of that type.
        let typed = Set(typeSpans.flatMap { $0.weights.keys })
        let wanted: Set<SiteType> = typed.isEmpty ? [.city] : typed
        func better(_ a: (site: Int, rank: Double, exact: Bool), _ b: (site: Int, rank: Double, exact: Bool)) -> Bool {
            let aFits = wanted.contains(gazetteer.sites[a.site].type), bFits = wanted.contains(gazetteer.sites[b.site].type)
            return (a.exact ? 1 : 0, aFits ? 1 : 0, a.rank, -a.site) > (b.exact ? 1 : 0, bFits ? 1 : 0, b.rank, -b.site)
        }
        found.sort(by: better)
        loose.sort(by: better)
        var seen = Set<Int>()
        var result: [Site] = []
        // An id or a code (`ourairports:ORER`, `OSDZ`, `DEZ`) names its site first.
        if let named = gazetteer.site(named: query.trimmingCharacters(in: .whitespaces)), let position = gazetteer.sites.firstIndex(where: { $0.id == named.id }) {
            seen.insert(position)
            result.append(named)
            if result.count == limit { return result }
        }
        for (site, _, _) in found where seen.insert(site).inserted {
            result.append(gazetteer.sites[site])
            if result.count == limit { return result }
        }
        // Nothing by name: fall back to a substring of any name, case and accents folded.
        if result.isEmpty {
            let needle = PlaceText.forms(query).joined(separator: " ")
            guard !needle.isEmpty else { return [] }
            for (position, site) in gazetteer.sites.enumerated() where !seen.contains(position) {
                if site.allNames.contains(where: { PlaceText.forms($0).joined(separator: " ").contains(needle) }) {
                    seen.insert(position)
                    result.append(site)
                    if result.count == limit { return result }
                }
            }
        }
        for (site, _, _) in loose where seen.insert(site).inserted {
            result.append(gazetteer.sites[site])
            if result.count == limit { break }
        }
        return result
    }

    /// Whether the text says itself that its picture is old, reposted or false ("old photo",
    /// "again", "#factcheck", "صورة قديمة", "مفبركة"), or marks an anniversary ("#OnThisDay",
    /// ذكرى سقوط …): such a post presents nothing as new, so it cannot be recycling a photo.
    public static func presentsAsOld(_ text: String) -> Bool {
        let scan = Scan(text: text)
        return presentsAsOld(scan) || remembers(scan) || scan.content.contains(where: { scan.has($0, in: PlaceLexicon.anniversaryWords) })
    }

    private static func presentsAsOld(_ scan: Scan) -> Bool {
        // Whether a word of `words` stands up to `reach` content words before the cue at `c`,
        // in its clause.
        func before(_ c: Int, within reach: Int, _ words: WordSet) -> Bool {
            var before = c - 1
            while before >= max(0, c - reach) {
                if scan.has(scan.content[before], in: words) { return true }
                if scan.words[scan.content[before + 1]].startsClause { break }
                before -= 1
            }
            return false
        }
        // A cue denied says the opposite: "not an old photo", "not a file photo", "new
        // pictures, not archive footage", ليست صورة قديمة.
        func denied(_ c: Int) -> Bool { before(c, within: 3, PlaceLexicon.negationCues) }
        // A cue in others' mouths, rejected ("fake news says this is an old photo, it is not",
        // يزعمون أنها صورة قديمة، بل هي … اليوم), is the poster's denial: the picture is presented
        // as new. (A fact-check that quotes a source and dates the picture rebuts nothing.)
        let rebutted = scan.content.contains { scan.has($0, in: PlaceLexicon.newnessRebuttals) }
        func othersClaim(_ c: Int) -> Bool {
            guard rebutted else { return false }
            // "Fake news says …": the cue names who claims it.
            return (c + 1..<min(scan.content.count, c + 3)).contains { scan.has(scan.content[$0], in: PlaceLexicon.claimedByOthersWords) }
                || before(c, within: 5, PlaceLexicon.claimedByOthersWords)
        }
        for (c, position) in scan.content.enumerated() where !denied(c) && !othersClaim(c) {
            if PlaceLexicon.passedOffPhrases.starts(at: position, in: scan.forms) { return true }
            if scan.has(position, in: PlaceLexicon.oldMaterialCues) { return true }
            guard scan.has(position, in: PlaceLexicon.oldWords) else { continue }
            let nearby = max(0, c - 2)...min(scan.content.count - 1, c + 2)
            if nearby.contains(where: { scan.has(scan.content[$0], in: PlaceLexicon.pictureWords) }) { return true }
        }
        return false
    }

    /// Whether a fact-check says the picture is from a film or a game, or from a country far
    /// from the region ("a still from a 2016 film shot in Morocco", وتعود لفيضانات في الهند).
    private static func placesPictureElsewhere(_ scan: Scan, factCheck: Bool) -> Bool {
        let content = scan.content
        return factCheck && (content.contains { scan.tells($0, of: [.fiction, .farCountry, .farPlace]) }
            || PlaceLexicon.elsewherePhrases.occurs(in: scan.forms))
    }

    /// Whether the post checks a picture: it calls it old or false, or says "fact check".
    private static func isFactCheck(_ scan: Scan) -> Bool {
        let content = scan.content
        return presentsAsOld(scan) || content.indices.contains { c in
            scan.tells(content[c], of: .factCheckTag)
                || (scan.words[content[c]].form == "fact" && c + 1 < content.count && scan.words[content[c + 1]].form == "check")
        }
    }

    /// Whether a phrase quoting what a picture was said to show ("the photo claiming to show
    /// …", ``PlaceLexicon/claimedToShowPhrases``) starts up to twelve words before the place.
    private static func isClaimedToShow(_ mention: Mention, scan: Scan) -> Bool {
        let first = scan.content[mention.start]
        return (max(0, first - 12)..<first).contains { PlaceLexicon.claimedToShowPhrases.starts(at: $0, in: scan.forms) }
    }

    // MARK: Scanning

    /// The words of a text with their lookup keys, computed once.
    struct Scan {
        let words: [PlaceText.Word]
        /// Each word's folded form, for the phrase lists.
        let forms: [FoldedWord]
        /// Positions of the words that count (articles skipped).
        let content: [Int]
        let variants: [[String]]
        /// The variants as keys of the lexicon's word sets, each hashed once.
        let keys: [[FoldedWord]]
        /// The skeleton of each variant (clitics off first: للگيارة → كياره → its skeleton).
        let skeletons: [[String]]
        /// What each word tells of (``PlaceLexicon/topicsByWord``), looked up once.
        let topics: [PlaceLexicon.Topics]
        /// For each word of `content`, whether it is part of a type word ("air base", مطار):
        /// cue windows do not count those ("Tabqa air base was liberated" has its capture word
        /// three words on). Set by ``mark(_:)``.
        private(set) var isTypeWord: [Bool] = []

        /// Records where the type words are.
        mutating func mark(_ spans: [TypeSpan]) {
            isTypeWord = [Bool](repeating: false, count: content.count)
            for span in spans { for c in span.start...span.end { isTypeWord[c] = true } }
        }

        /// How many content words stand before the text's first `|` (a channel's name line),
        /// and whether any word follows it (nil when none does).
        let contentBeforeFirstBar: Int?
        /// The text gives a match result (``ClaimResolver/hasScoreLine(_:)``).
        let hasScoreLine: Bool
        /// The text gives a temperature ("49°C", "٤٨ درجة مئوية"): a weather report.
        let hasTemperature: Bool
        /// The text tells of a dust, sand or snow storm: weather too ("Dust storm rolling over
        /// Deir Ezzor and Mayadin right now").
        private(set) var hasStorm = false
        /// For each word, whether it is in a picture's credit: after "Photo:", "Source:",
        /// "المصدر:" (a credit word before a colon) to the end of its clause. A credit names who
        /// took or passed on the picture ("Photo : Horan Free League"), not what the post is about.
        let inCredit: [Bool]

        /// - Parameter index: the names to mend OCR damage by (``PlaceNameIndex/mendingOCR(_:lostDots:)``).
        init(text: String, index: PlaceNameIndex? = nil) {
            hasScoreLine = ClaimResolver.hasScoreLine(text)
            hasTemperature = ClaimResolver.hasTemperature(text)
            var words = PlaceText.words(text)
            if let index { words = index.mendingOCR(words, lostDots: PlaceText.hasLostDots(text)) }
            // A clause that starts with an article starts at the next word that counts: the
            // cue windows look at content words only ("It isn't — the hangars are at K1").
            for index in words.indices.dropLast() where words[index].startsClause && PlaceNameIndex.isTransparent(words[index]) {
                words[index + 1].startsClause = true
            }
            self.words = words
            forms = words.map { FoldedWord($0.form) }
            content = words.indices.filter { !PlaceNameIndex.isTransparent(words[$0]) }
            contentBeforeFirstBar = words.contains { !$0.beforeFirstBar } ? content.count { words[$0].beforeFirstBar } : nil
            var variants = words.map { PlaceKeys.variants($0.form, script: $0.script) }
            // A "dust storm" is weather, not the capture word "storm" ("fighters storm the base").
            for index in words.indices.dropFirst() where ["storm", "storms"].contains(words[index].form)
                && PlaceLexicon.weatherBeforeStorm.contains(words[index - 1].form) {
                variants[index] = []
                hasStorm = true
            }
            self.variants = variants
            keys = variants.map { $0.map(FoldedWord.init) }
            topics = keys.map { keys in keys.reduce(into: PlaceLexicon.Topics()) { $0.formUnion(PlaceLexicon.topicsByWord[$1] ?? []) } }
            var inCredit = [Bool](repeating: false, count: words.count)
            var credit = false
            for (index, word) in words.enumerated() {
                if word.startsClause { credit = false }
                inCredit[index] = credit
                if word.beforeColon, keys[index].contains(where: PlaceLexicon.creditWords.contains) { credit = true }
            }
            self.inCredit = inCredit
            skeletons = zip(words, variants).map { word, variants in
                var seen: [String] = []
                for variant in variants {
                    let skeleton = PlaceKeys.skeleton(variant, script: word.script)
                    if !seen.contains(skeleton) { seen.append(skeleton) }
                }
                return seen
            }
        }

        func has(_ position: Int, in set: WordSet) -> Bool {
            keys[position].contains { set.contains($0) }
        }

        /// Whether the word at `position` tells of one of `topics`.
        func tells(_ position: Int, of topics: PlaceLexicon.Topics) -> Bool {
            !self.topics[position].isDisjoint(with: topics)
        }

        /// Whether the word at `position` is a nisba with its article, as in a person's name:
        /// al-Tunisi, الموصلي ("Abu Hajar al-Tunisi"; not "Abu Kamal today"). Type words
        /// shaped so (العسكري) are the caller's to exclude.
        func isArticledNisba(at position: Int) -> Bool {
            let word = words[position]
            switch word.script {
            case .latin:
                return position > 0 && ["al", "el"].contains(words[position - 1].form) && ClaimResolver.isNisba(word, of: "")
            case .arabic:
                return word.form.hasPrefix("\u{0627}\u{0644}") && ClaimResolver.isNisba(word, of: "")
            case .digits:
                return false
            }
        }
    }

    /// A run of type words in the text, as positions in `Scan.content`.
    struct TypeSpan {
        let start: Int
        let end: Int
        let weights: [SiteType: Double]
        let isArabic: Bool
        let isAdjective: Bool
        let text: String

        /// "city", مدينة: a type word that says only that the place is a city.
        var isCityOnly: Bool { weights.count == 1 && weights[.city] != nil }
    }

    private func findTypeWords(in scan: Scan) -> [TypeSpan] {
        var spans: [TypeSpan] = []
        var c = 0
        while c < scan.content.count {
            var best: (length: Int, typeWord: Int)? = nil
            for variant in scan.variants[scan.content[c]] {
                for candidate in PlaceLexicon.typeWordsByFirst[variant] ?? [] {
                    let words = PlaceLexicon.typeWords[candidate].words
                    guard c + words.count <= scan.content.count, words.count > (best?.length ?? 0) else { continue }
                    let fits = words.indices.dropFirst().allSatisfy { scan.variants[scan.content[c + $0]].contains(words[$0]) }
                    if fits { best = (words.count, candidate) }
                }
            }
            if let best {
                let typeWord = PlaceLexicon.typeWords[best.typeWord]
                let end = c + best.length - 1
                // A venue's own type word ("Basra International Stadium", ملعب البصرة الدولي) is
                // the venue's, and must not drift to another name ("Jordan at Basra International…").
                let namesAVenue = scan.words[scan.content[c]].script == .arabic
                    ? typeWord.isArabicAdjective && c >= 2 && scan.has(scan.content[c - 2], in: PlaceLexicon.venueWords)
                    : end + 1 < scan.content.count && scan.has(scan.content[end + 1], in: PlaceLexicon.venueWords)
                // A type word denied ("Taftanaz town, not the airbase") is no type of the name.
                let denied = c >= 1 && !scan.words[scan.content[c]].startsClause && scan.has(scan.content[c - 1], in: PlaceLexicon.negationCues)
                // "Crossing into Idlib", "crossing over the river": the verb, not a crossing's name.
                let isVerb = typeWord.words == ["crossing"] && end + 1 < scan.content.count
                    && ["into", "over", "through", "to", "towards", "toward"].contains(scan.words[scan.content[end + 1]].form)
                // An armed group's unit word (لواء ثوار الرقة, "Raqqa Revolutionaries Brigade") is
                // the group's name, not a base's type.
                let namesAGroup = scan.has(scan.content[c], in: PlaceLexicon.groupWords)
                    && ((end + 1 < scan.content.count && scan.has(scan.content[end + 1], in: PlaceLexicon.groupEpithets))
                        || (c >= 1 && scan.has(scan.content[c - 1], in: PlaceLexicon.groupEpithets)))
                if namesAVenue || denied || isVerb || namesAGroup {
                    c += best.length
                    continue
                }
                let text = (c..<c + best.length).map { scan.words[scan.content[$0]].form }.joined(separator: " ")
                spans.append(TypeSpan(start: c, end: c + best.length - 1, weights: typeWord.weights,
                                      // ("matar", Arabic's airport word in Latin letters, precedes its name as مطار does.)
                                      isArabic: scan.words[scan.content[c]].script == .arabic
                                          || (scan.words[scan.content[c]].script == .latin && PlaceLexicon.arabicNounsInLatin.contains(typeWord.words[0])),
                                      isAdjective: typeWord.isArabicAdjective, text: text))
                c += best.length
            } else {
                c += 1
            }
        }
        return spans
    }

    /// A place name found in the text, and the sites that bear it.
    struct Mention {
        let start: Int
        let end: Int
        var candidates: [(site: Int, quality: Double, entry: Int)]
        /// One Latin word: its spelling variants are as often ordinary English words
        /// ("Green" and Korean, "Kills" and Kilis).
        var isOneLatinWord = false
        var typeWeights: [SiteType: Double] = [:]
        var typeWords: [String] = []
        var chosen: Int? = nil
        var fit = 0.0
        var note: String? = nil
        var score = 0.0
        /// The namesake the words matched, when the claim went on to a site near it.
        var anchor: Int? = nil
        /// Denied: preceded by a negation ("not Shayrat", ليست من), or named before a
        /// correction that names another place ("Fake: the photo is of Haditha Dam").
        var negated = false
        /// Named as where someone or something came from: "a fighter from Homs".
        var isOrigin = false
        /// A capture word stands right beside the name (حماه تحررت), or a siege of it is
        /// broken (فك الحصار عن الدير).
        var takenBeside = false
        /// The siege of the place is broken: "broke the siege of Kweiris", فك الحصار عن الدير.
        var siegeBroken = false
        /// Named as a goal: next, soon, on the way to it.
        var isGoal = false
        /// A capture word stands within four words before the name or three after, in its
        /// clause: asked by several rules, found once.
        var captureNear = false
    }

    /// - Parameter query: the text is a name looked up (`sites search`), not a post: every
    ///   mention is kept, and its first word is no sentence's capital.
    private func findMentions(in scan: Scan, typeSpans: [TypeSpan], query: Bool = false) -> [Mention] {
        var found: [Mention] = []
        let content = scan.content
        for c in content.indices {
            let position = content[c]
            let word = scan.words[position]
            var matches: [Int: (length: Int, quality: Double, entry: Int)] = [:]  // site → best
            func isCurated(_ entryIndex: Int32) -> Bool { gazetteer.sites[index.entries[Int(entryIndex)].site].isCurated }
            func consider(_ entryIndex: Int32, firstQuality: Double) {
                let entry = index.entries[Int(entryIndex)]
                guard c + entry.words.count <= content.count else { return }
                var quality = firstQuality
                for k in entry.words.indices.dropFirst() {
                    let next = content[c + k]
                    if scan.words[next].startsClause { return }
                    if scan.variants[next].contains(entry.words[k]) { continue }
                    if !entry.skeletons[k].isEmpty, scan.skeletons[next].contains(entry.skeletons[k]),
                       scan.words[next].script != .digits, isNameLike(scan.words[next]),
                       !Self.isNisba(scan.words[next], of: entry.words[k]) {
                        quality = min(quality, 0.8)
                        continue
                    }
                    return
                }
                let length = entry.words.count
                if let current = matches[entry.site], (current.length, current.quality) >= (length, quality) { return }
                matches[entry.site] = (length, quality, Int(entryIndex))
            }
            // A place typed in lower case in a post that has capitals ("Strikes on menagh
            // airbase", "Footage from mosul") counts by its exact spelling only, never a loose
            // one, not as a short or ordinary word ("hit", "ana", "hope"), and only as a curated
            // site's name: 73,000 imported airports include "Engineers" and "Terminal".
            let nameLike = isNameLike(word)
            // A short lower-case word that starts a curated name of several words ("bab al
            // salameh crossing", "ras alAin") is looked up with the next word only.
            let shortStart = !nameLike && word.script == .latin && word.form.utf8.count == 3 && index.curatedFirstWords.contains(word.form)
            guard nameLike || shortStart || (word.script == .latin && word.form.count >= 4 && !PlaceLexicon.functionWords.contains(word.form)
                               && !scan.has(position, in: PlaceLexicon.commonWords)),
                  !isOrdinaryWord(at: c, in: scan) else { continue }
            // The word alone, then with the next word (names of two words and more).
            let next = c + 1 < content.count && !scan.words[content[c + 1]].startsClause ? content[c + 1] : nil
            // A name typed as two words that the gazetteer writes as one ("Fish Khabur" for
            // Fishkhabur, "Albu Kamal" for Albukamal): both words, as one.
            if word.script == .latin, let next, scan.words[next].script == .latin, isNameLike(scan.words[next]), !scan.isTypeWord[c + 1] {
                for first in scan.variants[position] where index.joinablePrefixes.contains(first) {
                    for second in scan.variants[next] {
                        for entryIndex in index.byWords[first + second] ?? [] where index.entries[Int(entryIndex)].words.count == 1 {
                            let site = index.entries[Int(entryIndex)].site
                            if let current = matches[site], (current.length, current.quality) >= (2, 1) { continue }
                            matches[site] = (2, 1, Int(entryIndex))
                        }
                    }
                }
            }
            for variant in scan.variants[position] {
                for entryIndex in index.byWords[variant] ?? [] where !shortStart && (nameLike || isCurated(entryIndex)) {
                    consider(entryIndex, firstQuality: 1)
                }
                // (A lower-case word is looked up with the next only when it starts a curated
                // name of several words, "tell abiad": an ordinary word costs one lookup, not
                // one per spelling of the next word too.)
                guard nameLike || index.curatedFirstWords.contains(variant) else { continue }
                for second in next.map({ scan.variants[$0] }) ?? [] {
                    for entryIndex in index.byWords[variant + PlaceNameIndex.pairSeparator + second] ?? [] where nameLike || isCurated(entryIndex) {
                        consider(entryIndex, firstQuality: 1)
                    }
                }
            }
            // A Latin word capitalised only because it starts a sentence ("Summer is going to
            // be rough") is looked up by its loose skeleton (Samarra) only before a type word
            // ("Kweiris airbase:").
            let sentenceCapital = !query && word.script == .latin && word.startsClause && !word.inHashtag
                && !(c + 1 < content.count && scan.isTypeWord[c + 1])
            if nameLike, word.script != .digits, !sentenceCapital, !scan.has(position, in: PlaceLexicon.commonWords) {
                var skeletonKeys = scan.skeletons[position]
                if let next {
                    for first in scan.skeletons[position] {
                        for second in scan.skeletons[next] { skeletonKeys.append(first + PlaceNameIndex.pairSeparator + second) }
                    }
                }
                var entryIndices = skeletonKeys.flatMap { index.bySkeletons[$0] ?? [] }
                // Only a word with a two-letter skeleton can meet a short name's key.
                if word.script == .latin, scan.skeletons[position].contains(where: { $0.utf8.count == 2 }),
                   !PlaceLexicon.functionWords.contains(word.form) {
                    entryIndices += scan.variants[position].flatMap { index.byShortKeys[PlaceKeys.shortKey($0)] ?? [] }
                }
                for entryIndex in entryIndices {
                    // A nisba names a person or a group, not the place: al-Baghdadi, الموصلي, Tabqawi.
                    if Self.isNisba(word, of: index.entries[Int(entryIndex)].words[0]) { continue }
                    consider(entryIndex, firstQuality: 0.8)
                }
            }
            guard !matches.isEmpty else { continue }
            // Keep the longest names starting here; shorter ones are inside them.
            let longest = matches.values.map(\.length).max()!
            let kept = matches.filter { $0.value.length == longest }
                .map { (site: $0.key, quality: $0.value.quality, entry: $0.value.entry) }
                .sorted { $0.site < $1.site }
            // A landform named after a place ("the Hamrin mountains", جبل سنجار) is no claim on it.
            let neighbours = [c > 0 ? content[c - 1] : nil, c + longest < content.count ? content[c + longest] : nil]
            if neighbours.contains(where: { $0.map { scan.has($0, in: PlaceLexicon.landformWords) } ?? false }) { continue }
            // Nor is a venue named after it: in Arabic the venue word comes before the name
            // (ملعب البصرة الدولي, معرض دمشق الدولي), in English after it, past its type words
            // ("Basra International Stadium"; in "Al-Shaab Stadium, Baghdad" Baghdad is the town).
            var after = c + longest
            while after < content.count, !scan.words[content[after]].startsClause,
                  scan.isTypeWord[after] || scan.variants[content[after]].contains(where: { PlaceLexicon.typeWordsByFirst[$0] != nil }) {
                after += 1
            }
            if word.script == .arabic
                ? c > 0 && !word.startsClause && scan.has(content[c - 1], in: PlaceLexicon.venueWords)
                : after < content.count && !scan.words[content[after]].startsClause && scan.has(content[after], in: PlaceLexicon.venueWords) {
                continue
            }
            var mention = Mention(start: c, end: c + longest - 1, candidates: kept)
            mention.isOneLatinWord = longest == 1 && word.script == .latin
            // A capture word right beside the name, in its clause: حماه تحررت, تحرير الباب.
            let last = c + longest - 1
            mention.siegeBroken = breaksTheSiege(before: c, in: scan)
            mention.takenBeside = (c > 0 && !word.startsClause && scan.has(content[c - 1], in: PlaceLexicon.captureCues))
                || (last + 1 < content.count && !scan.words[content[last + 1]].startsClause
                    && scan.has(content[last + 1], in: PlaceLexicon.captureCues))
                || mention.siegeBroken
            found.append(mention)
        }
        if query { return found }
        // Overlaps: the longer name wins, then the better match, then the earlier one.
        let ordered = found.indices.sorted { a, b in
            let x = found[a], y = found[b]
            let xq = x.candidates.map(\.quality).max()!, yq = y.candidates.map(\.quality).max()!
            return (x.end - x.start, xq, -x.start) > (y.end - y.start, yq, -y.start)
        }
        var taken = [Bool](repeating: false, count: content.count)
        var accepted: [Mention] = []
        for position in ordered {
            let mention = found[position]
            guard !(mention.start...mention.end).contains(where: { taken[$0] }) else { continue }
            // Up to two words after Abu/أبو name a person (Abu Bakr al-Baghdadi), unless the
            // place's name starts at the kunya itself (Abu Kamal), which is longer and won above.
            let kunya = (max(0, mention.start - 2)..<mention.start).contains { c in
                scan.has(content[c], in: PlaceLexicon.personNameStarts)
            }
            if kunya { continue }
            if mention.start > 0, scan.has(content[mention.start - 1], in: PlaceLexicon.springWords),
               !mention.candidates.contains(where: { Self.hasSpringName(gazetteer.sites[$0.site]) }) { continue }
            // A place whose name is a kunya (Abu Hajar, an airfield's alias) followed by a
            // nisba is a person: "Abu Hajar al-Tunisi".
            if scan.has(content[mention.start], in: PlaceLexicon.personNameStarts), mention.end + 1 < content.count,
               !scan.isTypeWord[mention.end + 1],
               scan.isArticledNisba(at: content[mention.end + 1]) { continue }
            // A single word that is only a type word ("base", "مطار") is not a name.
            if mention.start == mention.end, scan.isTypeWord[mention.start] { continue }
            for k in mention.start...mention.end { taken[k] = true }
            accepted.append(mention)
        }
        return accepted.sorted { $0.start < $1.start }
    }

    /// Whether a broken siege ends right before the word at `c` (in `Scan.content`): a verb of
    /// breaking up to three words before "siege", then عن or "on" at most (articles and "of"
    /// are not content words): فك الحصار عن الدير, "broke the three-year siege of Kweiris".
    private func breaksTheSiege(before c: Int, in scan: Scan) -> Bool {
        let content = scan.content
        var k = c - 1
        guard k >= 1, !scan.words[content[c]].startsClause else { return false }
        if scan.has(content[k], in: PlaceLexicon.siegePrepositions) { k -= 1 }
        guard k >= 1, !scan.words[content[k + 1]].startsClause, scan.has(content[k], in: PlaceLexicon.siegeWords) else { return false }
        for verb in stride(from: k - 1, through: max(0, k - 3), by: -1) {
            if scan.words[content[verb + 1]].startsClause { return false }
            if scan.has(content[verb], in: PlaceLexicon.siegeBreakWords) { return true }
        }
        return false
    }

    /// Whether `town` locates `place` named right before it, in its clause: a locator ("east of",
    /// شرقي) or "in" (في, the clitic ب) between, at most two words: مدينة الثورة شرقي بغداد,
    /// "Thawra City in Baghdad", بمدينة الثورة ببغداد.
    private func locates(_ town: Mention, after place: Mention, scan: Scan) -> Bool {
        let content = scan.content, words = scan.words
        let first = content[town.start]
        guard !words[first].startsClause, town.start - place.end - 1 <= 2 else { return false }
        var located = false
        for c in place.end + 1..<town.start {
            if words[content[c]].startsClause { return false }
            if scan.has(content[c], in: PlaceLexicon.referenceCues) { located = true; continue }
            guard ["in", "of"].contains(words[content[c]].form) else { return false }
            if words[content[c]].form == "in" { located = true }
        }
        if located { return true }
        // في is no content word; the clitic ب is part of the town's word.
        if (content[place.end] + 1..<first).contains(where: { words[$0].form == "\u{0641}\u{064A}" }) { return true }
        let form = words[first].form.unicodeScalars
        guard form.first == "\u{0628}" else { return false }
        let rest = [String(form.dropFirst()), form.starts(with: "\u{0628}\u{0627}\u{0644}".unicodeScalars) ? String(form.dropFirst(3)) : ""]
        return town.candidates.contains { candidate in index.entries[candidate.entry].words.first.map(rest.contains) ?? false }
    }

    /// Whether one of the site's names begins with "spring" (Ain al-Asad, عين عيسى), so that a
    /// post may name it with that word spelled otherwise ("Ayn al-Assad").
    static func hasSpringName(_ site: Site) -> Bool {
        ([site.name] + site.aliases).contains { name in
            PlaceText.words(name).first.map { PlaceLexicon.springWords.contains(PlaceKeys.canonical($0.form, script: $0.script)) } ?? false
        }
    }

    /// Whether `word` is a nisba of `name` (ends in -i / ي where the name does not): the
    /// adjective of origin names people and groups, not the place.
    static func isNisba(_ word: PlaceText.Word, of name: String) -> Bool {
        let wordEnd = word.form.unicodeScalars.last, nameEnd = name.unicodeScalars.last
        switch word.script {
        case .latin:
            let endsInI: (Unicode.Scalar?) -> Bool = { $0 == "i" || $0 == "y" }
            return endsInI(wordEnd) != endsInI(nameEnd)
        case .arabic:
            return wordEnd == "\u{064A}" && nameEnd != "\u{064A}"
        case .digits:
            return false
        }
    }

    /// Whether the word at `c` (in `Scan.content`) is, between its neighbours, the ordinary
    /// word a place is also named by: صورة حديثة, الطبقة السياسية (``PlaceLexicon/ordinaryNeighbours``).
    private func isOrdinaryWord(at c: Int, in scan: Scan) -> Bool {
        // A month beside a number is a date: German "am 22. Dez. 2016" is no DeZ (Deir ez-Zor).
        if scan.words[scan.content[c]].form.utf8.count == 3, scan.has(scan.content[c], in: PlaceLexicon.monthAbbreviations),
           [c - 1, c + 1].contains(where: { scan.content.indices.contains($0) && scan.words[scan.content[$0]].script == .digits }) {
            return true
        }
        for variant in scan.variants[scan.content[c]] {
            guard let neighbours = PlaceLexicon.ordinaryNeighbours[variant] else { continue }
            if c > 0, scan.has(scan.content[c - 1], in: neighbours.before) { return true }
            if c + 1 < scan.content.count, scan.has(scan.content[c + 1], in: neighbours.after) { return true }
        }
        return isVerb(at: c, in: scan)
    }

    /// Whether a town's name is here the verb it is also spelled as: تدمر "destroys" in
    /// "الطائرات الروسية تدمر مستودعات" (Russian jets destroy depots). A verb is written bare,
    /// after no preposition, type word or capture word, and is followed by its object, one of
    /// the things news says are destroyed (``PlaceLexicon/destroyedObjects``); "مطار تدمر شرق",
    /// "تدخل تدمر بعد معارك", "تدمر تعود" stay Palmyra.
    private func isVerb(at c: Int, in scan: Scan) -> Bool {
        let position = scan.content[c]
        guard PlaceLexicon.verbHomographs.contains(scan.words[position].form), c + 1 < scan.content.count else { return false }
        let next = scan.content[c + 1]
        guard !scan.words[next].startsClause, scan.has(next, in: PlaceLexicon.destroyedObjects) else { return false }
        guard c > 0, !scan.words[position].startsClause else { return true }
        let previous = scan.content[c - 1]
        return !scan.isTypeWord[c - 1] && !scan.has(previous, in: PlaceLexicon.fromWords)
            && !scan.has(previous, in: PlaceLexicon.alongPrepositions) && !scan.has(previous, in: PlaceLexicon.captureCues)
            && !scan.has(previous, in: PlaceLexicon.gapWords) && !scan.has(previous, in: PlaceLexicon.referenceCues)
    }

    /// Whether a word may be (part of) a name: Arabic and digits always; Latin when
    /// capitalised or in a hashtag, which keeps "hit", "home" and "come" out.
    private func isNameLike(_ word: PlaceText.Word) -> Bool {
        word.script != .latin || word.capitalised || word.inHashtag
    }

    // MARK: Type words

    /// Gives each type word to the name it qualifies: Arabic nouns (مطار، سد، معبر) precede
    /// their name, Arabic adjectives (العسكري، الجوية) and English type words follow it
    /// ("Tabqa air base"), or English ones precede it through "of/at/in" ("the airport of
    /// Tabqa"). A locator ("near", "شرق") in between stops the attachment.
    private func attach(_ spans: [TypeSpan], to mentions: inout [Mention], scan: Scan) {
        var leftOver: [TypeSpan] = []
        for (s, span) in spans.enumerated() {
            // A type word inside a name is that name's own: "Brigade 80", "Rafidain Bank Mosul".
            // Mentions are in text order and do not overlap: binary searches, not scans, so
            // that a long text naming places thousands of times stays linear.
            let firstStartingAfter = mentions.partitioningIndex(where: { $0.start > span.end })
            let firstEndingAfter = mentions.partitioningIndex(where: { $0.end >= span.start })
            let inside = firstEndingAfter < mentions.count && mentions[firstEndingAfter].start <= span.start
                && span.end <= mentions[firstEndingAfter].end ? firstEndingAfter : nil
            if let inside {
                if !mentions[inside].typeWords.contains(span.text) {
                    for (type, weight) in span.weights {
                        mentions[inside].typeWeights[type] = min(2, mentions[inside].typeWeights[type, default: 0] + weight)
                    }
                    mentions[inside].typeWords.append(span.text)
                }
                continue
            }
            // "City" inside a chain of type words names the place the head belongs to: مطار
            // مدينة دير الزور, "Deir ez-Zor city airport" are the airport.
            if span.isCityOnly {
                let head = span.isArabic ? (s > 0 ? spans[s - 1] : nil) : (s + 1 < spans.count ? spans[s + 1] : nil)
                if let head, head.isArabic == span.isArabic, !head.isCityOnly,
                   head.end + 1 == span.start || span.end + 1 == head.start { continue }
            }
            if isBorderLocator(span, scan: scan) { continue }
            let before = firstEndingAfter > 0 ? firstEndingAfter - 1 : nil
            let after = firstStartingAfter < mentions.count ? firstStartingAfter : nil
            func gap(from: Int, to: Int) -> Int? {
                // Content words strictly between, not counting gap words or other type words;
                // nil past three, at a locator, at a clause break or at the words of another
                // hashtag ("اقتحام المطار #قادمون_يا_نينوى": the operation's tag).
                var count = 0
                let tag = scan.words[scan.content[span.start]].hashtag
                for c in stride(from: from + 1, to: to, by: 1) {
                    let position = scan.content[c]
                    if scan.words[position].startsClause || scan.has(position, in: PlaceLexicon.referenceCues) { return nil }
                    if scan.words[position].hashtag != 0, scan.words[position].hashtag != tag { return nil }
                    if scan.has(position, in: PlaceLexicon.gapWords) || scan.isTypeWord[c] { continue }
                    count += 1
                    if count > 3 { return nil }
                }
                return to < scan.content.count && scan.words[scan.content[to]].startsClause ? nil : count
            }
            var target: Int? = nil
            if span.isArabic && !span.isAdjective {
                // Two words may stand between: المصرف التجاري السوري فرع الرقة.
                if let after, let g = gap(from: span.end, to: mentions[after].start), g <= 2 { target = after }
                else if let before, let g = gap(from: mentions[before].end, to: span.start), g == 0 { target = before }
            } else {
                if let before, let g = gap(from: mentions[before].end, to: span.start), g <= (span.isArabic ? 2 : 1) { target = before }
                else if !span.isArabic, let after, let g = gap(from: span.end, to: mentions[after].start), g <= 1 { target = after }
            }
            // A base named by the town beside it, across a locator ("القاعدة الروسية في ريف جبلة",
            // "the Russian base near Jableh"): only a town that is another place alone and names
            // the site with its type word (``PlaceLexicon/neighbouringTowns``) is reached so.
            if target == nil, !span.isAdjective, let after, reachesAcrossALocator(span, mentions[after], scan: scan) { target = after }
            guard let target else {
                leftOver.append(span)
                continue
            }
            // A type word said twice counts once ("airport airport airport"), and no type
            // weighs more than 2: the score stays on the scale the docs give.
            guard !mentions[target].typeWords.contains(span.text) else { continue }
            for (type, weight) in span.weights { mentions[target].typeWeights[type] = min(2, mentions[target].typeWeights[type, default: 0] + weight) }
            mentions[target].typeWords.append(span.text)
        }
        attachLeftOver(leftOver, to: &mentions)
    }

    /// Whether an installation word reaches a town that names its site only with it across a
    /// locator: at most four words between, in one clause, locators, articles, other type
    /// words and whose the site is ("Russian"), one locator at least.
    private func reachesAcrossALocator(_ span: TypeSpan, _ mention: Mention, scan: Scan) -> Bool {
        guard let strongest = span.weights.max(by: { $0.value < $1.value }), strongest.value >= 0.8, strongest.key != .city,
              mention.start > span.end, mention.start - span.end - 1 <= 4,
              mention.candidates.contains(where: { candidate in
                  index.entries[candidate.entry].isAnothersName && span.weights[gazetteer.sites[candidate.site].type] != nil
              }) else { return false }
        var located = false
        for c in span.end + 1...mention.start {
            let position = scan.content[c]
            if scan.words[position].startsClause { return false }
            guard c < mention.start else { break }
            if scan.has(position, in: PlaceLexicon.referenceCues) { located = true; continue }
            guard scan.isTypeWord[c] || scan.has(position, in: PlaceLexicon.gapWords) || scan.has(position, in: PlaceLexicon.ownerWords)
            else { return false }
        }
        return located
    }

    /// Whether a lone "border" says where a place lies ("on the Turkish border", على الحدود):
    /// a preposition before it, with at most articles and a nationality or country between.
    private func isBorderLocator(_ span: TypeSpan, scan: Scan) -> Bool {
        guard span.start == span.end, scan.has(scan.content[span.start], in: PlaceLexicon.borderWords) else { return false }
        var c = span.start - 1
        var skipped = 0
        while c >= 0, skipped <= 1 {
            let position = scan.content[c]
            if scan.has(position, in: PlaceLexicon.alongPrepositions) { return true }
            if scan.words[scan.content[c + 1]].startsClause || !scan.has(position, in: PlaceLexicon.commonWords) { return false }
            skipped += 1
            c -= 1
        }
        return false
    }

    /// A type word too far from any name, in a post that names one place (perhaps more than
    /// once), is that place's, at half weight, when one of its namesakes is of that type:
    /// "Deir Ezzor: the army breaks the siege of the airport", "#Tabqa: … داخل القاعدة الجوية".
    /// Only strong words for a site count ("the refinery", "runway", not "city"), and not
    /// those as often mentioned in passing (``PlaceLexicon/passingTypeWords``: "the smoke
    /// from the oil wells", "the border").
    private func attachLeftOver(_ spans: [TypeSpan], to mentions: inout [Mention]) {
        guard !spans.isEmpty else { return }
        // The places the post names on their own: not codes or ordinary words that would
        // need a type word of their own (a number that is some imported airfield's ident).
        let named = mentions.indices.filter { m in
            mentions[m].candidates.contains { !index.entries[$0.entry].needsTypeWord || index.entries[$0.entry].isAnothersName }
        }
        guard let first = named.first.map({ mentions[$0] }),
              named.allSatisfy({ mentions[$0].candidates.map(\.site) == first.candidates.map(\.site) }) else { return }
        let types = Set(first.candidates.map { gazetteer.sites[$0.site].type })
        // Only mentions with no type word of their own take one.
        let bare = named.filter { mentions[$0].typeWords.isEmpty }
        for span in spans where span.weights.keys.contains(where: types.contains) {
            guard let strongest = span.weights.max(by: { $0.value < $1.value }), strongest.value >= 0.8, strongest.key != .city,
                  // (A phrase with a word of its own is no passing mention, nor a crossing's full
                  // name for itself: "the border gate", "border crossing".)
                  (span.weights[.borderCrossing] ?? 0) >= 1 || !span.text.split(separator: " ").allSatisfy({ word in
                      PlaceLexicon.passingTypeWords.contains(PlaceKeys.canonical(String(word), script: span.isArabic ? .arabic : .latin))
                  }) else { continue }
            for m in bare where !mentions[m].typeWords.contains(span.text) {
                for (type, weight) in span.weights { mentions[m].typeWeights[type] = min(2, mentions[m].typeWeights[type, default: 0] + weight / 2) }
                mentions[m].typeWords.append(span.text)
            }
        }
    }

    // MARK: Choosing among namesakes

    private func choose(_ mentions: inout [Mention], scan: Scan) {
        for m in mentions.indices { chooseAlone(&mentions[m]) }
        // Namesakes left tied: take the one nearest to the other places the post names. (The
        // sites chosen, each once, in the order first named, with how many mentions chose
        // each: a long text naming places thousands of times compares each tie with the
        // distinct sites only.)
        var chosenCount: [Int: Int] = [:]
        var chosenOrder: [Int] = []
        func count(_ site: Int?, _ change: Int) {
            guard let site else { return }
            if chosenCount[site] == nil { chosenOrder.append(site) }
            chosenCount[site, default: 0] += change
        }
        for mention in mentions { count(mention.chosen, 1) }
        for m in mentions.indices where mentions[m].chosen != nil {
            let tied = tiedCandidates(mentions[m])
            guard tied.count > 1 else { continue }
            let others = chosenOrder.filter { chosenCount[$0]! > ($0 == mentions[m].chosen ? 1 : 0) }.map { gazetteer.sites[$0] }
            guard !others.isEmpty else { continue }
            var best: (site: Int, km: Double, near: Site)? = nil
            for candidate in tied {
                let site = gazetteer.sites[candidate]
                for other in others {
                    let km = GeoDistance.kilometres(site.latitude, site.longitude, other.latitude, other.longitude)
                    if best == nil || km < best!.km { best = (candidate, km, other) }
                }
            }
            if let best, best.site != mentions[m].chosen {
                count(mentions[m].chosen, -1)
                count(best.site, 1)
                mentions[m].chosen = best.site
            }
            if let best { mentions[m].note = "namesake chosen near \(best.near.name) (\(Int(best.km.rounded())) km)" }
        }
        // A chain's name ("Rafidain Bank") is the branch the gazetteer knows unless the post
        // names cities and none near it: "… branch in Baghdad", فرع الرمادي are other branches.
        lazy var cities = Set(mentions.compactMap(\.chosen)).filter { gazetteer.sites[$0].type == .city }.map { gazetteer.sites[$0] }
        for m in mentions.indices {
            guard let chosen = mentions[m].chosen, let matched = mentions[m].candidates.first(where: { $0.site == chosen }),
                  index.entries[matched.entry].isChainName else { continue }
            let branch = gazetteer.sites[chosen]
            if !cities.isEmpty, !cities.contains(where: { GeoDistance.kilometres(branch.latitude, branch.longitude, $0.latitude, $0.longitude) <= 35 }) {
                mentions[m].chosen = nil
            }
        }
        var ends: [Int: Int] = [:]
        for mention in mentions { ends[mention.start] = mention.end }
        // A fact-check denies the place it quotes a picture as said to show ("the photo
        // labelled 'Baghdad airport strike' is from Yemen"), wherever the post names it again
        // ("Wrong caption: 'US troops in Mayadin'. Mayadin is regime-held").
        let factCheck = Self.isFactCheck(scan)
        for m in mentions.indices {
            mentions[m].negated = isNegated(mentions[m], scan: scan) || deniesWhatIsShown(mentions[m], scan: scan)
                || (factCheck && Self.isClaimedToShow(mentions[m], scan: scan))
        }
        // A reply that only says no ("No.", "It isn't.", لا) denies the places of the sentence it
        // answers: 'Keep seeing this tagged "Speicher massacre". It isn't.', '"Minakh airbase
        // liberated!" No. This is Abu al-Duhur' (the place named after it is the correction).
        for answered in sentencesAnsweredNo(scan) {
            for m in mentions.indices where answered.contains(mentions[m].start) { mentions[m].negated = true }
        }
        // A name denied bare denies the namesakes named before it, which it repeats in short:
        // 'the photo shared as "fighters inside Tabqa airbase" is NOT Tabqa' (the town by its
        // bare name) denies the air base.
        var deniedBareAt: [Int: Int] = [:]  // site → where the last bare denial naming it starts
        for mention in mentions where mention.negated && mention.typeWords.isEmpty {
            for candidate in mention.candidates { deniedBareAt[candidate.site] = mention.start }
        }
        for m in mentions.indices {
            if let chosen = mentions[m].chosen, let denial = deniedBareAt[chosen], mentions[m].start < denial { mentions[m].negated = true }
        }
        // A correction denies the places named before it when another is named after it: a
        // mention is denied by a cue after it that no later mention of its site follows, and
        // the sites named after the earliest cue that denies one are what it corrects to.
        // (Each site's last mention, and binary searches among the cues, keep this linear in
        // a long text.)
        var correctedTo = Set<Int>()
        let cues = mentions.count > 1 ? scan.content.indices.filter { scan.has(scan.content[$0], in: PlaceLexicon.correctionCues) } : []
        var lastStart: [Int: Int] = [:]
        for mention in mentions { if let chosen = mention.chosen { lastStart[chosen] = mention.start } }
        if !cues.isEmpty, let lastNamed = lastStart.values.max() {
            var earliest: Int? = nil
            for m in mentions.indices {
                guard let chosen = mentions[m].chosen else { continue }
                let from = cues.partitioningIndex(where: { $0 > mentions[m].end && $0 >= lastStart[chosen]! })
                guard from < cues.count, cues[from] < lastNamed else { continue }
                mentions[m].negated = true
                earliest = min(earliest ?? cues[from], cues[from])
            }
            if let earliest { correctedTo = Set(lastStart.filter { $0.value > earliest }.keys) }
        }
        // So does a denial: "This isn't the Tishreen Dam … it's the Baath Dam".
        if let firstDenied = mentions.firstIndex(where: \.negated) {
            correctedTo.formUnion(mentions[(firstDenied + 1)...].filter { !$0.negated }.compactMap(\.chosen))
        }
        let broadcast = mentions.contains { $0.chosen.map { gazetteer.sites[$0].type == .tvStation } ?? false }
            && scan.content.contains { scan.tells($0, of: .broadcast) }
        let denial = denies(scan, mentions: mentions)
        for m in mentions.indices {
            // A capture the denial names before the place is the report denied, not a capture
            // (ينفي الأنباء عن سقوط قاعدة عين الأسد; لا صحة لأنباء سقوط …; "reports about the fall
            // of Hama airport are completely false"): it adds nothing to the place.
            let deniedCapture = denial && deniesCapture(mentions[m], scan: scan)
            mentions[m].captureNear = hasCue(PlaceLexicon.captureCues, around: mentions[m], scan: scan, before: deniedCapture ? 0 : 4, after: 3)
                || (mentions[m].siegeBroken && !deniedCapture)
            mentions[m].isGoal = isGoal(mentions[m], scan: scan, mentionEnds: ends)
        }
        // A site named as a goal is one wherever the post names it again without a capture or
        // an attack beside it: "Next stop: T4 … the Nusayris in Tiyas know what is coming".
        // (A tag that follows a goal is no statement: "Raqqa is ours! Next: Tabqa #Raqqa".)
        // (Most posts name no goal, and the rest one or two: a list, no set.)
        var goals: [Int] = []
        for mention in mentions where mention.isGoal && !scan.words[scan.content[mention.start]].inHashtag {
            if let chosen = mention.chosen, !goals.contains(chosen) { goals.append(chosen) }
        }
        for m in mentions.indices where !goals.isEmpty && !mentions[m].isGoal {
            guard let chosen = mentions[m].chosen, goals.contains(chosen),
                  !mentions[m].captureNear,
                  !hasCue(PlaceLexicon.attackWords, around: mentions[m], scan: scan, before: 4, after: 3) else { continue }
            mentions[m].isGoal = true
        }
        for m in mentions.indices { mentions[m].score = score(mentions[m], scan: scan, mentionEnds: ends, broadcast: broadcast) }
        // A name that a town of another country, far away, locates (انفجار في مدينة الثورة شرقي
        // بغداد: Baghdad's Sadr City by its old name, not Tabqa, also called مدينة الثورة) names a
        // place of that town the gazetteer does not list, not its namesake hundreds of km off.
        for m in mentions.indices.dropLast() {
            guard let chosen = mentions[m].chosen, let town = mentions[m + 1].chosen, gazetteer.sites[town].type == .city,
                  gazetteer.sites[chosen].type != .borderCrossing, let here = gazetteer.sites[chosen].country,
                  let there = gazetteer.sites[town].country, here != there,
                  locates(mentions[m + 1], after: mentions[m], scan: scan) else { continue }
            let site = gazetteer.sites[chosen], other = gazetteer.sites[town]
            if GeoDistance.kilometres(site.latitude, site.longitude, other.latitude, other.longitude) > 150 { mentions[m].score *= 0.1 }
        }
        // A channel named in its logo is the channel wherever else the post names it bare in a
        // part of three words at most, with no capture or attack beside it: "قناة الميادين | AL
        // MAYADEEN | مباشر", "حلب اليوم | HALAB TODAY TV" (the place the logo names, before its
        // "TV" made it a TV station); not "قوات النظام تدخل حمص | HOMS TV".
        let channels = Set(mentions.filter { namesTheChannel($0, scan: scan) }.flatMap { [$0.chosen, $0.anchor].compactMap { $0 } })
        for m in mentions.indices where !channels.isEmpty && mentions[m].typeWords.isEmpty && !mentions[m].captureNear {
            guard let chosen = mentions[m].chosen, channels.contains(chosen), let part = barPart(of: mentions[m], scan: scan),
                  part.count <= 3, !namesTheChannel(mentions[m], scan: scan),
                  !hasCue(PlaceLexicon.attackWords, around: mentions[m], scan: scan, before: 4, after: 3) else { continue }
            mentions[m].score *= 0.1
        }
        // A hashtag names the post's topic: when every place the body names is a goal ("Next
        // stop: Tabqa airbase #Raqqa", الهدف القادم مدينة الرقة #الرقة), the tags are the
        // campaign's, not places taken.
        let tagged = mentions.map { scan.words[scan.content[$0.start]].inHashtag }
        let body = mentions.indices.filter { !tagged[$0] && mentions[$0].chosen != nil }
        if tagged.contains(true), !body.isEmpty, body.allSatisfy({ mentions[$0].isGoal }) {
            for m in mentions.indices where tagged[m] { mentions[m].score *= 0.2 }
        }
        // A place named as where a move started ("from Raqqa city we reached Tabqa air base",
        // Karkamış'tan … Cerablus merkezine) is context when the post names another place after
        // it; footage "from" a place shows it. (Walking back, the two last distinct sites named
        // after each mention, not as a start, answer "another place after it".)
        var laterSites: [Int] = []
        for m in mentions.indices.reversed() {
            guard let chosen = mentions[m].chosen else { continue }
            if namesAStart(mentions[m], scan: scan) {
                if laterSites.contains(where: { $0 != chosen }) { mentions[m].score *= 0.6 }
            } else if !laterSites.contains(chosen) {
                laterSites = Array(([chosen] + laterSites).prefix(2))
            }
        }
        // Of places taken, the one taken "today" is the news: "Tal Abyad ✅ Brigade 93 ✅ …
        // and today our forces entered Ain Issa city".
        for m in mentions.indices where hasCue(PlaceLexicon.nowWords, around: mentions[m], scan: scan, before: 5, after: 0)
            && mentions[m].captureNear {
            mentions[m].score *= 1.1
        }
        // A post that remembers a past event ("on this day in 2016", في مثل هذا اليوم) shows
        // nothing now, unless it shows the event's picture from an archive ("#OnThisDay 2017:
        // the flag on the Euphrates Dam. 📷 our archive"): that is the site, as old. Nor does
        // one that argues or informs ("unpopular opinion", "did you know", معلومة).
        if Self.remembers(scan) || PlaceLexicon.commentaryPhrases.occurs(in: scan.forms),
           !scan.content.contains(where: { scan.has($0, in: PlaceLexicon.archiveWords) }) {
            for m in mentions.indices { mentions[m].score *= 0.15 }
        }
        // A post that calls a report false ("rumours of a strike on Qamishli airport", "Erbil
        // airport was NOT hit", لا صحة لذلك) shows nothing there, unless it also tells of a
        // capture ("the regime denies it, but our fighters are inside Kuweires").
        // (A correction's own answer is not denied: "a rumour: the photos are of Haditha Dam".)
        // (A word that names no site, as an imported airport's name without its type word
        // does not, tells of no capture: "Military source to SANA: reports about the fall …")
        // (A capture the denial itself names is denied with it: ينفي الأنباء عن سقوط قاعدة عين الأسد.)
        // (So is a capture the denial's phrase names: لا صحة لما تتداوله الصفحات عن سقوط قاعدة
        // عين الأسد, "reports about the fall of Hama airport are completely false".)
        if denial,
           !mentions.contains(where: { $0.chosen != nil && $0.captureNear && !isDeniedBefore($0, scan: scan) && !hasDenialPhrase(around: $0, scan: scan)
               && !hasCue(PlaceLexicon.denialCues, around: $0, scan: scan, before: 0, after: 3) }) {
            for m in mentions.indices where !(mentions[m].chosen.map(correctedTo.contains) ?? false) { mentions[m].score *= 0.2 }
        }
        // Timetables, fares and entry rules (a weekly flight to Istanbul, "book Damascus–Erbil
        // from $180", visa on arrival at Erbil airport, شروط دخول عبر المصنع) name the
        // places travellers use, not places taken or struck. (Entering is how travellers use
        // a crossing, so it does not count as a capture here.)
        // So do job adverts (the places of the work), sports news (a player landing at Erbil
        // airport) and threats (places named as targets).
        // So do match results and everyday reports (rates, a lake's storage, flight tables,
        // holiday offers, the weather office, traffic alerts), posts asking for news, and
        // slogans that call a town a symbol. A reporter on the spot ("our reporter at the Habur
        // gate") still shows the place. (A picture's credit is a name: "Photo: Horan Free
        // League" is no sports news.)
        // ("Arrivals" and "departures" are a flight table's, not the arrivals hall's.)
        func isAHall(_ position: Int) -> Bool {
            ["arrivals", "departures"].contains(scan.words[position].form) && position + 1 < scan.words.count
                && ["hall", "halls", "lounge", "terminal", "gate", "gates"].contains(scan.words[position + 1].form)
        }
        if isAboutTravel(scan) || scan.hasScoreLine
            || scan.content.contains(where: { !scan.inCredit[$0] && scan.tells($0, of: [.job, .sports, .everydayReport]) && !isAHall($0) })
            || PlaceLexicon.threatPhrases.occurs(in: scan.forms) || PlaceLexicon.everydayPhrases.occurs(in: scan.forms)
            || PlaceLexicon.askPhrases.occurs(in: scan.forms) || PlaceLexicon.prayerPhrases.occurs(in: scan.forms)
            || PlaceLexicon.sloganPhrases.occurs(in: scan.forms) {
            for m in mentions.indices
            where !hasCue(PlaceLexicon.captureCuesButEntry, around: mentions[m], scan: scan, before: 4, after: 3)
                && !hasCue(PlaceLexicon.attackWords, around: mentions[m], scan: scan, before: 4, after: 3)
                && !hasCue(PlaceLexicon.reporterWords, around: mentions[m], scan: scan, before: 4, after: 0) {
                mentions[m].score *= 0.2
            }
        }
        // Pilgrims at a shrine ("Millions of pilgrims at the Imam Ali shrine in Najaf for Eid")
        // gather in a town as people do on a holiday: a town with no capture or attack near.
        if scan.content.contains(where: { scan.tells($0, of: .pilgrimage) }) {
            for m in mentions.indices where mentions[m].chosen.map({ gazetteer.sites[$0].type == .city }) ?? false
                && !mentions[m].captureNear && !hasCue(PlaceLexicon.attackWords, around: mentions[m], scan: scan, before: 4, after: 3) {
                mentions[m].score *= 0.4
            }
        }
        // Road traffic ("Traffic on the Mezzeh autostrad is insane again", زحمة خانقة على جسر
        // الجمهورية) names the roads and squares people drive through. (A queue at a crossing or
        // a bank still shows it: ازدحام كبير في منفذ الشلامجة.)
        if scan.content.contains(where: { scan.tells($0, of: .traffic) }), PlaceLexicon.trafficPhrases.occurs(in: scan.forms) {
            for m in mentions.indices {
                guard let chosen = mentions[m].chosen, ![.borderCrossing, .bank].contains(gazetteer.sites[chosen].type),
                      !mentions[m].captureNear,
                      !hasCue(PlaceLexicon.attackWords, around: mentions[m], scan: scan, before: 4, after: 3) else { continue }
                mentions[m].score *= 0.2
            }
        }
        // A post about daily life, sport or politics (weather, prices, a league) names its
        // towns as where it happens: a town with no capture word near it claims nothing.
        // A temperature makes it weather whatever the verb ("Erbil hit 49°C today"). (A word of
        // a name is no topic: the bride, العروس, in Palmyra's عروس الصحراء.)
        if scan.hasTemperature || scan.hasStorm
            || scan.content.indices.contains(where: { c in
                !scan.inCredit[scan.content[c]] && scan.tells(scan.content[c], of: .dailyLife) && !isInAName(c, mentions)
            }) {
            for m in mentions.indices where mentions[m].chosen.map({ gazetteer.sites[$0].type == .city }) ?? false
                && (scan.hasTemperature || !mentions[m].captureNear) {
                mentions[m].score *= 0.4
            }
        }
        // A fact-check that puts the picture in a film, a game or a far country shows no site
        // here. (The place it quotes the picture as said to show, "the photo claiming to show
        // 'fighters entering Qusayr today' is from Lebanon's 2006 war", is denied above.)
        if Self.placesPictureElsewhere(scan, factCheck: factCheck) {
            for m in mentions.indices { mentions[m].score *= 0.2 }
        }
        // A post set in a far country (a hotel at Quseir on the Red Sea, a base near Balad north
        // of Mogadishu) names a namesake: a name without the site's own type words is not the
        // site. ("Iraqi and Egyptian F-16s at Imam Ali air base" still is.)
        if scan.content.contains(where: { scan.tells($0, of: [.farCountry, .farPlace]) })
            || PlaceLexicon.farPlacePhrases.occurs(in: scan.forms) {
            for m in mentions.indices where mentions[m].score < 2 { mentions[m].score *= 0.2 }
        }
        // Three towns and more named bare, none taken ("From Zakho to Faw, one Iraq #Baghdad
        // #Mosul #Basra", يا أهل حلب وإدلب ودرعا) are a slogan or a prayer, not a claim on one.
        // (A town that locates another, "near Sukhnah in the Homs Badia", is no list item; a
        // crossing named bare, "from al-Qaim to Mandali", is one.)
        let bareCities = mentions.filter { mention in
            mention.chosen.map { [.city, .borderCrossing].contains(gazetteer.sites[$0].type) } ?? false && mention.typeWords.isEmpty && !mention.isOrigin
                && !hasCue(PlaceLexicon.referenceCues, around: mention, scan: scan, before: 2, after: 0)
        }
        // So are two towns in a unity slogan ("From Daraa to Qamishli, one Syria").
        let slogan = PlaceLexicon.unityPhrases.occurs(in: scan.forms) ? 2 : 3
        if Set(bareCities.compactMap(\.chosen)).count >= slogan,
           !bareCities.contains(where: { hasCue(PlaceLexicon.presenceCues, around: $0, scan: scan, before: 4, after: 3) }) {
            for m in mentions.indices where mentions[m].typeWords.isEmpty { mentions[m].score *= 0.4 }
        }
    }

    /// Whether the word at `c` (in `Scan.content`) is part of a place the post names.
    private func isInAName(_ c: Int, _ mentions: [Mention]) -> Bool {
        let m = mentions.partitioningIndex(where: { $0.end >= c })
        return m < mentions.count && mentions[m].start <= c && mentions[m].chosen != nil
    }

    /// The candidates that nothing but location tells apart from the chosen one.
    private func tiedCandidates(_ mention: Mention) -> [Int] {
        guard let chosen = mention.chosen else { return [] }
        let chosenSite = gazetteer.sites[chosen]
        return mention.candidates.map(\.site).filter { site in
            let candidate = gazetteer.sites[site]
            return candidate.type == chosenSite.type && candidate.isBuiltIn == chosenSite.isBuiltIn
                && (mention.typeWeights[candidate.type] ?? 0) == mention.fit
        }
    }

    private func chooseAlone(_ mention: inout Mention) {
        let typed = !mention.typeWeights.isEmpty
        // A type word that fits no namesake but is a word of the curated name matched ("the
        // Korean Village FOB": "village", a military base) fits that site.
        let anyFits = mention.candidates.contains { mention.typeWeights[gazetteer.sites[$0.site].type] != nil }
        let anyExactFits = mention.candidates.contains { $0.quality >= 1 && mention.typeWeights[gazetteer.sites[$0.site].type] != nil }
        // Even when a namesake met only by a spelling variant fits it, a name written exactly
        // keeps its own type word: in "القرية الكورية" (Korean Village) "village" is the base's,
        // not Qayyarah's by its consonants.
        let ownTypeWords = mention.typeWords.isEmpty ? [] : Set(mention.candidates.filter { candidate in
            guard gazetteer.sites[candidate.site].isCurated, !anyFits || (candidate.quality >= 1 && !anyExactFits) else { return false }
            let name = PlaceText.forms(index.entries[candidate.entry].name)
            return mention.typeWords.contains { typeWord in
                let words = typeWord.split(separator: " ").map(String.init)
                return name.indices.contains { name[$0...].starts(with: words) }
            }
        }.map(\.site))
        func fit(_ site: Int) -> Double {
            let weight = mention.typeWeights[gazetteer.sites[site].type] ?? 0
            return ownTypeWords.contains(site) ? max(weight, 1) : weight
        }
        // Names that need a type word (ordinary words, bulk imports) only count with one
        // that fits them: "the border crossing with Syria" does not make "Syria" the bank.
        // The same for a site (not a city) that one Latin word meets only by its spelling.
        var usable = mention.candidates.filter { candidate in
            let loose = mention.isOneLatinWord && candidate.quality < 1 && gazetteer.sites[candidate.site].type != .city
            let entry = index.entries[candidate.entry]
            return !(entry.needsTypeWord || loose) || fit(candidate.site) > 0
                || (entry.isOrdinaryWord && mention.takenBeside && gazetteer.sites[candidate.site].type == .city)
        }
        // Without a type word, a curated name matched exactly beats another site met only by a
        // spelling variant, even a town (which a bare name otherwise means): "in Nayrab" is the
        // Nayrab air base, not Ayn al-Arab (Kobani) by its consonants. (With one, the fit
        // decides: "barrage de Mossoul" is the dam.)
        if !typed, usable.contains(where: { $0.quality >= 1 && gazetteer.sites[$0.site].isCurated }) {
            usable = usable.filter { $0.quality >= 1 }
        }
        guard !usable.isEmpty else { return }
        func preference(_ candidate: (site: Int, quality: Double, entry: Int)) -> (Int, Int, Double, Double, Int, Int) {
            let site = gazetteer.sites[candidate.site]
            let curated = site.isCurated ? 1 : 0
            // Without a type word a bare name is the place itself: "Mosul" is the city.
            let isCity = !typed && site.type == .city ? 1.0 : 0.0
            let fits = fit(candidate.site) + isCity
            // Any fitting curated site beats an imported one that fits better ("Minakh airfield"
            // is the air base, not some airport of a similar name), and the name as written
            // beats a spelling variant: "قاعدة القيارة" is Qayyarah, not Korean Village (الكورية,
            // the same consonants), which "قاعدة" fits a little better.
            // Equal fits go to the specific site: "the Raqqa radio station building in the
            // city centre" gives the station and the city one type word each.
            return (fits > 0 ? 1 : 0, curated, candidate.quality, fits, site.type == .city ? 0 : 1, -candidate.site)
        }
        var best = usable.max { preference($0) < preference($1) }!
        if typed && fit(best.site) == 0 {
            // The type word fits no namesake: the nearest site of that type around the named
            // place, else the place itself ("shelling hit the TV building in Homs" → Homs).
            if let city = usable.first(where: { gazetteer.sites[$0.site].type == .city }) { best = city }
            if let nearby = nearestOfType(mention, around: best.site) {
                mention.chosen = nearby.site
                mention.anchor = best.site
                mention.fit = nearby.fit
                mention.note = "nearest \(gazetteer.sites[nearby.site].type) to \(gazetteer.sites[best.site].name) (\(Int(nearby.km.rounded())) km)"
                return
            }
        }
        mention.chosen = best.site
        mention.fit = fit(best.site)
    }

    /// A name with a type word but no namesake of that type ("the central bank in Mosul"):
    /// the nearest site of the type around the named place, within 35 km.
    private func nearestOfType(_ mention: Mention, around anchor: Int) -> (site: Int, fit: Double, km: Double)? {
        let place = gazetteer.sites[anchor]
        var best: (weight: Double, km: Double, site: Int)? = nil
        // Types in a fixed order, and ties by gazetteer order: the answer never depends on
        // a dictionary's iteration order.
        for type in mention.typeWeights.keys.sorted() where type != place.type {
            let weight = mention.typeWeights[type]!
            guard weight >= 0.8 else { continue }
            for candidate in sitesByType[type] ?? [] {
                let site = gazetteer.sites[candidate]
                guard abs(site.latitude - place.latitude) < 0.4 else { continue }
                let km = GeoDistance.kilometres(place.latitude, place.longitude, site.latitude, site.longitude)
                guard km <= 35 else { continue }
                if best == nil || (weight, -km, -candidate) > (best!.weight, -best!.km, -best!.site) { best = (weight, km, candidate) }
            }
        }
        return best.map { ($0.site, $0.weight * 0.8, $0.km) }
    }

    // MARK: Scoring

    /// - Parameter broadcast: the post names a TV station and has a broadcast word.
    private func score(_ mention: Mention, scan: Scan, mentionEnds: [Int: Int], broadcast: Bool) -> Double {
        guard let chosen = mention.chosen else { return 0 }
        let first = scan.content[mention.start]
        let quality = mention.candidates.first { $0.site == chosen }?.quality ?? 0.8
        let length = Double(min(2, mention.end - mention.start))
        var score = quality * (1 + 0.1 * length) + mention.fit
        if gazetteer.sites[chosen].type != .city { score += 0.3 }
        if mention.captureNear { score += 0.3 }
        if mention.isGoal {
            score *= 0.2  // low enough that a goal alone, type words and all, claims nothing
        } else if hasCue(PlaceLexicon.referenceCues, around: mention, scan: scan, before: 2, after: 0) || isNextTo(mention, scan: scan) {
            // "Deir Hafer east of Aleppo": a named place the gazetteer does not know is what
            // the town locates, and what the post is about; so is what lies some distance from
            // it ("a village about 20 km west of Manbij").
            score *= locatesUnknownName(mention, scan: scan, mentionEnds: mentionEnds) || isMeasuredFrom(mention, scan: scan) ? 0.3 : 0.7
        } else if isMeasuredFrom(mention, scan: scan) {
            score *= 0.3  // "20 km from Manbij"
        }
        // A place asked about ("is the Nassib crossing open today?") is not shown taken, unless
        // the question is about its capture or an attack on it.
        // ("Did you see what happened at Safwan?", شفتوا اللي صار, is a report.)
        if scan.words[first].inQuestion, !mention.captureNear,
           !hasCue(PlaceLexicon.attackWords, around: mention, scan: scan, before: 4, after: 3),
           !hasCue(PlaceLexicon.sawWords, around: mention, scan: scan, before: 8, after: 0) {
            score *= 0.2
        }
        // A town named as its province, the cue right beside it ("ريف اللاذقية", "Idlib
        // province"), claims nothing alone; "the governorate building in Quneitra" does.
        // Beside in the text as written: "في" between (… المحافظة في القنيطرة) breaks it.
        let last = scan.content[mention.end]
        // The article of "Wilayat al-Raqqa" is part of the name: the word beside is before it.
        let article = first >= 2 && scan.words[first].joinedToPrevious && PlaceNameIndex.isTransparent(scan.words[first - 1])
        let beside = [first > 0 ? first - (article ? 2 : 1) : nil, last + 1 < scan.words.count ? last + 1 : nil]
        // The first word after the name and its type words ("Manbij Military Council").
        var pastTypeWords = mention.end + 1
        while pastTypeWords < scan.content.count, scan.isTypeWord[pastTypeWords],
              !scan.words[scan.content[pastTypeWords]].startsClause { pastTypeWords += 1 }
        let afterName = pastTypeWords < scan.content.count && !scan.words[scan.content[pastTypeWords]].startsClause
            ? scan.content[pastTypeWords] : nil
        // A name followed by "villages" (قرية before it) is a village of that name, not the
        // base or airfield named after it: "jets pounding Afes and al-Nayrab villages".
        if gazetteer.sites[chosen].type != .city, mention.typeWords.isEmpty,
           (afterName.map { scan.has($0, in: PlaceLexicon.villageWords) } ?? false)
            || (beside[0].map { scan.has($0, in: PlaceLexicon.villageWords) } ?? false) {
            score *= 0.3
        }
        // (Not "the governorate's building": مبنى محافظة كركوك is a place in the town.)
        if gazetteer.sites[chosen].type == .city, beside.contains(where: { $0.map { scan.has($0, in: PlaceLexicon.provinceCues) } ?? false }),
           !(first >= 2 && scan.has(first - 2, in: PlaceLexicon.buildingWords)) {
            score *= 0.5
        }
        // A town named as a team (نادي الموصل, "Mosul FC"), a clock ("1pm Baghdad time",
        // بتوقيت دمشق) or a firm (شركة دمشق القابضة, بنك بغداد, "Aleppo Soap Co.") is no place shown.
        if gazetteer.sites[chosen].type == .city,
           beside[0].map({ scan.has($0, in: PlaceLexicon.clubWordsBefore) || scan.has($0, in: PlaceLexicon.clockWordsBefore)
               || scan.has($0, in: PlaceLexicon.firmWordsBefore) }) ?? false
            || beside[1].map({ scan.has($0, in: PlaceLexicon.clubWordsAfter) || scan.has($0, in: PlaceLexicon.clockWordsAfter) }) ?? false
            || afterName.map({ scan.has($0, in: PlaceLexicon.firmWordsAfter) }) ?? false
            || isWishedWell(mention, scan: scan) || hasPhrase(PlaceLexicon.appealPhrases, around: mention, scan: scan, before: 2, after: 0) {
            score *= 0.15
        }
        // Nor is a town in an armed group's name ("Liwa Thuwar al-Raqqa", لواء ثوار الرقة,
        // "Raqqa Revolutionaries Brigade").
        if namesAGroup(mention, scan: scan) { score *= 0.15 }
        // Nor a town named as a news source: a channel ("Al Mayadeen's correspondent in Beirut",
        // "Al Mayadeen TV", قناة الميادين where no TV station of the name is known), a
        // government speaking ("Damascus says"), what a report is "according to".
        if gazetteer.sites[chosen].type == .city, namesASource(mention, scan: scan) { score *= 0.15 }
        // Where forces pulled back to ("the SDF pulled back east of the Euphrates towards Tishrin
        // dam") is not what the post claims, nor a capture dated weeks back ("the crossing at
        // Qaim was retaken two weeks ago") beside the one it shows now.
        if hasCue(PlaceLexicon.directionWords, around: mention, scan: scan, before: 1, after: 0),
           hasCue(PlaceLexicon.retreatWords, around: mention, scan: scan, before: 8, after: 0) {
            score *= 0.3
        }
        if isDatedBack(mention, scan: scan) { score *= 0.5 }
        if mention.negated { score *= 0.2 }
        if isDatedFrom(mention, scan: scan) { score *= 0.7 }
        if mention.isOrigin { score *= 0.15 }  // an origin alone, type words and all, claims nothing
        // A dateline ("DAMAS, 19 nov 2017 (AFP) -") says where the report was filed, and a
        // "Forwarded from …" header names a channel: neither is a place shown.
        if isDateline(mention, scan: scan) || hasCue(PlaceLexicon.forwardedWords, around: mention, scan: scan, before: 4, after: 0)
            || namesTheChannel(mention, scan: scan) {
            score *= 0.1
        }
        // A TV station in a broadcast schedule ("tonight on Nineveh TV", تابعونا على شاشة …) is
        // the channel, unless the post tells of an attack or a capture there; and the other
        // places it names are the programme's ("برنامج أهل الحدباء", guests from Tal Afar).
        if broadcast,
           !mention.captureNear,
           !hasCue(PlaceLexicon.attackWords, around: mention, scan: scan, before: 4, after: 3) {
            score *= 0.2
        }
        // A bank that issues, announces or sets something is the institution, not a building.
        if gazetteer.sites[chosen].type == .bank, hasCue(PlaceLexicon.institutionVerbs, around: mention, scan: scan, before: 0, after: 2) {
            score *= 0.2
        }
        return score
    }

    /// Whether a town is named as a news source: a source word right after it (past its type
    /// words: "Al Mayadeen TV reported"), a channel word right beside it with no attack or capture
    /// near (قناة الميادين, "Homs TV"), or "according to" just before it.
    private func namesASource(_ mention: Mention, scan: Scan) -> Bool {
        let content = scan.content
        var after = mention.end + 1
        while after < content.count, scan.isTypeWord[after], !scan.words[content[after]].startsClause { after += 1 }
        if after < content.count, !scan.words[content[after]].startsClause, scan.has(content[after], in: PlaceLexicon.sourceWordsAfter) {
            return true
        }
        let beside = [mention.start - 1, mention.end + 1].filter { content.indices.contains($0) }
        if beside.contains(where: { c in
            scan.has(content[c], in: PlaceLexicon.channelTypeWords) && !scan.words[content[max(c, mention.start)]].startsClause
        }), mention.fit == 0, !mention.captureNear,
           !hasCue(PlaceLexicon.attackWords, around: mention, scan: scan, before: 4, after: 3) {
            return true
        }
        return hasPhrase(PlaceLexicon.accordingToPhrases, around: mention, scan: scan, before: 3, after: 0)
    }

    /// Whether the place is what a distance is measured from: a unit of distance ("km", كم, with
    /// a number before it in Arabic, where كم is also "how many"), then at most locators, "from"
    /// or عن, in one clause: "about 20 km west of Manbij", على بعد ٤٠ كم شمال شرق دمشق, "60 km
    /// from Mosul".
    private func isMeasuredFrom(_ mention: Mention, scan: Scan) -> Bool {
        let content = scan.content, words = scan.words
        var c = mention.start - 1
        var steps = 0
        while c >= 0, steps < 4, !words[content[c + 1]].startsClause {
            let position = content[c]
            if scan.has(position, in: PlaceLexicon.distanceUnits) {
                // (A locator or "from" between: "queues for kilometres at Bab al-Hawa" measure nothing.)
                return steps > 0 && (words[position].script == .latin || (position > 0 && words[position - 1].script == .digits))
            }
            guard scan.has(position, in: PlaceLexicon.referenceCues) || scan.has(position, in: PlaceLexicon.fromWords)
                || words[position].form == "\u{0639}\u{0646}" else { return false }
            steps += 1
            c -= 1
        }
        return false
    }

    /// Whether the place is in an armed group's name: a group word, then an epithet, then the
    /// place (Liwa Thuwar al-Raqqa, لواء ثوار الرقة), or the place, an epithet and a group word
    /// ("Raqqa Revolutionaries Brigade"), in one clause.
    private func namesAGroup(_ mention: Mention, scan: Scan) -> Bool {
        let content = scan.content
        func word(_ c: Int, in set: WordSet) -> Bool { c >= 0 && c < content.count && scan.has(content[c], in: set) }
        func sameClause(_ from: Int, _ to: Int) -> Bool { (from + 1...to).allSatisfy { !scan.words[content[$0]].startsClause } }
        let start = mention.start, end = mention.end
        return (word(start - 1, in: PlaceLexicon.groupEpithets) && word(start - 2, in: PlaceLexicon.groupWords) && sameClause(start - 2, start))
            || (word(end + 1, in: PlaceLexicon.groupEpithets) && word(end + 2, in: PlaceLexicon.groupWords) && sameClause(end, end + 2))
    }

    /// Whether the place is named as a goal: next, soon, on the way to (``PlaceLexicon/futureCues``),
    /// or in a list that continues one.
    private func isGoal(_ mention: Mention, scan: Scan, mentionEnds: [Int: Int]) -> Bool {
        // Arabic puts the goal word before its place (الهدف القادم دير الزور); English may put
        // it after ("Baghdad, we are coming"), unless another place follows it ("after Tabqa,
        // next Deir ez-Zor": "next" belongs to Deir ez-Zor).
        let after = scan.words[scan.content[mention.start]].script == .latin ? 3 : 0
        // A tag is a phrase of its own: the goal in an operation's name that names its own place
        // (#قادمون_يا_نينوى) is not the tag beside it (#الموصل); a tag that is only a goal
        // ("#الهدف_القادم #مطار_الطبقة") still is.
        let tag = scan.words[scan.content[mention.start]].hashtag
        let tagsNamingPlaces = tag == 0 ? [] : Set(mentionEnds.keys.map { scan.words[scan.content[$0]].hashtag })
        // After the place, a cue followed by "to"/"toward" is the next place's ("leaving Shaddadi
        // base, heading toward Iraq"); "next to" is beside.
        return hasCue(PlaceLexicon.futureCues, around: mention, scan: scan, before: 3, after: after, stopAt: mentionEnds,
                      except: { c in
                          let cueTag = scan.words[scan.content[c]].hashtag
                          if tag != 0, cueTag != 0, cueTag != tag, tagsNamingPlaces.contains(cueTag) { return true }
                          // "way" is a goal's only on its way ("on its way to Tabqa"), not in
                          // "one-way drones" or "a drawdown under way".
                          let word = scan.content[c]
                          if scan.words[word].form == "way", word > 0,
                             !PlaceLexicon.wayOwners.contains(scan.words[word - 1].form) { return true }
                          guard c + 1 < scan.content.count else { return false }
                          let following = scan.content[c + 1]
                          // "Coming from" names where a flight or a convoy set out: "a plane
                          // coming from Doha lands at Aleppo airport", طائرة قادمة من الدوحة.
                          return (scan.words[scan.content[c]].form == "next" && scan.words[following].form == "to")
                              || scan.has(following, in: PlaceLexicon.fromWords)
                              || (c > mention.end && scan.has(following, in: PlaceLexicon.directionWords))
                      })
            || continuesAGoal(mention, scan: scan)
            // Tomorrow after the place is the place's in Arabic too: باتجاه سنجار صباح الغد.
            || (after == 0 && hasCue(PlaceLexicon.tomorrowWords, around: mention, scan: scan, before: 0, after: 4, stopAt: mentionEnds))
    }

    /// Whether the place is named as where someone or something came from ("a fighter from
    /// Homs", "jets operating from Hmeimim", "families flee Damascus", أقلعت من قاعدة حميميم):
    /// the cue, then "from" where it needs one, then nothing but gap and type words before the
    /// name, in one clause. A hashtag is a tag, not the object of a sentence.
    private func isOrigin(_ mention: Mention, scan: Scan) -> Bool {
        let content = scan.content
        guard !scan.words[content[mention.start]].inHashtag else { return false }
        // "Kirkuk-born Rebwar", "an Erbil-based reporter".
        let next = content[mention.end] + 1
        if next < scan.words.count, scan.words[next].joinedToPrevious, PlaceLexicon.originAfterWords.contains(scan.words[next].form) {
            return true
        }
        var c = mention.start - 1
        var sawFrom = false
        while c >= 0, !scan.words[content[c + 1]].startsClause {
            let position = content[c]
            if scan.has(position, in: PlaceLexicon.originWords) { return true }
            if sawFrom, scan.has(position, in: PlaceLexicon.originBeforeFrom) { return true }
            if scan.has(position, in: PlaceLexicon.fromWords) {
                if sawFrom { return false }
                sawFrom = true
            } else if !scan.has(position, in: PlaceLexicon.gapWords), !scan.isTypeWord[c] {
                return false
            }
            c -= 1
        }
        return false
    }

    /// Whether the text gives a temperature ("49°C", "49 °F", "٤٨ درجة مئوية"): a weather
    /// report, whose "Erbil hit 49°C" is no attack.
    static func hasTemperature(_ text: String) -> Bool {
        // One pass over the scalars (String.contains would compare by Unicode rules, for
        // every post): a degree sign after a number, a space apart at most, or درجة مئوية, or
        // a number then مئوية (تلامس ٥٠ مئوية).
        let scalars = Array(text.unicodeScalars)
        let centigrade: [Unicode.Scalar] = ["م", "ئ", "و", "ي"], degree: [Unicode.Scalar] = ["د", "ر", "ج"]
        return scalars.indices.contains { i in
            if scalars[i] == "م" {
                // درجة مئوية, not نسبة مئوية (a percentage) or الذكرى المئوية (a centenary).
                guard scalars[i...].starts(with: centigrade) else { return false }
                let before = i > 1 && scalars[i - 1] == " " ? scalars[i - 2] : (i > 0 ? scalars[i - 1] : " ")
                return before.properties.numericType == .decimal || (max(0, i - 7)..<i).contains { scalars[$0...].starts(with: degree) }
            }
            guard scalars[i] == "°", i > 0 else { return false }
            let before = scalars[i - 1] == " " && i > 1 ? scalars[i - 2] : scalars[i - 1]
            return before.properties.numericType == .decimal
        }
    }

    /// Whether `text` gives a match result: two numbers of one or two digits joined by a
    /// hyphen or an en dash, "Zakho 2–1 Al-Shorta", "beat Spartak 2-0" (a town there is a
    /// team). Not "1/2" (a photo series), "3-4-2016" (a date) or "12:30".
    static func hasScoreLine(_ text: String) -> Bool {
        // Arabic-Indic digits count, and a space either side of the dash (تشرين ٢ - ١ حطين).
        let scalars = Array(text.unicodeScalars)
        func isDigit(_ i: Int) -> Bool { i >= 0 && i < scalars.count && scalars[i].properties.numericType == .decimal }
        func isBoundary(_ i: Int) -> Bool {
            i < 0 || i >= scalars.count || !(isDigit(i) || ["-", "\u{2013}", "/", ":", ".", ","].contains(scalars[i]))
        }
        for (i, scalar) in scalars.enumerated() where scalar == "-" || scalar == "\u{2013}" {
            let spaced = i > 0 && i + 1 < scalars.count && scalars[i - 1] == " " && scalars[i + 1] == " "
            let start = spaced ? i - 1 : i, end = spaced ? i + 1 : i
            var left = start - 1, right = end + 1
            while isDigit(left), start - left <= 2 { left -= 1 }
            while isDigit(right), right - end <= 2 { right += 1 }
            if left < start - 1, right > end + 1, isBoundary(left), isBoundary(right) { return true }
        }
        return false
    }

    /// Whether the place is named as the start of a move: "from" opening its clause right
    /// before it (type and gap words aside; "Peshmerga withdraw from Baba Gurgur" and "footage
    /// from Menagh" are about the place), or a Turkish ablative ending on its last word.
    private func namesAStart(_ mention: Mention, scan: Scan) -> Bool {
        let content = scan.content
        if scan.words[content[mention.end]].isAblative { return true }
        var c = mention.start - 1
        while c >= 0, !scan.words[content[c + 1]].startsClause {
            if scan.has(content[c], in: PlaceLexicon.fromWords) { return scan.words[content[c]].startsClause }
            guard scan.isTypeWord[c] || scan.has(content[c], in: PlaceLexicon.gapWords) else { return false }
            c -= 1
        }
        return false
    }

    /// Whether the place is named in the event a post dates another from: a span of time
    /// with "after" ("a week after the raids on Hama airport", بعد أسبوع من غارات مطار حماة)
    /// a few words before it, in its clause.
    private func isDatedFrom(_ mention: Mention, scan: Scan) -> Bool {
        let content = scan.content
        var c = mention.start - 1
        var seen = 0
        while c >= 0, seen < 6, !scan.words[content[c + 1]].startsClause {
            if scan.has(content[c], in: PlaceLexicon.durationWords) {
                let after = c + 1 < content.count && scan.has(content[c + 1], in: PlaceLexicon.afterWords)
                let before = (c >= 1 && scan.has(content[c - 1], in: PlaceLexicon.afterWords))
                    || (c >= 2 && scan.has(content[c - 2], in: PlaceLexicon.afterWords))  // بعد ثلاثة أيام من
                if after || before { return true }
            }
            seen += 1
            c -= 1
        }
        return false
    }

    /// The clauses (as ranges of `Scan.content`) that a clause saying only no answers: the one
    /// right before "No.", "Nope.", "It isn't.", لا (``PlaceLexicon/bareDenialWords``). (Not
    /// "No. 3 hangar"; and "Lie!", "Fake." deny a report, which may still name the place
    /// shown: "the regime claims Bukamal. Lie! Our fighters are still in the town".)
    private func sentencesAnsweredNo(_ scan: Scan) -> [Range<Int>] {
        let content = scan.content
        var answered: [Range<Int>] = []
        var start = 0
        var previous: Range<Int>? = nil
        while start < content.count {
            var end = start + 1
            while end < content.count, !scan.words[content[end]].startsClause { end += 1 }
            let clause = start..<end
            if let previous, clause.count <= 4,
               clause.allSatisfy({ scan.has(content[$0], in: PlaceLexicon.bareDenialWords) }),
               clause.contains(where: { scan.has(content[$0], in: PlaceLexicon.denyingWords) }),
               // "all" only in "not at all": "That's not all." adds to what came before.
               !clause.contains(where: { scan.words[content[$0]].form == "all" && (content[$0] == 0 || scan.words[content[$0] - 1].form != "at") }),
               !(end < content.count && scan.words[content[end]].script == .digits) {
                answered.append(previous)
            }
            previous = clause
            start = end
        }
        return answered
    }

    /// Whether a picture is said not to show something at the place: "These aren't Russian jets
    /// at Hmeimim", "this isn't a convoy in Manbij", الصورة ليست لطائرات روسية في حميميم. A
    /// negation of what the picture or "this" is, then up to three words and "at", "in" or
    /// "from" right before the place (its article aside), in one clause, with no "but" (بل)
    /// between: in الفيديو ليس من منبج بل من جرابلس the video is from Jarabulus. ("Damage was
    /// not reported at Ain al-Asad" denies nothing: damage is no picture.)
    private func deniesWhatIsShown(_ mention: Mention, scan: Scan) -> Bool {
        let words = scan.words
        var w = scan.content[mention.start] - 1
        while w >= 0, !words[w + 1].startsClause, PlaceNameIndex.isTransparent(words[w]),
              !scan.has(w, in: PlaceLexicon.placingPrepositions) { w -= 1 }
        guard w >= 0, !words[w + 1].startsClause, scan.has(w, in: PlaceLexicon.placingPrepositions) else { return false }
        var phrase = 0
        w -= 1
        while w >= 0, !words[w + 1].startsClause, !scan.has(w, in: PlaceLexicon.contrastWords) {
            if scan.has(w, in: PlaceLexicon.identityNegations) { return w > 0 && scan.has(w - 1, in: PlaceLexicon.pictureSubjects) }
            if words[w].form == "not" {
                let subject = w >= 2 && ["is", "are", "was", "were"].contains(words[w - 1].form) ? w - 2 : w - 1
                return subject >= 0 && scan.has(subject, in: PlaceLexicon.pictureSubjects)
            }
            if !PlaceNameIndex.isTransparent(words[w]) {
                phrase += 1
                if phrase > 3 { return false }
            }
            w -= 1
        }
        return false
    }

    /// Whether a negation governs the place: "not Haditha Dam", "is not from Shayrat", ليست
    /// من مطار الشعيرات, with nothing but "from", gap and type words between. In مو طبيعي
    /// عمعبر باب الهوى ("not normal at the Bab al-Hawa crossing") it denies the adjective.
    private func isNegated(_ mention: Mention, scan: Scan) -> Bool {
        let content = scan.content
        var c = mention.start - 1
        while c >= 0, !scan.words[content[c + 1]].startsClause {
            let position = content[c]
            if scan.has(position, in: PlaceLexicon.negationCues) { return true }
            guard scan.isTypeWord[c] || scan.has(position, in: PlaceLexicon.gapWords) || scan.has(position, in: PlaceLexicon.fromWords) else {
                return false
            }
            c -= 1
        }
        return false
    }

    /// Whether the place opens the post and a news agency's name follows within a few words
    /// (`DAMASCUS, Nov 19 (Reuters) -`).
    private func isDateline(_ mention: Mention, scan: Scan) -> Bool {
        guard mention.start == 0 else { return false }
        let after = (mention.end + 1)..<min(scan.content.count, mention.end + 6)
        return after.contains { scan.has(scan.content[$0], in: PlaceLexicon.newsAgencies) }
    }

    /// Whether a greeting or a prayer stands a few words before the town, in its clause:
    /// "good morning from Damascus", اللهم احفظ حمص, "sabah el kheir ya ahl el raqqa" (good
    /// morning, people of Raqqa) (``PlaceLexicon/wellWishPhrases``).
    private func isWishedWell(_ mention: Mention, scan: Scan) -> Bool {
        hasPhrase(PlaceLexicon.wellWishPhrases, around: mention, scan: scan, before: 7, after: 0)
    }

    /// Whether the reference cue before the place follows a capitalised name that is no
    /// place the post names, in Latin script and not at a sentence's start: "enters Deir
    /// Hafer east of Aleppo".
    private func locatesUnknownName(_ mention: Mention, scan: Scan, mentionEnds: [Int: Int]) -> Bool {
        let content = scan.content
        // Back over the place's type words and "of", then the cue ("east of the Tabqa air base").
        var c = mention.start - 1
        while c >= 0, scan.isTypeWord[c] || scan.words[content[c]].form == "of" || scan.has(content[c], in: PlaceLexicon.referenceCues) {
            if scan.words[content[c + 1]].startsClause { return false }
            c -= 1
        }
        guard c >= 0, !scan.words[content[c + 1]].startsClause else { return false }
        let word = scan.words[content[c]]
        guard word.script == .latin, word.capitalised, !word.inHashtag, !word.startsClause, !word.isAcronym,
              !scan.has(content[c], in: PlaceLexicon.functionWords) else { return false }
        return !mentionEnds.contains { $0.key <= c && c <= $0.value }
    }

    /// The content words of the part of the post between "|" (or before the first, or after
    /// the last) that holds the mention, when the post has a "|" and the part six words at most:
    /// a caption, a logo or a lower-third.
    private func barPart(of mention: Mention, scan: Scan) -> ClosedRange<Int>? {
        let words = scan.words, content = scan.content
        guard scan.contentBeforeFirstBar != nil else { return nil }
        let part = words[content[mention.start]].barsBefore
        // Looked for no further than six words away: a long text is one long part.
        var first = mention.start, last = mention.end
        while first > 0, words[content[first - 1]].barsBefore == part {
            first -= 1
            if last - first >= 6 { return nil }
        }
        while last + 1 < content.count, words[content[last + 1]].barsBefore == part {
            last += 1
            if last - first >= 6 { return nil }
        }
        return first...last
    }

    /// Whether the place is in a channel's name: a short part of the post between "|"
    /// (``barPart(of:scan:)``) with a channel word or the news channels' "24" right beside
    /// the place ("© Aleppo Media Center | …", شبكة دير الزور | …, "Deir ez-Zor 24 | …"; not
    /// "مطار T4 |", "الفرقة ١٧ |" or "Tabqa airbase liberated, news at 9 |"), or ending the
    /// part at most three words after it, none a type word: the logo "| HALAB TODAY TV |".
    private func namesTheChannel(_ mention: Mention, scan: Scan) -> Bool {
        guard let part = barPart(of: mention, scan: scan) else { return false }
        let beside = [mention.start - 1, mention.end + 1].filter(part.contains)
        if beside.contains(where: { scan.words[scan.content[$0]].form == "24" || scan.has(scan.content[$0], in: PlaceLexicon.channelWords) }) {
            return true
        }
        return part.upperBound > mention.end && part.upperBound - mention.end <= 3
            && scan.has(scan.content[part.upperBound], in: PlaceLexicon.channelWords)
            && !(mention.end + 1..<part.upperBound).contains { scan.isTypeWord[$0] }
    }

    /// Whether "next to" stands right before the place (articles aside): a locator, like "near".
    private func isNextTo(_ mention: Mention, scan: Scan) -> Bool {
        mention.start >= 2 && scan.words[scan.content[mention.start - 2]].form == "next"
            && scan.words[scan.content[mention.start - 1]].form == "to"
    }

    /// Whether the mention's clause opens with "then" (ثم) right after a clause with a goal in
    /// it: "Next stop: Hasakah. Then Qamishli." names two goals.
    private func continuesAGoal(_ mention: Mention, scan: Scan) -> Bool {
        let content = scan.content
        // The clause opens at the mention or one word before it, or this is no "then X".
        guard let opening = [mention.start, mention.start - 1].first(where: { $0 >= 0 && scan.words[content[$0]].startsClause }),
              opening > 0, scan.has(content[opening], in: PlaceLexicon.thenWords) else { return false }
        var c = opening - 1
        while c >= 0 {
            if scan.has(content[c], in: PlaceLexicon.futureCues) { return true }
            if scan.words[content[c]].startsClause { break }
            c -= 1
        }
        return false
    }

    /// Whether the post remembers a past event (``PlaceLexicon/anniversaryPhrases``).
    private static func remembers(_ scan: Scan) -> Bool {
        scan.forms.indices.contains { w in
            // "shut for five years since ISIS swept through" is how long, not an anniversary;
            // "Mosul airport, today. Not a throwback." says the opposite of one.
            PlaceLexicon.anniversaryPhrases.starts(at: w, in: scan.forms)
                && !(w >= 2 && ["years", "year", "yrs"].contains(scan.words[w].form) && scan.words[w - 2].form == "for")
                && !(max(0, w - 2)..<w).contains { scan.has($0, in: PlaceLexicon.negationCues) }
        } || countsAnAnniversary(scan) || countsYearsBack(scan)
    }

    /// Whether the post counts the years back to its picture in Arabic (``PlaceLexicon/beforeWords``):
    /// قبل عامين, قبل 3 سنوات, قبل ثلاث سنوات, as "two years ago" does in English.
    private static func countsYearsBack(_ scan: Scan) -> Bool {
        let words = scan.words
        return words.indices.contains { w in
            guard scan.has(w, in: PlaceLexicon.beforeWords), w + 1 < words.count else { return false }
            if scan.has(w + 1, in: PlaceLexicon.yearsWords) { return true }
            let number = words[w + 1].form.allSatisfy(\.isNumber) || scan.has(w + 1, in: PlaceLexicon.smallNumberWords)
            return number && w + 2 < words.count && scan.has(w + 2, in: PlaceLexicon.yearsWords)
        }
    }

    /// Whether an anniversary is counted: its word beside an ordinal ("the fifth anniversary",
    /// "5th anniversary", الذكرى الخامسة).
    private static func countsAnAnniversary(_ scan: Scan) -> Bool {
        scan.content.contains { w in
            guard scan.has(w, in: PlaceLexicon.anniversaryWords) else { return false }
            let words = scan.words
            // "3rd" is read as two words, "3" and "rd".
            let numbered = w >= 2 && ["st", "nd", "rd", "th"].contains(words[w - 1].form)
                && words[w - 2].form.allSatisfy { $0.isASCII && $0.isNumber }
            return numbered || [w - 1, w + 1].contains { words.indices.contains($0) && scan.has($0, in: PlaceLexicon.anniversaryOrdinals) }
        }
    }

    /// Whether the post says a report is false: a phrase (``PlaceLexicon/denialPhrases``:
    /// "was NOT hit", لا صحة) anywhere, or a word (``PlaceLexicon/denialCues``: rumours,
    /// ينفي) before a place; after every place it denies something else ("strikes on Shayrat
    /// airport; the regime denies any damage"). "Fake" and "false" count only in a post about
    /// no picture: of a picture they say it is old, which the recycled-photo checks handle.
    private func denies(_ scan: Scan, mentions: [Mention]) -> Bool {
        if PlaceLexicon.denialPhrases.occurs(in: scan.forms) { return true }
        guard let lastStart = mentions.map(\.start).max() else { return false }
        let before = scan.content[..<lastStart]
        if before.contains(where: { scan.has($0, in: PlaceLexicon.denialCues) }) { return true }
        return before.contains { scan.has($0, in: PlaceLexicon.fakeWords) }
            && !scan.content.contains { scan.has($0, in: PlaceLexicon.pictureWords) }
    }

    /// Whether a phrase dating an event days or weeks back (``PlaceLexicon/agoPhrases``) stands
    /// within eight words of the place, in its clause.
    private func isDatedBack(_ mention: Mention, scan: Scan) -> Bool {
        hasPhrase(PlaceLexicon.agoPhrases, around: mention, scan: scan, before: 8, after: 8)
    }

    /// Whether a denial's phrase (``PlaceLexicon/denialPhrases``: لا صحة, "are false") starts
    /// up to ten words before the place (لا صحة لما تتداوله صفحات مشبوهة عن سقوط قاعدة عين
    /// الأسد) or eight after it, in its clause.
    private func hasDenialPhrase(around mention: Mention, scan: Scan) -> Bool {
        hasPhrase(PlaceLexicon.denialPhrases, around: mention, scan: scan, before: 10, after: 8)
    }

    /// Whether a denial's cue or phrase (``PlaceLexicon/denialCues``, ``PlaceLexicon/denialPhrases``)
    /// stands up to eight words before the place (gap, type and reporting words not counted),
    /// in its clause, with no "but" between: ينفي الأنباء عن سقوط قاعدة عين الأسد; not "the
    /// regime denies it, but our fighters stormed Kuweires".
    private func isDeniedBefore(_ mention: Mention, scan: Scan) -> Bool {
        let content = scan.content
        var c = mention.start - 1
        var seen = 0
        while c >= 0, seen < 8, !scan.words[content[c + 1]].startsClause, !scan.has(content[c], in: PlaceLexicon.contrastWords) {
            if scan.has(content[c], in: PlaceLexicon.denialCues) || PlaceLexicon.denialPhrases.starts(at: content[c], in: scan.forms) { return true }
            if !scan.isTypeWord[c], !scan.has(content[c], in: PlaceLexicon.uncountedWords) { seen += 1 }
            c -= 1
        }
        return false
    }

    /// Whether a capture word up to four words before the place is the report a denial calls
    /// false: denied before the place (``isDeniedBefore(_:scan:)``), or by a denial's phrase up
    /// to eight words after it ("reports about the fall of Hama airport are completely false").
    private func deniesCapture(_ mention: Mention, scan: Scan) -> Bool {
        hasCue(PlaceLexicon.captureCues, around: mention, scan: scan, before: 4, after: 0)
            && (isDeniedBefore(mention, scan: scan) || hasPhrase(PlaceLexicon.denialPhrases, around: mention, scan: scan, before: 0, after: 8))
    }

    /// Whether a phrase of `phrases` starts up to `before` words (all words, articles too)
    /// before the place or `after` words after it, in its clause.
    private func hasPhrase(_ phrases: PhraseList, around mention: Mention, scan: Scan, before: Int, after: Int) -> Bool {
        let first = scan.content[mention.start], last = scan.content[mention.end]
        var start = first - 1
        while start >= 0, first - start <= before, !scan.words[start + 1].startsClause {
            if phrases.starts(at: start, in: scan.forms) { return true }
            start -= 1
        }
        var next = last + 1
        while next < scan.words.count, next - last <= after, !scan.words[next].startsClause {
            if phrases.starts(at: next, in: scan.forms) { return true }
            next += 1
        }
        return false
    }

    /// Whether the post is about travel: fares, bookings, visas, or a timetable naming two
    /// days of the week and more.
    private func isAboutTravel(_ scan: Scan) -> Bool {
        if scan.content.contains(where: { scan.tells($0, of: .travel) }) { return true }
        let days = Set(scan.content.filter { scan.tells($0, of: .weekday) }.map { scan.words[$0].form })
        return days.count >= 2
    }

    /// Whether one of `cues` stands up to `before` words before the mention or `after` words
    /// after it, in its clause. Looking ahead stops at another place (`stopAt`: its start and
    /// end) unless only "and"/"or" stands between: "Erbil airport and Harir will burn" puts
    /// both under "will". Gap words, type words and reporting words ("Next target, they say:
    /// Tishreen Dam") are not counted.
    private func hasCue(_ cues: WordSet, around mention: Mention, scan: Scan, before: Int, after: Int,
                        stopAt others: [Int: Int] = [:], except: (Int) -> Bool = { _ in false }) -> Bool {
        let content = scan.content
        func isCue(_ c: Int) -> Bool { scan.has(content[c], in: cues) && !except(c) }
        var c = mention.start - 1
        var seen = 0
        while c >= 0, seen < before {
            // A word in the clause before is no cue for this one.
            if scan.words[content[c + 1]].startsClause { break }
            if isCue(c) { return true }
            if !scan.isTypeWord[c], !scan.has(content[c], in: PlaceLexicon.uncountedWords) { seen += 1 }
            c -= 1
        }
        c = mention.end + 1
        seen = 0
        var onlyConjunctions = true
        var listed = 0
        while c < content.count, seen < after {
            if scan.words[content[c]].startsClause { break }
            if let otherEnd = others[c] {
                // Past a place listed with "and" or joined as a route ("Damascus–Baghdad
                // flights will resume"), not past one that merely follows, and not past a
                // dozen (a pasted dump naming places thousands of times is no list).
                guard onlyConjunctions, listed < 12,
                      c > mention.end + 1 || (c == mention.end + 1 && scan.words[content[c]].joinedToPrevious) else { break }
                listed += 1
                c = otherEnd + 1
                continue
            }
            if isCue(c) {
                // The cue belongs to a place right after it, not to this one.
                return !(c + 1...c + 3).contains { others[$0] != nil }
            }
            if !scan.has(content[c], in: PlaceLexicon.conjunctions), !scan.isTypeWord[c] { onlyConjunctions = false }
            if !scan.isTypeWord[c], !scan.has(content[c], in: PlaceLexicon.uncountedWords) { seen += 1 }
            c += 1
        }
        return false
    }

    private func rank(_ mentions: [Mention], limit: Int) -> [SiteClaim] {
        var bySite: [Int: (score: Double, count: Int, first: Int, mention: Mention)] = [:]
        // A site the post denies anywhere is not claimed, not even by its other mentions:
        // "Shayrat? No, the footage is from Tiyas, not Shayrat."
        let denied = Set(mentions.filter(\.negated).compactMap(\.chosen))
        for (ordinal, mention) in mentions.enumerated() {
            guard let site = mention.chosen, mention.score >= Self.minimumScore, !denied.contains(site) else { continue }
            if var current = bySite[site] {
                current.count += 1
                if mention.score > current.score { current.score = mention.score; current.mention = mention }
                bySite[site] = current
            } else {
                bySite[site] = (mention.score, 1, ordinal, mention)
            }
        }
        let ranked = bySite.map { site, value in
            (site: site, score: value.score + 0.1 * Double(min(3, value.count - 1)), first: value.first, mention: value.mention)
        }.sorted { ($0.score, -$0.first, -$0.site) > ($1.score, -$1.first, -$1.site) }
        return ranked.prefix(limit).map { item in
            let site = gazetteer.sites[item.site]
            return SiteClaim(site: site, score: (item.score * 100).rounded() / 100,
                             explanation: explain(item.mention, site: site))
        }
    }

    private func explain(_ mention: Mention, site: Site) -> String {
        var parts: [String] = []
        if let candidate = mention.candidates.first(where: { $0.site == (mention.anchor ?? mention.chosen) }) {
            let entry = index.entries[candidate.entry]
            let how = candidate.quality < 1 ? " (spelling variant)" : ""
            parts.append("\"\(entry.words.joined(separator: " "))\" matched \"\(entry.name)\"\(how)")
        } else if let first = mention.candidates.first {
            parts.append("\"\(index.entries[first.entry].words.joined(separator: " "))\" matched \"\(index.entries[first.entry].name)\"")
        }
        let typeWords = mention.typeWords.map { "\"\($0)\"" }.joined(separator: ", ")
        if !mention.typeWords.isEmpty && mention.fit > 0 {
            parts.append("type word \(typeWords) → \(site.type)")
        } else if !mention.typeWords.isEmpty {
            parts.append("type word \(typeWords) fits no site of that name or near it: the place itself")
        } else if site.type == .city {
            parts.append("no type word: the place itself")
        }
        if let note = mention.note { parts.append(note) }
        return parts.joined(separator: "; ")
    }
}

extension Array {
    /// The first index whose element satisfies `belongs`, for a predicate that is false and
    /// then true along the array (a binary search); `endIndex` when none does.
    fileprivate func partitioningIndex(where belongs: (Element) -> Bool) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if belongs(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
