/// Phrases of the lexicon, looked up by their first word: a text is then scanned once, with a
/// hash lookup per word, not once per phrase with a Unicode comparison per word.
struct PhraseList: Sendable {
    private let byFirst: [String: [[String]]]

    /// The phrases as folded word forms (``PlaceText/forms(_:)``).
    init(_ phrases: [String]) {
        var byFirst: [String: [[String]]] = [:]
        for phrase in phrases {
            let forms = PlaceText.forms(phrase)
            guard let first = forms.first else { continue }
            byFirst[first, default: []].append(forms)
        }
        self.byFirst = byFirst
    }

    /// Whether one of the phrases starts at `start` of `forms`.
    func starts(at start: Int, in forms: [String]) -> Bool {
        guard start < forms.count, let candidates = byFirst[forms[start]] else { return false }
        return candidates.contains { forms[start...].starts(with: $0) }
    }

    /// Whether one of the phrases occurs anywhere in `forms`.
    func occurs(in forms: [String]) -> Bool {
        forms.indices.contains { starts(at: $0, in: forms) }
    }
}
