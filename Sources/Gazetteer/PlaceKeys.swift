/// The keys under which a folded word (``PlaceText/Word/form``) is looked up: the word as
/// written, the word without its article and prefixes, and a consonant skeleton that
/// survives transliteration variants.
enum PlaceKeys {
    /// The word and the forms it may stand for once its article and clitics are removed:
    /// بالطبقة → طبقه, للمطار → مطار, al-… is a separate word already, but Alraqqa → raqqa
    /// and assimilated ezzor → zor are fused forms.
    static func variants(_ form: String, script: PlaceText.Script) -> [String] {
        switch script {
        case .digits: return [form]
        case .latin: return latinVariants(form)
        case .arabic: return arabicVariants(form)
        }
    }

    /// The canonical form of a word of a name: its article removed (الطبقة → طبقه), so that
    /// every text variant meets it.
    static func canonical(_ form: String, script: PlaceText.Script) -> String {
        guard script == .arabic else { return form }
        let scalars = Array(form.unicodeScalars)
        if scalars.count >= 4, scalars[0] == alef, scalars[1] == lam { return String(String.UnicodeScalarView(scalars[2...])) }
        return form
    }

    private static let alef: Unicode.Scalar = "\u{0627}"
    private static let lam: Unicode.Scalar = "\u{0644}"
    private static let waw: Unicode.Scalar = "\u{0648}"
    private static let fa: Unicode.Scalar = "\u{0641}"
    private static let ba: Unicode.Scalar = "\u{0628}"
    private static let kaf: Unicode.Scalar = "\u{0643}"
    private static let ain: Unicode.Scalar = "\u{0639}"

    private static func arabicVariants(_ form: String) -> [String] {
        var scalars = Array(form.unicodeScalars)
        var result = [form]
        func add(_ slice: ArraySlice<Unicode.Scalar>) {
            let text = String(String.UnicodeScalarView(slice))
            if !result.contains(text) { result.append(text) }
        }
        // و / ف: "and", "so" — then the rest may carry ب ل ك and the article.
        if scalars.count >= 4, scalars[0] == waw || scalars[0] == fa {
            add(scalars[1...])
            scalars.removeFirst()
        }
        let n = scalars.count
        if n >= 4, scalars[0] == alef, scalars[1] == lam { add(scalars[2...]) }  // ال
        if n >= 5, scalars[0] == ba || scalars[0] == kaf || scalars[0] == lam, scalars[1] == alef, scalars[2] == lam {
            add(scalars[3...])  // بال كال لال
        }
        if n >= 4, scalars[0] == lam, scalars[1] == lam { add(scalars[2...]) }  // لل = ل + ال
        if n >= 4, scalars[0] == ba || scalars[0] == lam || scalars[0] == kaf { add(scalars[1...]) }  // بمطار, لمطار
        // Levantine ع for على "at, on, to", written onto the word: عمعبر باب الهوى, عالمطار.
        if n >= 5, scalars[0] == ain, scalars[1] == alef, scalars[2] == lam { add(scalars[3...]) }  // عال
        if n >= 4, scalars[0] == ain { add(scalars[1...]) }
        return result
    }

    /// Latin articles and the few words that never tell places apart.
    static let latinArticles: Set<String> = ["al", "el", "ad", "ash", "as", "ar", "at", "az", "an", "adh", "ath",
                                             "ed", "es", "esh", "et", "er", "ez", "en", "ul", "l", "the", "of"]

    private static let sunLetters: Set<Character> = ["t", "d", "r", "z", "s", "n", "l"]

    /// The form a name's word is indexed under: ``canonical(_:script:)``, and for Latin with
    /// doubled vowels collapsed, which ``variants(_:script:)`` also offers for every text word.
    /// (Cue words keep their spelling: "soon" is not "son".)
    static func nameKey(_ form: String, script: PlaceText.Script) -> String {
        script == .latin ? collapsingDoubledVowels(form) : canonical(form, script: script)
    }

    /// A doubled vowel as one: a long vowel or an ayn is written either way (Masnaa, al-Masna';
    /// Yaarubiya, Yarubiya). Apostrophes are gone by now.
    static func collapsingDoubledVowels(_ form: String) -> String {
        // Most words have no doubled vowel: no new string for them.
        let utf8 = form.utf8
        guard zip(utf8, utf8.dropFirst()).contains(where: { $0 == $1 && "aeiou".utf8.contains($0) }) else { return form }
        var out = String.UnicodeScalarView()
        for scalar in form.unicodeScalars {
            if "aeiou".unicodeScalars.contains(scalar), out.last == scalar { continue }
            out.append(scalar)
        }
        return out.count == form.unicodeScalars.count ? form : String(out)
    }

    private static func latinVariants(_ form: String) -> [String] {
        let collapsed = collapsingDoubledVowels(form)
        var result = collapsed == form ? [form] : [form, collapsed]
        let characters = Array(collapsed)
        // A fused article: Alraqqa, Elbab, Alzor.
        if characters.count >= 5, characters[0] == "a" || characters[0] == "e", characters[1] == "l" {
            result.append(String(characters[2...]))
        }
        // An assimilated article written into the word: Ezzor, Arraqqa, Assukhnah.
        if characters.count >= 5, characters[0] == "a" || characters[0] == "e",
           sunLetters.contains(characters[1]), characters[1] == characters[2] {
            result.append(String(characters[2...]))
        }
        return result
    }

    /// The consonant skeleton of a folded word: Deir/Dayr → dr, Zor/Zour/Zawr → zr,
    /// Qayyarah/Qayara → kr, Menagh/Minaq/Mennagh → mnk. Empty when nothing is left.
    static func skeleton(_ form: String, script: PlaceText.Script) -> String {
        switch script {
        case .digits: return form
        case .arabic: return arabicSkeleton(form)
        case .latin: return latinSkeleton(form)
        }
    }

    /// A looser key for a Latin word whose skeleton is too short to look up (Rabia → rb,
    /// Qaim → km): the skeleton with a leading y or w kept as a consonant, and `+` for a
    /// vowel at either end. Rabia, Rabea, Rabiaa → `rb+`; Arab → `+rb`; Yarubiya → `yrb+`;
    /// Qaim, Qa'em → `km`; Qayyarah, Qaiyara → `kr+`.
    static func shortKey(_ form: String) -> String {
        var letters = Array(form.utf8)
        guard let first = letters.first else { return "" }
        if letters.count > 3, letters.last == UInt8(ascii: "h"), isVowel(letters[letters.count - 2]) { letters.removeLast() }
        let lead = first == UInt8(ascii: "y") || first == UInt8(ascii: "w") ? String(UnicodeScalar(first)) : (isVowel(first) ? "+" : "")
        let tail = letters.last.map(isVowel) == true ? "+" : ""
        return lead + latinSkeleton(String(decoding: letters, as: UTF8.self)) + tail
    }

    private static func latinSkeleton(_ form: String) -> String {
        var letters = Array(form.utf8)
        // ة written -ah/-eh at the end: Qayyarah = Qayyara.
        if letters.count > 3, letters.last == UInt8(ascii: "h"), isVowel(letters[letters.count - 2]) { letters.removeLast() }
        var out: [UInt8] = []
        out.reserveCapacity(letters.count)
        var index = 0
        while index < letters.count {
            var letter = letters[index]
            let next = index + 1 < letters.count ? letters[index + 1] : 0
            // Digraphs of Arabic letters, and letters that stand for the same sound.
            switch (letter, next) {
            case (UInt8(ascii: "k"), UInt8(ascii: "h")), (UInt8(ascii: "g"), UInt8(ascii: "h")), (UInt8(ascii: "c"), UInt8(ascii: "k")):
                letter = UInt8(ascii: "k"); index += 1
            case (UInt8(ascii: "s"), UInt8(ascii: "h")), (UInt8(ascii: "c"), UInt8(ascii: "h")):
                letter = UInt8(ascii: "s"); index += 1
            case (UInt8(ascii: "t"), UInt8(ascii: "h")), (UInt8(ascii: "d"), UInt8(ascii: "h")), (UInt8(ascii: "z"), UInt8(ascii: "h")),
                 (UInt8(ascii: "p"), UInt8(ascii: "h")):
                index += 1
                if letter == UInt8(ascii: "p") { letter = UInt8(ascii: "f") }
            default:
                break
            }
            switch letter {
            // Kurmanji writes kh as x: Xelîl is Khalil, Xabûr is Khabur.
            case UInt8(ascii: "q"), UInt8(ascii: "c"), UInt8(ascii: "g"), UInt8(ascii: "x"): letter = UInt8(ascii: "k")
            case UInt8(ascii: "p"): letter = UInt8(ascii: "b")
            case UInt8(ascii: "v"): letter = UInt8(ascii: "f")
            default: break
            }
            index += 1
            if isVowel(letter) { continue }
            if out.last != letter { out.append(letter) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    @inline(__always)
    private static func isVowel(_ letter: UInt8) -> Bool {
        switch letter {
        case UInt8(ascii: "a"), UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "o"), UInt8(ascii: "u"),
             UInt8(ascii: "y"), UInt8(ascii: "w"):
            return true
        default:
            return false
        }
    }

    /// A folded Arabic word with each letter written as the letter its dots lost would leave
    /// (its rasm, dotless ي standing for ى): منبج and منبح, منفذ and منفد, مبنى and مبىى share it.
    /// Two words sharing it may still differ by more than lost dots (منتج, منبج): see
    /// ``losesDots(_:from:dotless:)``.
    static func rasm(_ form: String) -> String {
        String(String.UnicodeScalarView(form.unicodeScalars.map { dotless[$0] ?? $0 }))
    }

    /// Whether `written` is `word` with dots lost and nothing else changed: each letter is the
    /// word's, or the dotless letter the word's leaves (ح for ج or خ, د for ذ). ي stands for
    /// ب ت ث ن only where it was written as a dotless ى inside the word (`dotless`, by
    /// position, ``PlaceText/Word``): an ي as typed is an ي (الضيعة is no الضبعة).
    static func losesDots(_ written: String, from word: String, dotless mask: UInt64) -> Bool {
        written.unicodeScalars.count == word.unicodeScalars.count
            && zip(written.unicodeScalars, word.unicodeScalars).enumerated().allSatisfy { position, letters in
                let (letter, meant) = letters
                guard letter != meant, let bare = dotless[meant], bare == letter else { return letter == meant }
                return letter != "\u{064A}" || (position < 64 && mask & (1 << UInt64(position)) != 0)
            }
    }

    /// Dotted letters (folded: ى is ي already) and the dotless letter each becomes without its dots.
    private static let dotless: [Unicode.Scalar: Unicode.Scalar] = [
        "\u{0628}": "\u{064A}", "\u{062A}": "\u{064A}", "\u{062B}": "\u{064A}", "\u{0646}": "\u{064A}",  // ب ت ث ن → ى
        "\u{062C}": "\u{062D}", "\u{062E}": "\u{062D}",  // ج خ → ح
        "\u{0630}": "\u{062F}", "\u{0632}": "\u{0631}", "\u{0634}": "\u{0633}",  // ذ → د, ز → ر, ش → س
        "\u{0636}": "\u{0635}", "\u{0638}": "\u{0637}", "\u{063A}": "\u{0639}",  // ض → ص, ظ → ط, غ → ع
    ]

    private static func arabicSkeleton(_ form: String) -> String {
        var out = String.UnicodeScalarView()
        for (index, scalar) in form.unicodeScalars.enumerated() {
            // Long vowels are written or left out freely in names (منغ / مناغ).
            if index > 0, scalar == "\u{0627}" || scalar == "\u{0648}" || scalar == "\u{064A}" || scalar == "\u{0621}" { continue }
            // ك for ق: Iraqi speech says and writes qaf as g (گ, folded to ك): للگيارة = القيارة.
            let letter: Unicode.Scalar = scalar == "\u{0643}" ? "\u{0642}" : scalar
            if out.last != letter { out.append(letter) }
        }
        return String(out)
    }
}
