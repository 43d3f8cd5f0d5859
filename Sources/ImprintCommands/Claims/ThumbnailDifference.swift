import CaseStore
import PerceptualHash

/// How far each file's EXIF thumbnail is from the image itself, from the hashes ingest stored.
enum ThumbnailDifference {
    /// The hash ingest stores for the thumbnail, next to the image's `pdq`.
    static let algorithm = "thumbnail-pdq"
    /// Bits of 256 beyond which the thumbnail shows another picture (docs/thumbnails.md).
    static let defaultThreshold = 70

    /// PDQ distance thumbnail ↔ image, by file id, for files that have both.
    static func distances(in store: CaseDatabase) throws -> [Int64: Int] {
        let thumbnails = try store.storedHashes(algorithm: algorithm)
        guard !thumbnails.isEmpty else { return [:] }
        var image: [Int64: [UInt64]] = [:]
        for stored in try store.storedHashes(algorithm: HashAlgorithm.pdq.rawValue) {
            image[stored.fileID] = HashedImage.words(of: stored.value)
        }
        var distances: [Int64: Int] = [:]
        for stored in thumbnails {
            guard let main = image[stored.fileID] else { continue }
            let thumbnail = HashedImage.words(of: stored.value)
            guard thumbnail.count == main.count else { continue }
            distances[stored.fileID] = zip(main, thumbnail).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
        }
        return distances
    }
}
