/// Phrases of the lexicon, looked up by their first word: a text is then scanned once, with a
/// hash lookup per word, not once per phrase with a Unicode comparison per word.
struct PhraseList: Sendable {
    private let byFirst: [FoldedWord: [[FoldedWord]]]

    /// The phrases as folded word forms (``PlaceText/forms(_:)``).
    init(_ phrases: [String]) {
        var byFirst: [FoldedWord: [[FoldedWord]]] = [:]
        for phrase in phrases {
            let forms = PlaceText.forms(phrase).map(FoldedWord.init)
            guard let first = forms.first else { continue }
            byFirst[first, default: []].append(forms)
        }
        self.byFirst = byFirst
    }

    /// Whether one of the phrases starts at `start` of `forms`.
    func starts(at start: Int, in forms: [FoldedWord]) -> Bool {
        guard start < forms.count, let candidates = byFirst[forms[start]] else { return false }
        return candidates.contains { forms[start...].starts(with: $0) }
    }

    /// Whether one of the phrases occurs anywhere in `forms`.
    func occurs(in forms: [FoldedWord]) -> Bool {
        forms.indices.contains { starts(at: $0, in: forms) }
    }
}
