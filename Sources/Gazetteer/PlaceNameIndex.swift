import Dispatch

/// Every name of every site cut into canonical words, looked up by its first word (or that
/// word's consonant skeleton) when scanning a text.
///
/// Type words at either end of a name are dropped ("Mosul Dam" → mosul, "مطار الطبقة
/// العسكري" → طبقه): the words around the name in the post decide the type, so "Mosul",
/// "Mosul airport" and "Mosul dam" meet the same name and choose among its sites.
struct PlaceNameIndex: Sendable {
    /// One name of one site.
    struct Entry: Sendable {
        /// The canonical words of the name without its type words.
        let words: [String]
        let skeletons: [String]
        /// The site's position in the gazetteer.
        let site: Int
        /// The name as the gazetteer writes it, for explanations.
        let name: String
        /// Alone, the name is an ordinary word (الثورة, Hit), or the site comes from a bulk
        /// import: only a type word next to it makes it a claim.
        let needsTypeWord: Bool
        /// The words before a type word inside the name: a chain's name ("Rafidain" of
        /// "Rafidain Bank, Mosul"), which other branches share.
        var isChainName = false
        /// A curated name that needs its type word only because it is an ordinary word too
        /// (حماة "protectors", الباب "the door"): a capture word right beside it also makes it
        /// a claim (حماه تحررت "Hama is liberated").
        var isOrdinaryWord = false
        /// A name that needs its type word because alone it is another's: a person's (Imam Ali,
        /// أبو عبيدة). Still a name, so a type word elsewhere in the post may reach it
        /// ("inside the airport perimeter … #Abu_al_Duhur").
        var isAnothersName = false
    }

    private(set) var entries: [Entry] = []
    /// Entries by their word (one-word names) or first two words joined by ``pairSeparator``:
    /// keying on two words keeps each bucket small with 73,000 airports ("San …", "Lake …").
    private(set) var byWords: [String: [Int32]] = [:]
    /// The same by consonant skeletons, for spelling variants.
    private(set) var bySkeletons: [String: [Int32]] = [:]
    /// One-word Latin names whose skeleton is too short for `bySkeletons` (Rabia, Qaim), by
    /// ``PlaceKeys/shortKey(_:)``: a spelling variant of these counts only next to a type
    /// word that fits ("Rabea border crossing", "Al-Qa'em crossing").
    private(set) var byShortKeys: [String: [Int32]] = [:]
    /// The starts (two letters and more) of curated one-word Latin names: a word that is one
    /// may be the first half of such a name typed as two words ("Fish Khabur"), and only
    /// such a word is looked up joined to the next.
    private(set) var joinablePrefixes: Set<String> = []
    /// The first words of curated names of two words and more ("tell" of "Tell Abiad"): a
    /// lower-case word is looked up with the next one only when it is one.
    private(set) var curatedFirstWords: Set<String> = []

    /// The words of curated Arabic names, as indexed: what an OCR repair may restore.
    private(set) var arabicNameWords: WordSet = []
    /// The keys (``key(_:)``) of curated Arabic names: a word restored must complete one.
    private(set) var arabicNameKeys: WordSet = []
    /// The starts of ``arabicNameWords``, with and without the article: a word that is none
    /// cannot be the first half of a name OCR split in two.
    private(set) var arabicNameStarts: WordSet = []
    /// ``arabicNameWords`` and the Arabic type words of four letters and more by their
    /// ``PlaceKeys/rasm(_:)``, for text whose dots OCR lost.
    private(set) var byRasm: [FoldedWord: [String]] = [:]

    /// Joins the first two words of a key.
    static let pairSeparator = "\u{1}"

    init(sites: [Site]) {
        // Cutting names into words is most of the work for 73,000 airports: done on all
        // cores, then added in gazetteer order so the index is the same on every run.
        let cores = Self.parallelMap(sites) { site in
            var kept: [(name: String, core: Core)] = []
            var positions: [[String]: Int] = [:]
            for name in site.allNames {
                for core in Self.cores(of: name, curated: site.isCurated) {
                    let words = core.words.map(\.form)
                    guard let position = positions[words] else {
                        positions[words] = kept.count
                        kept.append((name, core))
                        continue
                    }
                    // The same words free of a type word in another name make them a claim
                    // alone: "Tiyas" of the alias "Tiyas Air Base" after the name "Tiyas Air
                    // Base (T4)", where a type word came after it. So does a person's name
                    // listed bare ("Abu Kamal" beside "Abu Kamal airport").
                    if (kept[position].core.onlyWithTypeWord && !core.onlyWithTypeWord)
                        || (kept[position].core.listedWithTypeWord && !core.listedWithTypeWord && core.namesAPerson) {
                        kept[position] = (name, core)
                    }
                }
            }
            return kept
        }
        for (siteIndex, site) in sites.enumerated() {
            // Curated sites (built-in, the user's own) count on their own; bulk imports
            // (73,000 airports, GeoNames) hold too many ordinary words to.
            let curated = site.isCurated
            // An imported field named only "Military Airport" (one in Saudi Arabia is) would be
            // every post's "the military airport"; a curated site's such alias is meant.
            for (name, core) in cores[siteIndex] where curated || !core.onlyTypeWords {
                add(core, site: siteIndex, name: name, curated: curated)
                if curated, core.words.allSatisfy({ $0.script == .arabic }) {
                    let forms = core.words.map(\.form)
                    arabicNameWords.formUnion(forms.map(FoldedWord.init))
                    arabicNameKeys.insert(FoldedWord(Self.key(forms)))
                }
            }
        }
        for word in arabicNameWords {
            let letters = Array(word.text.unicodeScalars)
            for length in 1..<letters.count {
                let start = String(String.UnicodeScalarView(letters[..<length]))
                arabicNameStarts.insert(FoldedWord(start))
                arabicNameStarts.insert(FoldedWord("\u{0627}\u{0644}" + start))
            }
        }
        for word in arabicNameWords.union(Self.arabicTypeWords) where word.text.unicodeScalars.count >= 4 {
            byRasm[FoldedWord(PlaceKeys.rasm(word.text)), default: []].append(word.text)
        }
    }

    /// The words of the lexicon's Arabic type words (مطار, منفذ, قاعده) and the building words
    /// before a name (مبنى).
    static let arabicTypeWords: WordSet = Set(PlaceLexicon.typeWords.flatMap(\.words).filter(isArabic).map(FoldedWord.init))
        .union(PlaceLexicon.buildingWords.filter { isArabic($0.text) })

    /// The Arabic nouns among the type words, which stand before their name (مطار الطبقة), by
    /// their first letter: the ones OCR glues to it (مطارالطبقه).
    static let arabicTypeNouns: [Unicode.Scalar: [String]] = Dictionary(grouping: PlaceLexicon.typeWords
        .filter { !$0.isArabicAdjective && $0.words.count == 1 && isArabic($0.words[0]) && $0.words[0].unicodeScalars.count >= 2 }
        .map { $0.words[0] }) { $0.unicodeScalars.first! }

    private static func isArabic(_ form: String) -> Bool {
        form.unicodeScalars.first.map { (0x0600...0x06FF).contains($0.value) } ?? false
    }

    // MARK: OCR

    /// `words` with what OCR broke in curated Arabic names mended: a dotless word that is a
    /// name or a type word without its dots (`lostDots`, see ``PlaceText/hasLostDots(_:)``:
    /// منبح → منبج, منفد → منفذ), a name split by a stray space (المو صل, عين الا سد) and a
    /// type word glued to its name (مطارالطبقه). Each only where the result is a curated name
    /// (or a type word) and the words as written are none: words are never made up.
    func mendingOCR(_ words: [PlaceText.Word], lostDots: Bool) -> [PlaceText.Word] {
        guard words.contains(where: { $0.script == .arabic }) else { return words }
        var words = words
        // Each Arabic word's forms without its clitics (PlaceKeys.variants), as looked up;
        // worked out when first asked for: most words are never.
        var cache = [[FoldedWord]?](repeating: nil, count: words.count)
        func variants(_ w: Int) -> [FoldedWord] {
            if let known = cache[w] { return known }
            let forms = PlaceKeys.variants(words[w].form, script: .arabic).map(FoldedWord.init)
            cache[w] = forms
            return forms
        }
        func isName(_ w: Int) -> Bool { variants(w).contains(where: arabicNameWords.contains) }
        func isKnown(_ w: Int) -> Bool { variants(w).contains { arabicNameWords.contains($0) || Self.arabicTypeWords.contains($0) } }
        func set(_ w: Int, _ form: String) {
            words[w].form = form
            cache[w] = nil
        }
        func isArabicWord(_ w: Int) -> Bool { words.indices.contains(w) && words[w].script == .arabic }
        // Whether a word's forms complete a curated name: alone, or with the Arabic word before
        // or after it in its clause.
        func completesName(_ forms: [FoldedWord], before: Int?, after: Int?, alone: Bool) -> Bool {
            let before = before.flatMap { isArabicWord($0) && !words[$0 + 1].startsClause ? $0 : nil }
            let after = after.flatMap { isArabicWord($0) && !words[$0].startsClause ? $0 : nil }
            return forms.contains { word in
                (alone && arabicNameKeys.contains(word))
                    || before.map { variants($0).contains { arabicNameKeys.contains(FoldedWord(Self.key([$0.text, word.text]))) } } ?? false
                    || after.map { variants($0).contains { arabicNameKeys.contains(FoldedWord(Self.key([word.text, $0.text]))) } } ?? false
            }
        }
        // The Arabic words beside a word, in its clause.
        func neighbours(_ w: Int) -> [Int] {
            [w - 1, w + 1].filter { isArabicWord($0) && !words[max(w, $0)].startsClause }
        }
        // Lost dots: the one name or type word whose letters, dots taken off, are the word's. A
        // type word so found counts beside a name or another type word (منفد ربىعه), a name as a
        // whole name or with the word beside it, and one of four letters only beside a type word
        // (منبح العسكري): four letters leave too many words (حفرة, a crater, is جفرة dotless).
        // A word so mended is mended wherever the post writes it the same: "منبح | … مجلس منبح
        // العسكري".
        if lostDots {
            var mended: [String: String] = [:]
            func mendDots(typeWords: Bool) {
                for w in words.indices where words[w].script == .arabic && !isKnown(w) {
                    let form = words[w].form
                    for variant in variants(w).map(\.text) where variant.unicodeScalars.count >= 4 {
                        // (The variant is the word less the clitics at its front.)
                        let mask = words[w].dotless >> UInt64(form.unicodeScalars.count - variant.unicodeScalars.count)
                        let meant = Set((byRasm[FoldedWord(PlaceKeys.rasm(variant))] ?? []).filter { PlaceKeys.losesDots(variant, from: $0, dotless: mask) })
                        guard meant.count == 1, let word = meant.first, Self.arabicTypeWords.contains(FoldedWord(word)) == typeWords else { continue }
                        let typeWordBeside = neighbours(w).contains { variants($0).contains(where: Self.arabicTypeWords.contains) }
                        let fits = typeWords
                            ? neighbours(w).contains(where: isKnown)
                            : completesName([FoldedWord(word)], before: w - 1, after: w + 1, alone: word.unicodeScalars.count >= 5 || typeWordBeside)
                        guard fits else { continue }
                        set(w, String(form.unicodeScalars.dropLast(variant.unicodeScalars.count)) + word)
                        mended[form] = words[w].form
                        break
                    }
                }
            }
            // Names first, then the type words beside them (معىر ىصىب).
            mendDots(typeWords: false)
            mendDots(typeWords: true)
            for w in words.indices where words[w].script == .arabic {
                if let form = mended[words[w].form] { set(w, form) }
            }
        }
        // A stray space: two pieces, neither a name's word, that joined are one (of five
        // letters and more, so that two short words do not make a name by chance). A piece
        // that is a type word joins only into a name of two words: in عين الا سد the سد is
        // no dam, in الا سد الفرات ("but the Euphrates Dam") it is.
        var w = 0
        while w + 1 < words.count {
            defer { w += 1 }
            let first = words[w], second = words[w + 1]
            // (Arabic letters are two bytes each in UTF-8: ten bytes are five letters.)
            guard first.script == .arabic, second.script == .arabic, !second.startsClause, !second.joinedToPrevious,
                  first.form.utf8.count + second.form.utf8.count >= 10,
                  variants(w).contains(where: arabicNameStarts.contains), !isName(w), !isName(w + 1) else { continue }
            let joined = first.form + second.form
            guard completesName(PlaceKeys.variants(joined, script: .arabic).map(FoldedWord.init), before: w - 1, after: w + 2,
                                alone: !isKnown(w) && !isKnown(w + 1)) else { continue }
            set(w, joined)
            words[w].beforeColon = second.beforeColon
            words[w].inQuestion = second.inQuestion
            words.remove(at: w + 1)
            cache.remove(at: w + 1)
        }
        // A type word glued to the name after it: مطارالطبقه is مطار الطبقه.
        w = 0
        while w < words.count {
            defer { w += 1 }
            // (A type word of two letters and more, a name of three and more: ten bytes.)
            guard words[w].script == .arabic, words[w].form.utf8.count >= 10 else { continue }
            let form = words[w].form
            split: for variant in variants(w).map(\.text) {
                guard let first = variant.unicodeScalars.first, let nouns = Self.arabicTypeNouns[first] else { continue }
                for noun in nouns where variant.unicodeScalars.starts(with: noun.unicodeScalars) {
                    let rest = String(variant.unicodeScalars.dropFirst(noun.unicodeScalars.count))
                    // (Whether the word is known is asked only of one that begins with a type
                    // word: most do not.)
                    guard rest.unicodeScalars.count >= 3, !isKnown(w),
                          completesName(PlaceKeys.variants(rest, script: .arabic).map(FoldedWord.init), before: nil, after: w + 1, alone: true)
                    else { continue }
                    var name = words[w]
                    name.form = rest
                    name.startsClause = false
                    name.joinedToPrevious = false
                    set(w, String(form.unicodeScalars.dropLast(rest.unicodeScalars.count)))
                    words[w].beforeColon = false
                    words.insert(name, at: w + 1)
                    cache.insert(nil, at: w + 1)
                    break split
                }
            }
        }
        return words
    }

    /// `transform` over `items` on all cores, in order.
    private static func parallelMap<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        let chunk = 2048
        guard items.count > chunk else { return items.map(transform) }
        var parts = [[R]](repeating: [], count: (items.count + chunk - 1) / chunk)
        parts.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer  // each chunk writes its own slot
            DispatchQueue.concurrentPerform(iterations: output.count) { part in
                output[part] = items[part * chunk..<min(items.count, (part + 1) * chunk)].map(transform)
            }
        }
        return parts.flatMap { $0 }
    }

    private mutating func add(_ core: Core, site: Int, name: String, curated: Bool) {
        let words = core.words
        let forms = words.map(\.form)
        let skeletons = words.map { PlaceKeys.skeleton($0.form, script: $0.script) }
        let common = forms.count == 1 && Self.commonNameKeys.contains(forms[0])
            || forms.allSatisfy { PlaceLexicon.genericNameWords.contains($0) }
        // A site named after a person (Imam Ali Air Base, قاعدة أبو عبيدة الجوية, مدينة أبي
        // الفداء) that the gazetteer lists only with its type word: the name alone is the
        // person ("pilgrims at the Imam Ali shrine", أبو عبيدة the spokesman).
        let person = core.listedWithTypeWord && core.namesAPerson
            // A town across the border, or near a base (``PlaceLexicon/neighbouringTowns``),
            // alone is that town: "a curfew in Nusaybin" is not the Qamishli–Nusaybin crossing.
            || (curated && forms.allSatisfy { PlaceLexicon.neighbouringTowns.contains(FoldedWord($0)) })
        let entry = Entry(words: forms, skeletons: skeletons, site: site, name: name,
                          needsTypeWord: common || !curated || core.onlyWithTypeWord || person, isChainName: core.onlyWithTypeWord,
                          isOrdinaryWord: common && curated && !core.onlyWithTypeWord, isAnothersName: curated && person && !common)
        let position = Int32(entries.count)
        entries.append(entry)
        byWords[Self.key(forms), default: []].append(position)
        // A final hamza is as often left off as typed (السويدا for السويداء, الصحرا, كربلا):
        // a curated name ending so is also found without it, with the same standing.
        if curated, forms.contains(where: Self.endsInHamza) {
            let bare = forms.map { Self.endsInHamza($0) ? String($0.unicodeScalars.dropLast()) : $0 }
            entries.append(Entry(words: bare, skeletons: skeletons, site: site, name: name, needsTypeWord: entry.needsTypeWord,
                                 isChainName: entry.isChainName, isOrdinaryWord: entry.isOrdinaryWord, isAnothersName: entry.isAnothersName))
            byWords[Self.key(bare), default: []].append(Int32(entries.count - 1))
        }
        if curated, forms.count >= 2 { curatedFirstWords.insert(forms[0]) }
        if curated, forms.count == 1, words[0].script == .latin, forms[0].count >= 4 {
            for length in 2..<(forms[0].count - 1) { joinablePrefixes.insert(String(forms[0].prefix(length))) }
        }
        // Short skeletons (km, tm) collide with too many ordinary words to be looked up, and
        // 73,000 imported airports would turn every spelling variant into some airfield
        // (Minakh → Muynak): only curated names are looked up by skeleton.
        if curated, skeletons.joined().count >= 3, !skeletons[0].isEmpty, skeletons.count == 1 || !skeletons[1].isEmpty {
            bySkeletons[Self.key(skeletons), default: []].append(position)
        } else if curated, forms.count == 1, words[0].script == .latin, skeletons[0].count == 2 {
            entries.append(Entry(words: forms, skeletons: skeletons, site: site, name: name, needsTypeWord: true))
            byShortKeys[PlaceKeys.shortKey(forms[0]), default: []].append(Int32(entries.count - 1))
        }
    }

    /// Whether an Arabic word of four letters and more ends in alef and hamza (السويداء).
    private static func endsInHamza(_ form: String) -> Bool {
        let scalars = form.unicodeScalars
        guard scalars.count >= 4, scalars.last == "\u{0621}" else { return false }
        return scalars[scalars.index(scalars.endIndex, offsetBy: -2)] == "\u{0627}"
    }

    /// ``PlaceLexicon/commonWords`` as name keys (doubled vowels collapsed: Rasheed → rashed).
    private static let commonNameKeys = Set(PlaceLexicon.commonWords.map { PlaceKeys.collapsingDoubledVowels($0.text) })

    /// The lookup key of a word sequence: its only word, or its first two.
    static func key(_ words: [String]) -> String {
        words.count == 1 ? words[0] : words[0] + pairSeparator + words[1]
    }

    /// A word sequence a name is indexed under.
    struct Core {
        let words: [(form: String, script: PlaceText.Script)]
        /// Only the words before a type word inside the name ("Rafidain" of "Rafidain Bank
        /// Mosul"): a claim only next to a type word.
        let onlyWithTypeWord: Bool
        /// The name is nothing but type words ("Military Airport", "International Airport"):
        /// any text naming a site's type would name it.
        var onlyTypeWords = false
        /// Type words at the name's ends were taken off: "Imam Ali" of "Imam Ali Air Base".
        var listedWithTypeWord = false
        /// The words are a person's name (``isPersonName(_:)``).
        var namesAPerson = false
    }

    /// Whether a name's words (canonical) are a person's: it begins with a kunya, a patronymic
    /// or an honorific (Abu Ubaydah, Imam Ali, النبي), or has "son of" inside (Ubaydah bin
    /// al-Jarrah).
    static func isPersonName(_ forms: [String]) -> Bool {
        guard let first = forms.first else { return false }
        return PlaceLexicon.personNameStarts.contains(FoldedWord(first)) || PlaceLexicon.personTitles.contains(first)
            || forms.dropFirst().contains { PlaceLexicon.patronymics.contains(FoldedWord($0)) }
    }

    /// The cores of a name: its words without articles and type words at either end; for
    /// names of several words also fused (ديرالزور, Deirezzor); and the words before a type
    /// word inside it ("Rafidain Bank Mosul" → rafidain), which people use alone with it.
    /// - Parameter curated: the name is a curated site's, the only ones a person's name is
    ///   looked for in (``Core/namesAPerson``): 73,000 imported airports need type words anyway.
    static func cores(of name: String, curated: Bool = true) -> [Core] {
        let all = PlaceText.words(name)
        var words = all.filter { !isTransparent($0) }.map { (form: PlaceKeys.nameKey($0.form, script: $0.script), script: $0.script) }
        // A code whose letters are an article ("35AR" → 35 + ar) is no name "35": it would
        // claim every number in a text.
        guard !words.isEmpty, !words.allSatisfy({ $0.script == .digits }) || all.allSatisfy({ $0.script == .digits }) else { return [] }
        let stripped = stripTypeWords(words.map(\.form))
        var listedWithTypeWord = false
        if !stripped.isEmpty, !stripped.allSatisfy({ words[$0].script == .digits }) {
            listedWithTypeWord = stripped.count < words.count
            words = stripped.map { words[$0] }
        }
        let person = curated && isPersonName(words.map(\.form))
        var result = [Core(words: words, onlyWithTypeWord: false, onlyTypeWords: stripped.isEmpty, listedWithTypeWord: listedWithTypeWord,
                           namesAPerson: person)]
        // Fused without its type words: "Thawra Air Base" fused whole, thawraairbase, had the
        // consonants of "Troops" and "Tribes".
        if words.count > 1, words.allSatisfy({ $0.script == words[0].script }), words[0].script != .digits {
            let fused = words.map(\.form).joined()
            result.append(Core(words: [(PlaceKeys.nameKey(fused, script: words[0].script), words[0].script)], onlyWithTypeWord: false,
                               listedWithTypeWord: listedWithTypeWord, namesAPerson: person))
        }
        let forms = words.map(\.form)
        if let inner = (1..<max(1, forms.count)).first(where: { position in
            (PlaceLexicon.typeWordsByFirst[forms[position]] ?? []).contains { forms[position...].starts(with: PlaceLexicon.typeWords[$0].words) }
        }), !words[..<inner].allSatisfy({ $0.script == .digits }),
           // "مبنى" of "مبنى تلفزيون الموصل" names no chain: every TV building is one.
           !words[..<inner].allSatisfy({ PlaceLexicon.buildingWords.contains($0.form) }) {
            result.append(Core(words: Array(words[..<inner]), onlyWithTypeWord: true))
        }
        return result
    }

    /// Whether a word never tells places apart (al-, the, of, في).
    static func isTransparent(_ word: PlaceText.Word) -> Bool {
        switch word.script {
        case .latin: PlaceKeys.latinArticles.contains(word.form)
        case .arabic: word.form == "\u{0641}\u{064A}"  // في, "in": مصرف الرافدين في الموصل
        case .digits: false
        }
    }

    /// The positions of `forms` left once type words are taken off both ends.
    private static func stripTypeWords(_ forms: [String]) -> [Int] {
        var start = 0
        var end = forms.count
        var changed = true
        while changed && start < end {
            changed = false
            for candidate in PlaceLexicon.typeWordsByFirstLongestFirst[forms[start]] ?? [] {
                let words = PlaceLexicon.typeWords[candidate].words
                if end - start >= words.count, forms[start..<start + words.count].elementsEqual(words) {
                    start += words.count; changed = true; break
                }
            }
            guard start < end else { break }
            for candidate in typeWordsByLast[forms[end - 1]] ?? [] {
                let words = PlaceLexicon.typeWords[candidate].words
                if end - start >= words.count, forms[end - words.count..<end].elementsEqual(words) {
                    end -= words.count; changed = true; break
                }
            }
        }
        return Array(start..<end)
    }

    /// Longest phrase first, so "Mosul central bank" loses "central bank", not just "bank".
    private static let typeWordsByLast: [String: [Int]] = Dictionary(grouping: PlaceLexicon.typeWords.indices) {
        PlaceLexicon.typeWords[$0].words.last!
    }.mapValues { $0.sorted { PlaceLexicon.typeWords[$0].words.count > PlaceLexicon.typeWords[$1].words.count } }
}
