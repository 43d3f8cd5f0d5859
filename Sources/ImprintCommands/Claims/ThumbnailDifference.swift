import CaseStore
import PerceptualHash

/// Whether each file's EXIF thumbnail shows another picture than the file, from the hashes
/// ingest stored (docs/thumbnails.md: pHash is compared; PDQ only in a case hashed without it).
enum ThumbnailDifference {
    /// The evidence for one file: the distance that decided, and the threshold it passed.
    struct Finding: Sendable {
        let algorithm: String
        let distance: Int
        let bits: Int
        let threshold: Int
    }

    /// The files whose thumbnail differs from the image by more than `phashBits` (of 64; PDQ's
    /// own threshold of 256 when the case holds no pHash). Files whose image decoded only with
    /// a warning are left out: a truncated file's grey padding moves its hashes by itself.
    static func findings(in store: CaseDatabase, phashBits: Int) throws -> [Int64: Finding] {
        var found: [Int64: Finding] = [:]
        for pair in try store.thumbnailPairs() where pair.decodeStatus == .ok {
            if let distance = pair.phashDistance {
                if distance > phashBits { found[pair.fileID] = Finding(algorithm: "pHash", distance: distance, bits: 64, threshold: phashBits) }
            } else if let distance = pair.pdqDistance, distance > ThumbnailHash.pdqThreshold {
                found[pair.fileID] = Finding(algorithm: "PDQ", distance: distance, bits: 256, threshold: ThumbnailHash.pdqThreshold)
            }
        }
        return found
    }
}
