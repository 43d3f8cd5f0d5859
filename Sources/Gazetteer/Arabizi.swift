/// Arabic typed in Latin letters, with digits for the sounds Latin lacks ("el thuwwar fatu 3a
/// matar 7ama el 3askari": the rebels entered Hama military airport), as Iraqi and Syrian posts
/// often are. Read as the Latin spelling it stands for, with its site words in Arabic.
enum Arabizi {
    /// The digits that stand for letters: 2 hamza, 3 ʿayn (both unwritten in Latin names:
    /// "3askari" is "askari"), 5 kh, 6 ṭ, 7 ḥ, 8 gh, 9 ṣ.
    private static let letters: [UInt8: String] = [
        UInt8(ascii: "2"): "", UInt8(ascii: "3"): "", UInt8(ascii: "5"): "kh", UInt8(ascii: "6"): "t",
        UInt8(ascii: "7"): "h", UInt8(ascii: "8"): "gh", UInt8(ascii: "9"): "s",
    ]
    /// Site words, written back in Arabic so that they stand where Arabic puts them: مطار
    /// before its name ("yam matar baghdad", near Baghdad airport: not a "Yam airport"),
    /// العسكري and الدولي after it.
    private static let siteWords: [String: String] = [
        "matar": "مطار", "mataar": "مطار", "askari": "العسكري", "askary": "العسكري",
        "dawli": "الدولي", "dawly": "الدولي", "dowali": "الدولي", "duwali": "الدولي", "dauli": "الدولي",
        "mabar": "معبر", "maabar": "معبر",
    ]
    /// What may follow a number without making it Arabizi: "5km", "3rd", "7am".
    /// (Only units of two letters and more: a word needs two letters to be looked at.)
    private static let units: Set<String> = [
        "st", "nd", "rd", "th", "am", "pm", "km", "kg", "mm", "cm", "hr", "hrs", "min", "mins", "sec", "gb", "mb", "kb", "mp", "ml",
    ]

    /// `text` with its Arabizi words spelled in letters and its site words in Arabic; nil
    /// when the text is not Arabizi. Two words with a letter-digit at least make it so: one
    /// alone is more often a model or a code ("Su24", "3ID").
    static func latinised(_ text: String) -> String? {
        // Most texts have none of the digits: a byte scan, no table lookup, says so.
        guard text.utf8.contains(where: { $0 >= UInt8(ascii: "2") && $0 <= UInt8(ascii: "9") && $0 != UInt8(ascii: "4") }) else { return nil }
        let bytes = Array(text.utf8)
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        // ASCII words: runs of letters and digits.
        var words: [Range<Int>] = []
        var start: Int? = nil
        for (index, byte) in bytes.enumerated() {
            if isLetter(byte) || isDigit(byte) {
                if start == nil { start = index }
            } else if let begun = start {
                words.append(begun..<index)
                start = nil
            }
        }
        if let begun = start { words.append(begun..<bytes.count) }
        let arabizi = words.filter { range in
            let word = bytes[range]
            let letterCount = word.filter(isLetter).count
            guard letterCount >= 2, word.contains(where: { letters[$0] != nil }),
                  !zip(word, word.dropFirst()).contains(where: { isDigit($0) && isDigit($1) }) else { return false }
            // A number with a unit after it ("5km", "3rd") is no word.
            if let first = word.first, isDigit(first) {
                let rest = String(decoding: word.dropFirst(), as: UTF8.self).lowercased()
                if units.contains(rest) { return false }
            }
            return true
        }
        guard arabizi.count >= 2 else { return nil }
        let rewritten = Set(arabizi.map(\.lowerBound))
        var out = ""
        var last = 0
        for range in words {
            out += String(decoding: bytes[last..<range.lowerBound], as: UTF8.self)
            var word = rewritten.contains(range.lowerBound)
                ? bytes[range].map { letters[$0] ?? String(UnicodeScalar($0)) }.joined()
                : String(decoding: bytes[range], as: UTF8.self)
            if let arabic = siteWords[word.lowercased()] { word = arabic }
            out += word
            last = range.upperBound
        }
        return out + String(decoding: bytes[last...], as: UTF8.self)
    }
}
