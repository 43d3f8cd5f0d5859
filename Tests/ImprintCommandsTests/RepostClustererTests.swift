import Testing
import PerceptualHash
@testable import ImprintCommands

/// The clusterer on hand-made hashes: which hash pairs may join two images.
@Suite struct RepostClustererTests {
    /// A PDQ hash of four words with the lowest `bits` bits of the last word set.
    static func hash(_ base: UInt64, flipped bits: Int) -> [UInt64] {
        [base, ~base, base &* 3, base ^ (bits == 0 ? 0 : (UInt64.max >> (64 - bits)))]
    }

    static func image(_ path: String, whole: [UInt64], variants: [[UInt64]]) -> HashedImage {
        var image = HashedImage(path: path)
        image.words[.pdq] = whole
        image.pdqQuality = 100
        image.pdqDihedral = [whole] + variants
        return image
    }

    static let clusterer = RepostClusterer(algorithms: [.pdq], thresholds: try! MatchThresholds(parsing: nil), dihedral: true, mode: .components)

    /// A turned variant of one image near the other's whole hash joins them (a rotated repost);
    /// two variants near each other do not: turning both compares the wholes again, and two
    /// photos in one app's screenshot template meet that way.
    @Test func aVariantJoinsAWholeHashButNotAnotherVariant() {
        let far1 = Self.hash(0x1111_2222_3333_4444, flipped: 0), far2 = Self.hash(0x5555_6666_7777_8888, flipped: 0)
        let shared = Self.hash(0x9999_AAAA_BBBB_CCCC, flipped: 0), near = Self.hash(0x9999_AAAA_BBBB_CCCC, flipped: 20)
        let variantsOnly = [Self.image("a.jpg", whole: far1, variants: [shared]), Self.image("b.jpg", whole: far2, variants: [near])]
        #expect(Self.clusterer.clusters(of: variantsOnly, singletons: false).isEmpty)
        let rotatedRepost = [Self.image("a.jpg", whole: far1, variants: [shared]), Self.image("b.jpg", whole: near, variants: [far2])]
        let clusters = Self.clusterer.clusters(of: rotatedRepost, singletons: false)
        #expect(clusters.map(\.members) == [[0, 1]])
        #expect(Self.clusterer.distance(rotatedRepost[0], rotatedRepost[1], .pdq) == 20)
        #expect(Self.clusterer.distance(variantsOnly[0], variantsOnly[1], .pdq)! > 31)
    }
}
