/// One stored hash with what clustering and matching need to know about its file, so that
/// `imprint cluster --case` and `imprint match --case` work without hashing again.
public struct StoredHash: Sendable, Hashable {
    /// The file's row id.
    public var fileID: Int64
    /// The file's path.
    public var path: String
    /// `pdq`, `phash`, …
    public var algorithm: String
    /// The bits.
    public var value: HashValue
    /// PDQ quality, when stored.
    public var quality: Int?
    /// When the picture says it was taken (ISO 8601; `Z` when UTC).
    public var dateTaken: String?
    /// The tag `dateTaken` was read from, when the case knows it.
    public var dateTakenSource: String?
    /// The earliest post it came with (ISO 8601 UTC).
    public var firstPostedAt: String?
    /// The file's modification time when ingested, in nanoseconds since 1970.
    public var mtimeNanoseconds: Int64
    /// The EXIF orientation the hashes were computed with (they are of the picture as shown).
    public var orientation: Int? = nil

    /// A 64-bit hash's bits; nil for other widths.
    public var uint64: UInt64? {
        if case .bits64(let bits) = value { return bits }
        return nil
    }

    /// A 256-bit hash's four words, most significant first, as `Hash256.words` holds them;
    /// nil for other widths.
    public var words256: (UInt64, UInt64, UInt64, UInt64)? {
        guard case .wide(let bytes, let count) = value, count == 256, bytes.count == 32 else { return nil }
        func word(_ index: Int) -> UInt64 {
            bytes[index * 8..<index * 8 + 8].reduce(0) { $0 << 8 | UInt64($1) }
        }
        return (word(0), word(1), word(2), word(3))
    }
}
