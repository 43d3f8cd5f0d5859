import Foundation

/// Post text and place names cut into comparable words, in Arabic and Latin script.
///
/// Arabic is folded the way people type it inconsistently: the hamza forms of alef → ا,
/// ة → ه, ى → ي, Persian and Kurdish ک/ی → ك/ي (a Sorani word spelled as Arabic spells
/// it: ە left out inside the word, وو → و), tashkeel and tatweel dropped,
/// Arabic-Indic digits → ASCII (Foundation's diacritic folding leaves tashkeel in place on
/// Linux, so this is done scalar by scalar). Latin is lower-cased and stripped of accents
/// and apostrophes (Qa'im → qaim). Hashtags are split at `_` and at case changes
/// (#TabqaAirbase → tabqa airbase).
public enum PlaceText {
    /// The script of a word.
    public enum Script: Sendable { case arabic, latin, digits }

    /// A word of a text.
    public struct Word: Sendable, Hashable {
        /// The folded form: lower case, accents and tashkeel removed, letters unified.
        public var form: String
        /// The script the word is written in.
        public var script: Script
        /// A Latin word written with a capital (or in a hashtag): names usually are.
        public var capitalised: Bool
        /// Part of a `#hashtag`.
        public var inHashtag: Bool
        /// A sentence or clause ended just before this word (., !, ?, ؟, ;, newline, |).
        public var startsClause: Bool
        /// The word's sentence ends with a question mark (? or ؟).
        public var inQuestion = false
        /// A Latin word of two letters or more, all capitals, in a text that has small letters
        /// too: an acronym (CJTF, ISIS, SDF), not a place.
        public var isAcronym = false
        /// The word comes before the first "|" of the text: in "Deir ez-Zor 24 | regime shelling
        /// hits al-Mayadeen", the channel's name, when the part is short.
        public var beforeFirstBar = false
        /// How many "|" come before the word: which part of a "caption | ocr | channel" line
        /// it is in.
        public var barsBefore = 0
        /// The word follows the one before across a hyphen, slash or dash with no space: the
        /// second place of a route or a pair (Damascus–Baghdad, Erbil/Duhok), or ez-Zor.
        public var joinedToPrevious = false
        /// A Turkish name with the ablative ending ("Karkamış'tan", "from Karkamış"): named as
        /// where something set out from.
        public var isAblative = false
        /// Which `#hashtag` of the text the word is in, counting from 1; 0 outside hashtags.
        /// "#قادمون_يا_نينوى #الموصل" are two tags: the operation's name and the place.
        public var hashtag = 0
        /// A colon follows the word, spaces aside ("Photo:", "Source :", المصدر:).
        public var beforeColon = false
        /// The letters of `form` (by position, the first 64) written as a dotless ى or ٮ, not at
        /// the word's end: folded to ي, each may be any of ب ت ث ن ي that OCR took the dots from
        /// (مبىى is مبنى).
        var dotless: UInt64 = 0
    }

    /// The words of `text`, in order.
    /// - Complexity: O(n) in the text's Unicode scalars.
    public static func words(_ text: String) -> [Word] {
        // Links and @handles name channels, not places (t.me/deirezzor24, @raqqa_now): they
        // are left out, which matters most in Arabic posts, whose only Latin is often a link.
        // So are links scraped without their scheme (facebook.com/HasakahNow, baghdadtv.net).
        guard holds(text, "://") || holds(text, "www.") || holds(text, "@") || hasBareDomain(text) else {
            return wordsOfPlainText(text)
        }
        var kept = ""
        var piece = ""
        func keep() {
            if !(holds(piece, "://") || piece.hasPrefix("www.") || piece.hasPrefix("@") || isBareLink(piece)) { kept += piece }
            piece = ""
        }
        for character in text {
            if character.isWhitespace { keep(); kept.append(character) } else { piece.append(character) }
        }
        keep()
        return wordsOfPlainText(kept)
    }

    /// Top-level domains of the links posts carry without a scheme: t.me/…, facebook.com/….
    static let linkDomains: Set<String> = [
        "com", "net", "org", "me", "tv", "io", "info", "co", "news", "iq", "sy", "tr", "ly", "be", "gl", "fm", "ps", "live", "app",
    ]

    /// Whether `text` holds `needle`, compared byte for byte: Foundation's `contains` searches
    /// through a locale, which cost a tenth of resolving a post.
    static func holds(_ text: String, _ needle: StaticString) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            needle.withUTF8Buffer { needle in
                guard let first = needle.first, needle.count <= bytes.count else { return needle.isEmpty }
                for start in 0...(bytes.count - needle.count) where bytes[start] == first {
                    if (1..<needle.count).allSatisfy({ bytes[start + $0] == needle[$0] }) { return true }
                }
                return false
            }
        }
    }

    /// Whether `text` may hold a link without a scheme: a dot, then a lower-case domain of
    /// ``linkDomains``, then no letter ("t.me/", "baghdadtv.net").
    static func hasBareDomain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: ".") && index > 0 {
                var end = index + 1
                while end < bytes.count, bytes[end] >= UInt8(ascii: "a"), bytes[end] <= UInt8(ascii: "z") { end += 1 }
                guard end - index > 2, end == bytes.count || !isASCIILetter(bytes[end]) else { continue }
                if linkDomains.contains(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)) { return true }
            }
            return false
        }
    }

    @inline(__always)
    static func isASCIILetter(_ byte: UInt8) -> Bool {
        byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")
    }

    /// Whether a piece of text between spaces is a link without a scheme: a host of ASCII
    /// letters, digits, dots and hyphens ending in a domain of ``linkDomains``, then perhaps
    /// a path (t.me/Aleppo24news, orient-news.net). Not "Mosul.Then": the domain is lower case.
    static func isBareLink(_ piece: String) -> Bool {
        let host = piece.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
        let trimmed = host.trimmingCharacters(in: CharacterSet(charactersIn: "()[]<>\"'“”«»,;:!?."))
        let labels = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        // A link has a path or is written in lower case: "Tikrit.be careful", a full stop
        // without its space, is no Belgian site.
        guard holds(piece, "/") || !trimmed.utf8.contains(where: { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }),
              labels.count >= 2, let domain = labels.last, linkDomains.contains(String(domain)),
              labels.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { byte in
                  isASCIILetter(byte) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
                      || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
              } }) else { return false }
        return true
    }

    private static func wordsOfPlainText(_ text: String) -> [Word] {
        let text = joiningDecoratedWords(readingOCRDigits(Arabizi.latinised(text) ?? text))
        var words: [Word] = []
        var current = String.UnicodeScalarView()
        var script: Script? = nil
        var capitalised = false
        var hasLower = false
        // The current Arabic-script word has letters only Kurdish uses (ە ێ ۆ ڵ ڕ ڤ).
        var kurdish = false
        // The current Arabic word's letters written dotless (Word.dotless), and whether the
        // last was ى, which ends words as alef maqsura and is dotless only inside one.
        var dotless: UInt64 = 0
        var endsInAlefMaqsura = false
        var hashtag = false
        var hashtags = 0
        var pendingClause = true
        var sawUpperInText = false
        var sentenceStart = 0  // the first word after the last clause mark
        var bars = 0
        // Where an apostrophe fell in the current Latin word: Mosul's is "mosul", not "mosuls".
        var apostropheAt: Int? = nil
        // A hyphen, slash or dash right after a word; the word now being read came right after one.
        var joiner = false, joined = false
        // A dash right after a word ends a clause only if a space follows: "Damascus–Baghdad
        // flights" is a route, "It isn't — the hangars are at K1" two clauses.
        var dashPending = false
        func endClause() {
            sentenceStart = words.count
            pendingClause = true
            hashtag = false
        }
        // Called as a word's first letter or digit is read.
        func beginWord() {
            joined = joiner
            joiner = false
            dashPending = false
        }

        func flush() {
            var ablative = false
            if script == .latin, let apostropheAt, apostropheAt == current.count - 1, current.last == "s" {
                current.removeLast()
            } else if script == .latin, let apostropheAt, apostropheAt >= 3 {
                let suffix = String(String.UnicodeScalarView(current.dropFirst(apostropheAt)))
                if turkishSuffixes.contains(suffix) {
                    // A Turkish case ending after an apostrophe: Humus'un, Halep'ten, Üssü'nde.
                    current = String.UnicodeScalarView(current.prefix(apostropheAt))
                    ablative = turkishAblatives.contains(suffix)
                }
            }
            apostropheAt = nil
            if script == .arabic, kurdish { current = soraniAsArabic(current); dotless = 0 }
            if script == .latin, current.count >= 3 { current = collapsingRepeats(current) }
            kurdish = false
            if endsInAlefMaqsura, current.count <= 64 { dotless &= ~(1 << UInt64(current.count - 1)) }
            if let script, !current.isEmpty {
                var word = Word(form: String(current), script: script, capitalised: capitalised,
                                inHashtag: hashtag, startsClause: pendingClause)
                word.dotless = dotless
                word.joinedToPrevious = joined
                word.isAblative = ablative
                word.hashtag = hashtag ? hashtags : 0
                word.isAcronym = script == .latin && capitalised && !hasLower && !hashtag && current.count >= 2
                word.beforeFirstBar = bars == 0
                word.barsBefore = bars
                words.append(word)
                pendingClause = false
            }
            current = String.UnicodeScalarView()
            script = nil
            capitalised = false
            hasLower = false
            dotless = 0
            endsInAlefMaqsura = false
        }

        for scalar in text.unicodeScalars {
            let value = scalar.value
            // Letters and digits that continue (or start) a word.
            if let arabic = foldArabic(value) {
                if arabic == 0 { continue }  // tashkeel, tatweel, joiners: invisible inside words
                if Self.kurdishLetters.contains(value) { kurdish = true }
                if let digit = arabicDigit(arabic) {
                    if script != .digits { flush(); script = .digits; beginWord() }
                    current.append(digit)
                    continue
                }
                if script != .arabic { flush(); script = .arabic; beginWord() }
                endsInAlefMaqsura = value == 0x0649
                if value == 0x0649 || value == 0x066E, current.count < 64 { dotless |= 1 << UInt64(current.count) }
                current.append(Unicode.Scalar(arabic)!)
                continue
            }
            if value >= 0x30 && value <= 0x39 {
                if script != .digits { flush(); script = .digits; beginWord() }
                current.append(scalar)
                continue
            }
            if let latin = foldLatin(scalar) {
                let isUpper = latin.upper
                if isUpper { sawUpperInText = true }
                if script == .latin {
                    // A capital after lower case starts a new word inside a hashtag: TabqaAirbase.
                    if isUpper && hasLower && hashtag { flush() }
                }
                if script != .latin { flush(); script = .latin; capitalised = isUpper || hashtag; beginWord() }
                if !isUpper { hasLower = true }
                current.append(contentsOf: latin.folded.unicodeScalars)
                continue
            }
            // Accents typed as combining marks (text in NFD, as macOS and some keyboards give
            // it: S + U+0327 for Ş) are invisible, as the precomposed letters' accents are:
            // "Şanlıurfa" is one word either way.
            if value >= 0x300 && value <= 0x36F { continue }
            if isApostrophe(value), script == .latin {  // Qa'im, Rabi`a
                // French elision is a word of its own: l'aéroport, d'Albou Kamal.
                if current.count == 1, current.first == "l" || current.first == "d" { flush(); continue }
                apostropheAt = current.count
                continue
            }
            // A separator.
            let afterWord = !current.isEmpty
            flush()
            if dashPending {  // no word right after the dash: it ended a clause
                dashPending = false
                endClause()
            }
            joiner = false
            switch value {
            case 0x23:  // #
                hashtag = true
                hashtags += 1
            case 0x5F: break  // _ keeps a hashtag going
            // . ! ? ; newline | ؟ ؛ ۔ • and the em dash, en dash and ellipsis people type
            // between sentences ("It isn't — the hangars are at K1").
            case 0x2014, 0x2013 where afterWord:
                joiner = true
                dashPending = true
                hashtag = false
            case 0x2E, 0x21, 0x3F, 0x3B, 0x0A, 0x0D, 0x7C, 0x061F, 0x061B, 0x06D4, 0x2022, 0x2014, 0x2013, 0x2026:
                if value == 0x7C { bars += 1 }
                if value == 0x3F || value == 0x061F {
                    for index in sentenceStart..<words.count { words[index].inQuestion = true }
                }
                endClause()
            case 0x2D, 0x2F:
                joiner = afterWord
                hashtag = false
            case 0x3A:
                if !words.isEmpty { words[words.count - 1].beforeColon = true }
                hashtag = false
            case 0x20, 0x09, 0x2C, 0x060C:
                hashtag = false
            default:
                // Emoji stand between a post's phrases as full stops do: "retake Tall Afar
                // airport 🇮🇶 the town itself is still contested".
                // So do the squares and triangles Telegram posts use as bullets (▪️ ▫️ ▶️).
                if value >= 0x231A, (0x1F000...0x1FAFF).contains(value) || (0x2600...0x27BF).contains(value) || (0x25A0...0x25FF).contains(value)
                    || scalar.properties.isEmojiPresentation {
                    pendingClause = true
                    sentenceStart = words.count
                }
                hashtag = false
            }
        }
        flush()
        // Text typed all in lower case gives no capitals to go by: treat every word as a
        // possible name.
        if !sawUpperInText {
            for index in words.indices where words[index].script == .latin { words[index].capitalised = true }
        }
        // A text in capitals only ("TABQA AIRBASE LIBERATED") has no acronyms to tell apart.
        if !words.contains(where: { $0.script == .latin && !$0.isAcronym && $0.form.count >= 2 && !$0.inHashtag }) {
            for index in words.indices { words[index].isAcronym = false }
        }
        return words
    }

    /// The text with symbols set between two tatweels inside a word taken out: "الشعـ🔥ـيرات"
    /// is الشعيرات decorated, not two words.
    static func joiningDecoratedWords(_ text: String) -> String {
        let tatweel: Unicode.Scalar = "\u{0640}"
        guard text.unicodeScalars.contains(tatweel) else { return text }
        // Arrays, not String.UnicodeScalarView: appending one view to another copies the
        // whole string each time, which made a long text quadratic.
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.underestimatedCount)
        var decoration: [Unicode.Scalar] = []  // symbols since the last tatweel
        var afterTatweel = false
        for scalar in text.unicodeScalars {
            if scalar == tatweel {
                decoration.removeAll()  // between two tatweels: dropped
                afterTatweel = true
                out.append(scalar)
            } else if afterTatweel, !scalar.properties.isAlphabetic, !scalar.properties.isWhitespace,
                      !("0"..."9").contains(scalar) {
                decoration.append(scalar)
            } else {
                out.append(contentsOf: decoration)
                decoration.removeAll()
                afterTatweel = false
                out.append(scalar)
            }
        }
        out.append(contentsOf: decoration)
        return String(String.UnicodeScalarView(out))
    }

    /// The text with 0 and 1 read as the letters O and I (l in lower case) where OCR put them
    /// inside a Latin word: "TIKR1T", "A1RFIELD", "M0SUL". Only in a word of four letters and
    /// more whose every digit stands between two letters: "F16", "K1", "T4", "AH1Z", "B1B2"
    /// and "WA0031" are codes and stay as written.
    static func readingOCRDigits(_ text: String) -> String {
        func isLetter(_ byte: UInt8) -> Bool { isASCIILetter(byte) }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        // Most texts have no 0 or 1 between two letters: one pass that allocates nothing says so.
        var copy = text
        let found = copy.withUTF8 { bytes in
            bytes.indices.dropFirst().dropLast().contains { index in
                (bytes[index] == UInt8(ascii: "0") || bytes[index] == UInt8(ascii: "1")) && isLetter(bytes[index - 1]) && isLetter(bytes[index + 1])
            }
        }
        guard found else { return text }
        let bytes = Array(text.utf8)
        func isOCRDigit(_ index: Int) -> Bool {
            (bytes[index] == UInt8(ascii: "0") || bytes[index] == UInt8(ascii: "1")) && index > 0 && index + 1 < bytes.count
                && isLetter(bytes[index - 1]) && isLetter(bytes[index + 1])
        }
        var out = bytes
        var start = 0
        while start < bytes.count {
            guard isLetter(bytes[start]) || isDigit(bytes[start]) else { start += 1; continue }
            var end = start
            while end < bytes.count, isLetter(bytes[end]) || isDigit(bytes[end]) { end += 1 }
            let run = start..<end
            let digits = run.filter { isDigit(bytes[$0]) }
            if !digits.isEmpty, run.count - digits.count >= 4, digits.allSatisfy(isOCRDigit) {
                for index in digits {
                    // A capital beside it makes it a capital: "TIKR1T", "A1rport"; between small
                    // letters a 1 is an l ("Ba1ad").
                    let upper = bytes[index - 1] < UInt8(ascii: "a") || bytes[index + 1] < UInt8(ascii: "a")
                    if bytes[index] == UInt8(ascii: "0") {
                        out[index] = upper ? UInt8(ascii: "O") : UInt8(ascii: "o")
                    } else {
                        out[index] = upper ? UInt8(ascii: "I") : UInt8(ascii: "l")
                    }
                }
            }
            start = end
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether OCR lost dots in `text`: it has a dotless ى inside a word (العراقىة, مبىى), or a
    /// dotless letter no Arabic keyboard types (ں ٮ ٯ ڡ). No one types these; they are an OCR
    /// reading of letters whose dots were lost, so other letters of the text may have lost theirs.
    public static func hasLostDots(_ text: String) -> Bool {
        var afterAlefMaqsura = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            switch value {
            case 0x06BA, 0x066E, 0x066F, 0x06A1: return true
            case 0x0649:
                if afterAlefMaqsura { return true }  // ىى: the first is inside the word
                afterAlefMaqsura = true
            default:
                guard afterAlefMaqsura, let folded = foldArabic(value) else { afterAlefMaqsura = false; continue }
                if folded == 0 { continue }  // a mark between: look at the next letter
                if arabicDigit(folded) == nil { return true }
                afterAlefMaqsura = false
            }
        }
        return false
    }

    /// Turkish "from" endings: Halep'ten, Karkamış'tan, Suriye'den.
    static let turkishAblatives: Set<String> = ["den", "dan", "ten", "tan", "ndan", "nden"]

    /// Turkish case endings written after an apostrophe on a proper name, folded (ü → u, ı →
    /// i). One-letter endings are left out: Rabi'a is a name, not Rabi + a.
    static let turkishSuffixes: Set<String> = [
        "un", "in", "nin", "nun", "de", "da", "te", "ta", "den", "dan", "ten", "tan", "nde", "nda", "ye", "ya", "yi", "yu",
        "ne", "na", "le", "la", "yle", "yla", "ndan", "nden", "deki", "daki", "ndeki", "ndaki", "teki", "taki",
    ]

    /// The folded word forms of a name (no clause or capital information).
    public static func forms(_ name: String) -> [String] {
        words(name).map(\.form)
    }

    // MARK: Arabic

    /// The folded Arabic scalar value; 0 for a mark to drop; nil when not Arabic script.
    @inline(__always)
    static func foldArabic(_ value: UInt32) -> UInt32? {
        switch value {
        case 0x064B...0x065F, 0x0670, 0x06D6...0x06ED, 0x0640: return 0  // tashkeel, Quranic marks, tatweel
        case 0x200C, 0x200D, 0x200E, 0x200F: return 0  // joiners and direction marks
        case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673: return 0x0627  // آ أ إ ٱ → ا
        case 0x0629: return 0x0647  // ة → ه
        // Dotless letters, which only OCR writes (hasLostDots): ں is a noon (تشرىں), ٮ a ى,
        // ٯ a qaf and ڡ a feh that lost their dots.
        case 0x06BA: return 0x0646
        case 0x066E: return 0x064A
        case 0x066F: return 0x0642
        case 0x06A1: return 0x0641
        case 0x0649, 0x06CC, 0x06CE, 0x06D0, 0x06D2: return 0x064A  // ى ی ێ ې ے → ي
        case 0x0626: return 0x064A  // ئ → ي
        case 0x0624, 0x06C6, 0x06C7, 0x06C8, 0x06CB: return 0x0648  // ؤ ۆ ۇ ۈ ۋ → و
        case 0x06A9, 0x06AA, 0x06AF: return 0x0643  // ک ڪ گ → ك
        case 0x06D5: return 0x06D5  // ە: dropped or ه by its place in the word (soraniAsArabic)
        case 0x06BE, 0x06C1: return 0x0647  // ھ ہ → ه
        case 0x067E: return 0x0628  // پ → ب
        case 0x0686: return 0x062C  // چ → ج
        case 0x0698: return 0x0632  // ژ → ز
        case 0x06A4: return 0x0641  // ڤ → ف
        case 0x0695: return 0x0631  // ڕ → ر
        case 0x06B5: return 0x0644  // ڵ → ل
        case 0x0621: return 0x0621  // ء stays (it is a letter)
        case 0x0660...0x0669: return value  // Arabic-Indic digits, mapped by arabicDigit
        case 0x06F0...0x06F9: return value - 0x06F0 + 0x0660
        case 0x0627...0x064A, 0x0671...0x06D3: return value
        case 0xFB50...0xFDFF, 0xFE70...0xFEFC: return presentationForm(value)
        default: return nil
        }
    }

    /// A Latin letter typed three times or more for emphasis, once: "5eeer" (kheeer) is kher,
    /// "ktiiir" ktir. No English, French, German, Turkish or Kurmanji word repeats a letter
    /// three times. (Arabic letters are left as typed: folding makes distinct letters one,
    /// أإآ → ااا, which is no emphasis.)
    static func collapsingRepeats(_ word: String.UnicodeScalarView) -> String.UnicodeScalarView {
        // Most words have no such run: one pass that allocates nothing says so.
        var run = 0
        var previous: Unicode.Scalar? = nil
        var found = false
        for scalar in word {
            run = scalar == previous ? run + 1 : 1
            previous = scalar
            if run == 3 { found = true; break }
        }
        guard found else { return word }
        let letters = Array(word)
        var out: [Unicode.Scalar] = []
        var index = 0
        while index < letters.count {
            var end = index + 1
            while end < letters.count, letters[end] == letters[index] { end += 1 }
            out.append(contentsOf: repeatElement(letters[index], count: end - index >= 3 ? 1 : end - index))
            index = end
        }
        // (Not to a stub: the airfield "Sss" stays sss, not an "s" that every "S-400" would name.)
        return out.count == letters.count || out.count < 3 ? word : String.UnicodeScalarView(out)
    }

    /// Letters Kurdish (Sorani) writes and Arabic does not: ە ێ ۆ ڵ ڕ ڤ.
    static let kurdishLetters: Set<UInt32> = [0x06D5, 0x06CE, 0x06C6, 0x06B5, 0x0695, 0x06A4]

    /// A folded Sorani word spelled as Arabic spells the name: Sorani writes its short vowel
    /// ە, which Arabic leaves out (dropped inside the word, ه at its end, as ة: هەڵەبجە →
    /// هلبجه), and long u as وو (کەرکووک → كركوك, مەخموور → مخمور).
    static func soraniAsArabic(_ word: String.UnicodeScalarView) -> String.UnicodeScalarView {
        var out: [Unicode.Scalar] = []
        let letters = Array(word)
        for (index, letter) in letters.enumerated() {
            if letter.value == 0x06D5 {
                if index == letters.count - 1 { out.append("\u{0647}") }
                continue
            }
            if letter.value == 0x0648, out.last?.value == 0x0648 { continue }
            out.append(letter)
        }
        return String.UnicodeScalarView(out)
    }

    @inline(__always)
    static func arabicDigit(_ value: UInt32) -> Unicode.Scalar? {
        value >= 0x0660 && value <= 0x0669 ? Unicode.Scalar(value - 0x0660 + 0x30) : nil
    }

    /// Presentation forms (old PDFs, some keyboards) decomposed to the base letter.
    static func presentationForm(_ value: UInt32) -> UInt32? {
        guard let scalar = Unicode.Scalar(value) else { return nil }
        let decomposed = String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars
        guard let base = decomposed.first?.value, base != value else { return nil }
        return foldArabic(base)
    }

    // MARK: Latin

    /// A folded Latin letter and whether it was upper case; nil when not a letter.
    @inline(__always)
    static func foldLatin(_ scalar: Unicode.Scalar) -> (folded: String, upper: Bool)? {
        let value = scalar.value
        if value >= 0x61 && value <= 0x7A { return (String(scalar), false) }
        if value >= 0x41 && value <= 0x5A { return (String(Unicode.Scalar(value + 32)!), true) }
        guard value >= 0xC0, value < 0x2000 || (value >= 0x1E00 && value <= 0x1EFF) else { return nil }
        return latinTable[value]
    }

    /// Accented and special Latin letters (Latin-1 to Extended-B, Extended Additional).
    static let latinTable: [UInt32: (folded: String, upper: Bool)] = {
        var table: [UInt32: (folded: String, upper: Bool)] = [:]
        let special: [UInt32: String] = [0xDF: "ss", 0xC6: "ae", 0xE6: "ae", 0x152: "oe", 0x153: "oe",
                                         0xD8: "o", 0xF8: "o", 0x131: "i", 0x141: "l", 0x142: "l", 0xD0: "d", 0xF0: "d"]
        func add(_ value: UInt32) {
            guard let scalar = Unicode.Scalar(value), scalar.properties.isAlphabetic else { return }
            let upper = scalar.properties.isUppercase
            if let fixed = special[value] { table[value] = (fixed, upper); return }
            let base = String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars.first!
            guard base.value < 0x80, base.properties.isAlphabetic else { return }
            table[value] = (String(base).lowercased(), upper)
        }
        for value in UInt32(0xC0)...0x24F where value != 0xD7 && value != 0xF7 { add(value) }
        for value in UInt32(0x1E00)...0x1EFF { add(value) }
        return table
    }()

    @inline(__always)
    static func isApostrophe(_ value: UInt32) -> Bool {
        value == 0x27 || value == 0x2019 || value == 0x2018 || value == 0x60 || value == 0xB4
            || value == 0x2BF || value == 0x2BE || value == 0x2BB || value == 0x2BC
    }
}
