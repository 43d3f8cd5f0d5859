/// A folded word (``PlaceText/words(_:)``, ``PlaceKeys/canonical(_:script:)``) as a key of the
/// lexicon's word sets, hashed and compared by its UTF-8 bytes.
///
/// String's own hashing and equality follow Unicode's canonical equivalence, which costs a
/// normalisation on every lookup of a non-ASCII word: a fifth of `claims resolve`'s time went
/// there. Folded words hold base letters only (no combining marks), so their bytes compare as
/// their text does, and each word's hash is computed once, when its post is scanned.
struct FoldedWord: Hashable, Sendable {
    /// The word as folded.
    let text: String
    private let bytesHash: Int

    init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        var hasher = Hasher()
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        self.text = text
        bytesHash = hasher.finalize()
    }

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.bytesHash == rhs.bytesHash && lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(bytesHash)
    }
}

/// A set of folded words (``PlaceLexicon``'s cue lists).
typealias WordSet = Set<FoldedWord>

extension Set where Element == FoldedWord {
    /// Whether the folded word `word` is in the set.
    func contains(_ word: String) -> Bool {
        contains(FoldedWord(word))
    }
}
