/// The language of a post's text, for the sidecars that name none (an analyst's table,
/// gallery-dl's Telegram and VK metadata): the script decides for Arabic-script languages,
/// common words decide for Latin script, and anything unclear stays unknown.
///
/// Deliberately small: posts are short and mixed (an English caption with an Arabic hashtag,
/// an Arabic post with a link), so it only answers when the evidence is plain, and a wrong
/// language would mislead more than none.
enum LanguageGuess {
    /// The language code (`ar`, `fa`, `ckb`, `ur`, `en`, `fr`, `de`, `es`, `tr`, `ku`) of
    /// `text`, or nil when it is not clear.
    ///
    /// Addresses and @handles are left out; hashtags count by their words. Arabic-script
    /// text is Arabic unless letters only Central Kurdish, Urdu or Persian use say otherwise
    /// (Iraqi Arabic writes گ and چ too, so Persian needs its own yeh and kaf to outnumber
    /// Arabic's). Latin text needs two of one language's common words and twice as many as
    /// any other language's.
    /// - Complexity: O(n) in the length of `text`.
    static func language(of text: String) -> String? {
        var arabicScript = 0, latin = 0
        var sorani = 0, urdu = 0, persianMarks = 0, arabicMarks = 0
        var scores: [String: Int] = [:]
        for token in text.split(whereSeparator: \.isWhitespace) {
            if token.hasPrefix("@") || token.contains("://") || token.hasPrefix("www.") { continue }
            for scalar in token.unicodeScalars {
                switch scalar.value {
                case 0x0600...0x06FF, 0x0750...0x077F, 0xFB50...0xFDFF, 0xFE70...0xFEFF:
                    guard scalar.properties.isAlphabetic else { continue }
                    arabicScript += 1
                    switch scalar.value {
                    case 0x06CE, 0x06C6, 0x0695, 0x06B5, 0x06D5: sorani += 1 // ێ ۆ ڕ ڵ ە
                    case 0x06D2, 0x0679, 0x0688, 0x06BA, 0x0691: urdu += 1 // ے ٹ ڈ ں ڑ
                    case 0x06CC, 0x06A9: persianMarks += 1 // ی ک
                    case 0x064A, 0x0643: arabicMarks += 1 // ي ك
                    default: break
                    }
                case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF:
                    if scalar.properties.isAlphabetic { latin += 1 }
                default:
                    break
                }
            }
            let word = token.lowercased().filter(\.isLetter)
            if let language = commonWords[word] { scores[language, default: 0] += 1 }
        }
        guard arabicScript + latin >= 3 else { return nil }
        if arabicScript > latin {
            if sorani >= 2 { return "ckb" }
            if urdu >= 2 { return "ur" }
            if persianMarks >= 2, persianMarks > arabicMarks { return "fa" }
            return "ar"
        }
        let ranked = scores.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
        guard let best = ranked.first, best.value >= 2 else { return nil }
        let second = ranked.dropFirst().first?.value ?? 0
        return best.value >= 2 * second ? best.key : nil
    }

    /// Short words frequent in one language and rare in the others (words two of them share,
    /// such as "de", "la", "in", "en", "die", are left out).
    private static let commonWords: [String: String] = {
        let lists: [String: String] = [
            "en": "the and of to is are was were for with this that from after into near have has been their our they we who will his her not it its an by at on",
            "fr": "le les des du une et est dans pour sur avec par qui au aux cette ce sont ont été pas nous ils elle",
            "de": "der das und ist nicht mit von den dem ein eine im auf für sich wurde nach bei auch wir sind",
            "es": "el los las del y por con para una fue como su más lo está están sobre entre",
            "tr": "ve bir bu için ile olarak çok daha sonra olan gibi ama kadar şehir değil",
            "ku": "û ji li jî yê vê wê ev ew hat hatin kir kirin bû digel herêma bajarê",
        ]
        var words: [String: String] = [:]
        for (language, list) in lists {
            for word in list.split(separator: " ") { words[String(word)] = language }
        }
        return words
    }()
}
