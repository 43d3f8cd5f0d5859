import Foundation
import Testing
import PerceptualHash
@testable import ImprintCommands

/// The clusterer on hand-made hashes: which hash pairs may join two images.
@Suite struct RepostClustererTests {
    /// A file's mtime as the time it is ordered by: UTC, to the second, zero-padded (checked
    /// against Foundation's ISO 8601 formatter).
    @Test(arguments: [0, 1_000_000_000, 1_700_000_000, 951_782_400, 4_102_444_799, -86_400])
    func mtimesSortAsUTCTimes(_ seconds: Int) {
        let formatter = ISO8601DateFormatter()
        formatter.timeZone = TimeZone(identifier: "UTC")
        #expect(HashedImage.sortableTime(epochSeconds: seconds) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

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

    /// Thousands of near-copies of one photo meet each other in the square of their number, so
    /// the clusterer keeps a bounded list of the groups each met: on copies that meet far more
    /// groups than it keeps (a star of copies around one photo, a walk of copies drifting away
    /// from it, an image whose centre is beyond its list), in shuffled time order, the clusters
    /// and joins are those of comparing every pair.
    @Test(arguments: [RepostClusterer.Mode.components, .earliest], ["star", "walk", "beyond"])
    func nearCopiesBeyondTheKeptListsClusterAsEveryPairWould(mode: RepostClusterer.Mode, shape: String) {
        var seed: UInt64 = shape == "star" ? 7 : 11
        func next() -> UInt64 {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return seed >> 11
        }
        func flipped(_ words: [UInt64], _ bits: Int) -> [UInt64] {
            var words = words
            for _ in 0..<bits { let bit = Int(next() % 256); words[bit / 64] ^= 1 << UInt64(bit % 64) }
            return words
        }
        func bits(_ set: [Int]) -> [UInt64] {
            var words = [UInt64](repeating: 0, count: 4)
            for bit in set { words[bit / 64] |= 1 << UInt64(bit % 64) }
            return words
        }
        let origin = Self.hash(0x0F0F_3C3C_5A5A_6969, flipped: 0)
        var current = origin, hashes: [[UInt64]] = []
        if shape == "beyond" {
            // In time order: a centre, 40 images it takes, one image none of them meets, then one
            // that meets those 40 and that one, but not the centre: its earliest neighbours are
            // all taken, and the centre that takes it lies beyond them.
            let core = Array(0..<20)
            hashes = [bits([])] + (20..<60).map { bits(core + [$0]) }
            hashes += [bits(core + Array(64..<100)), bits(core + Array(64..<80))]
        } else {
            for _ in 0..<160 {
                current = shape == "star" ? flipped(origin, 3) : flipped(current, 1)
                hashes.append(current)
            }
        }
        var images: [HashedImage] = []
        for (index, hash) in hashes.enumerated() {
            var image = HashedImage(path: "copy\(index).jpg")
            image.words[.pdq] = hash
            image.pdqQuality = 100
            // Shuffled, but for the planted case: time order is not input order.
            let second = shape == "beyond" ? index : (index * 37) % 160
            image.time = "2020-01-01T00:0\(second / 60):" + (second % 60 < 10 ? "0" : "") + "\(second % 60)"
            images.append(image)
        }
        // Every pair compared: the definitions of both modes, written out.
        let clusterer = RepostClusterer(algorithms: [.pdq], thresholds: try! MatchThresholds(parsing: nil),
                                        dihedral: false, mode: mode)
        func close(_ a: Int, _ b: Int) -> Bool { a != b && clusterer.distance(images[a], images[b], .pdq)! <= 31 }
        let byTime = images.indices.sorted { images[$0].orderKey < images[$1].orderKey }
        var expected: [[Int]] = []
        var taken = Set<Int>()
        for centre in byTime where !taken.contains(centre) {
            var group = [centre]
            taken.insert(centre)
            var frontier = [centre]
            while let member = frontier.popLast() {
                for other in byTime where !taken.contains(other) && close(mode == .earliest ? centre : member, other) {
                    taken.insert(other)
                    group.append(other)
                    if mode == .components { frontier.append(other) }
                }
            }
            expected.append(group.sorted { images[$0].orderKey < images[$1].orderKey })
        }
        let clusters = clusterer.clusters(of: images, singletons: true)
        #expect(clusters.map(\.members) == expected)
        #expect(clusters.contains { $0.members.count > 40 }, "copies meet more groups than are kept")
        if shape == "beyond", mode == .earliest { #expect(clusters.map(\.members.count) == [41, 2]) }
        for cluster in clusters {
            let representative = cluster.members[0]
            for (member, join) in zip(cluster.members, cluster.joins).dropFirst() {
                // The representative when they met, else the closest of its first 32 neighbours.
                let neighbours = images.indices.filter { close(member, $0) }.prefix(32)
                let via = close(member, representative) ? representative
                    : neighbours.min { clusterer.distance(images[member], images[$0], .pdq)! < clusterer.distance(images[member], images[$1], .pdq)! }
                #expect(join?.via == via, "\(images[member].path)")
            }
        }
    }
}
