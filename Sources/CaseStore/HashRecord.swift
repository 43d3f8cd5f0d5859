public import GRDB
public import Foundation
import PerceptualHash

/// A row of `hashes`: one perceptual hash of one file.
///
/// 64-bit hashes are stored as `Int64(bitPattern:)` in `bits` (SQLite integers are signed);
/// other widths (PDQ's 256 bits) as big-endian bytes in `blob`.
public struct HashRecord: Codable, Sendable, Hashable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "hashes"

    /// The file hashed.
    public var fileID: Int64
    /// `pdq`, `phash`, `dhash`, `ahash`, `whash`.
    public var algorithm: String
    /// A 64-bit hash's bit pattern; nil for other widths.
    public var bits: Int64?
    /// Other widths' bytes, most significant first; nil for 64-bit hashes.
    public var blob: Data?
    /// The hash's width in bits.
    public var bitCount: Int
    /// PDQ's quality score (0–100); nil for the others.
    public var quality: Int?

    enum CodingKeys: String, CodingKey {
        case algorithm, bits, blob, quality
        case fileID = "file_id", bitCount = "bit_count"
    }

    /// Column names for requests.
    public enum Columns {
        public static let fileID = Column(CodingKeys.fileID)
        public static let algorithm = Column(CodingKeys.algorithm)
    }

    /// The hash as stored: its 64 bits as an unsigned number, when it has 64.
    public var uint64: UInt64? { bits.map { UInt64(bitPattern: $0) } }

    /// The hash as lower-case hex, as `imprint hash` prints it.
    public var hex: String {
        if let uint64 { return hexDigits(of: [uint64], digitsPerWord: 16) }
        return hexDigits(of: (blob ?? Data()).map(UInt64.init), digitsPerWord: 2)
    }

    /// Creates a record from a hash's value.
    public init(fileID: Int64, algorithm: String, value: HashValue, quality: Int?) {
        self.fileID = fileID
        self.algorithm = algorithm
        self.quality = quality
        switch value {
        case .bits64(let number):
            bits = Int64(bitPattern: number); blob = nil; bitCount = 64
        case .wide(let bytes, let count):
            bits = nil; blob = Data(bytes); bitCount = count
        }
    }

    /// The stored value.
    public var value: HashValue {
        if let uint64 { return .bits64(uint64) }
        return .wide([UInt8](blob ?? Data()), bitCount: bitCount)
    }
}

/// A perceptual hash's bits, as the case stores them.
public enum HashValue: Sendable, Hashable {
    /// A 64-bit hash (pHash, dHash, aHash, wHash at the default size).
    case bits64(UInt64)
    /// Any other width, most significant byte first (PDQ: 32 bytes).
    case wide([UInt8], bitCount: Int)
}
