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
    }

    private(set) var entries: [Entry] = []
    private(set) var byFirstWord: [String: [Int32]] = [:]
    private(set) var byFirstSkeleton: [String: [Int32]] = [:]

    init(sites: [Site]) {
        for (siteIndex, site) in sites.enumerated() {
            // Curated sites (built-in, the user's own) count on their own; bulk imports
            // (73,000 airports, GeoNames) hold too many ordinary words to.
            let curated = site.isBuiltIn || site.id.hasPrefix("user:")
            var seen = Set<[String]>()
            for name in site.allNames {
                for words in Self.cores(of: name) where seen.insert(words.map(\.form)).inserted {
                    add(words, site: siteIndex, name: name, curated: curated)
                }
            }
        }
    }

    private mutating func add(_ words: [(form: String, script: PlaceText.Script)], site: Int, name: String, curated: Bool) {
        let forms = words.map(\.form)
        let skeletons = words.map { PlaceKeys.skeleton($0.form, script: $0.script) }
        let common = forms.count == 1 && PlaceLexicon.commonWords.contains(forms[0])
        let entry = Entry(words: forms, skeletons: skeletons, site: site, name: name, needsTypeWord: common || !curated)
        let position = Int32(entries.count)
        entries.append(entry)
        byFirstWord[forms[0], default: []].append(position)
        // Short skeletons (km, tm) collide with too many ordinary words to be looked up.
        if skeletons.joined().count >= 3, !skeletons[0].isEmpty {
            byFirstSkeleton[skeletons[0], default: []].append(position)
        }
    }

    /// The core word sequences a name is indexed under: without articles and type words,
    /// and, for names of several words, also fused (ديرالزور, Deirezzor).
    static func cores(of name: String) -> [[(form: String, script: PlaceText.Script)]] {
        let all = PlaceText.words(name)
        var words = all.filter { !isTransparent($0) }.map { (form: PlaceKeys.canonical($0.form, script: $0.script), script: $0.script) }
        guard !words.isEmpty else { return [] }
        let stripped = stripTypeWords(words.map(\.form))
        if !stripped.isEmpty, !stripped.allSatisfy({ words[$0].script == .digits }) {
            words = stripped.map { words[$0] }
        }
        var result = [words]
        if all.count > 1, all.allSatisfy({ $0.script == all[0].script }), all[0].script != .digits {
            let fused = all.map(\.form).joined()
            result.append([(PlaceKeys.canonical(fused, script: all[0].script), all[0].script)])
        }
        return result
    }

    /// Whether a word never tells places apart (al-, the, of).
    static func isTransparent(_ word: PlaceText.Word) -> Bool {
        word.script == .latin && PlaceKeys.latinArticles.contains(word.form)
    }

    /// The positions of `forms` left once type words are taken off both ends.
    private static func stripTypeWords(_ forms: [String]) -> [Int] {
        var start = 0
        var end = forms.count
        var changed = true
        while changed && start < end {
            changed = false
            for typeWord in PlaceLexicon.typeWords {
                let n = typeWord.words.count
                if end - start >= n, Array(forms[start..<start + n]) == typeWord.words { start += n; changed = true }
                if end - start >= n, Array(forms[end - n..<end]) == typeWord.words { end -= n; changed = true }
            }
        }
        return Array(start..<end)
    }
}
