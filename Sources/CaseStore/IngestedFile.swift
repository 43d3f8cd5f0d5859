public import ImageMetadata
public import PerceptualHash

/// Everything one ingest worker learned about one file, ready for the single writer.
public struct IngestedFile: Sendable {
    /// The `files` row (its `id` is ignored: the writer decides insert or update).
    public var file: FileRecord
    /// The tags and their indexed columns (its `fileID` is filled in by the writer); nil when
    /// the container could not be read at all.
    public var metadata: MetadataRecord?
    /// The hashes (their `fileID` is filled in by the writer).
    public var hashes: [HashRecord]
    /// Hash names this run stands for though it may have made none of them (`pdq_trimmed`
    /// when no banner or frame was found): a same-content row's old ones go with those it made.
    public var replaces: [String] = []
    /// Set instead of metadata and hashes when the case already holds a file with the same
    /// SHA-256 and all the hashes asked for: the writer copies them from that row, or, when
    /// that row's path has vanished from disk, moves the row to this path.
    public var sameContentAs: KnownContent?

    /// Creates a value from a worker's results.
    public init(file: FileRecord, metadata: MetadataRecord?, hashes: [HashRecord], sameContentAs: KnownContent? = nil) {
        self.file = file
        self.metadata = metadata
        self.hashes = hashes
        self.sameContentAs = sameContentAs
    }
}

/// A file row the case already has with some content, found by SHA-256.
public struct KnownContent: Sendable, Hashable {
    /// Its row id.
    public var fileID: Int64
    /// Its path, which may no longer exist (a moved file).
    public var path: String
    /// Whether that path is gone from disk: then the row is moved rather than copied.
    public var pathVanished: Bool

    /// Creates a value.
    public init(fileID: Int64, path: String, pathVanished: Bool) {
        self.fileID = fileID
        self.path = path
        self.pathVanished = pathVanished
    }
}

extension MetadataRecord {
    /// The record for a file's metadata as `MetadataReader` read it.
    public init(_ metadata: FileMetadata) {
        fileID = 0
        tags = TagJSON.object(metadata.keyedTags(grouped: true))
        if let date = DateTaken(metadata: metadata) {
            dateTaken = date.iso
            dateTakenIsUTC = date.isUTC
            dateTakenSource = date.source
        } else {
            dateTaken = nil
            dateTakenIsUTC = false
            dateTakenSource = nil
        }
        // The signed position: the GPS IFD's through its Composite, else XMP-exif's (signed
        // already; what editors such as Lightroom write), else the GPS IFD's as stored when its
        // references are missing, north and east, as exiftool's GPSPosition shows them.
        let composite = metadata.tags.filter { $0.group == "Composite" }
        let xmp = metadata.tags.filter { $0.group == "XMP-exif" }
        let stored = metadata.tags.filter { $0.group == "GPS" }
        func coordinate(_ name: String) -> Double? {
            (composite.first { $0.name == name } ?? xmp.first { $0.name == name } ?? stored.first { $0.name == name })?
                .value.numericValue.flatMap { $0.isFinite ? $0 : nil }
        }
        if let latitude = coordinate("GPSLatitude"), let longitude = coordinate("GPSLongitude") {
            (gpsLatitude, gpsLongitude) = (latitude, longitude)
        } else {
            (gpsLatitude, gpsLongitude) = (nil, nil)
        }
        make = metadata.value(of: "Make")?.exiftoolText
        model = metadata.value(of: "Model")?.exiftoolText
        software = metadata.value(of: "Software")?.exiftoolText
        orientation = metadata.orientation
        jpegQuality = metadata.jpegQuality
    }
}

extension HashRecord {
    /// The records for the hashes `HashPipeline` computed, in `algorithms` order; then the
    /// region hashes under the names `imprint hash` prints (`pdq_trimmed`, `pdq_c90`, …;
    /// `ImageHashes.namedRegionHashes`); then PDQ's dihedral variants 1–7 as `pdq_dihedral<k>`
    /// (variant 0 is the PDQ hash itself).
    public static func records(_ hashes: ImageHashes, algorithms: [HashAlgorithm]) -> [HashRecord] {
        var named = hashes.namedRegionHashes(algorithms: algorithms)
        for (k, variant) in (hashes.pdqDihedral ?? []).enumerated().dropFirst() {
            named.append((dihedralName(k), variant.hex))
        }
        return plain(hashes, algorithms: algorithms) + named.map { name, hex in
            let bytes = Self.bytes(hex: hex)
            if bytes.count == 8 {
                return HashRecord(fileID: 0, algorithm: name, value: .bits64(bytes.reduce(0) { $0 << 8 | UInt64($1) }), quality: nil)
            }
            return HashRecord(fileID: 0, algorithm: name, value: .wide(bytes, bitCount: bytes.count * 8), quality: nil)
        }
    }

    /// The bytes that the hex digits in `hex` spell, two digits a byte (a hash as `imprint
    /// hash` prints it); anything else in it is passed over.
    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(hex.utf8.count / 2)
        var high: UInt8?
        for digit in hex.utf8 {
            guard let nibble = hexNibble(digit) else { continue }
            if let h = high { bytes.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        return bytes
    }

    /// The stored name of PDQ's dihedral variant `k` (1–7).
    public static func dihedralName(_ k: Int) -> String { "pdq_dihedral\(k)" }

    /// The stored name of the embedded thumbnail's PDQ hash (`ThumbnailHash`). Thumbnail names
    /// start with `thumbnail-`, never `pdq_`: `cluster --case` and `match --case` read `pdq_*`
    /// rows as regions of the picture, and a thumbnail may show another one.
    public static let thumbnailPDQName = "thumbnail-pdq"
    /// The stored name of the embedded thumbnail's pHash.
    public static let thumbnailPHashName = "thumbnail-phash"
    /// The stored name of the PDQ hash of the main image's centre at the thumbnail's aspect
    /// ratio (`ThumbnailHash.filledFrame`), for thumbnails a camera filled by cropping.
    public static let thumbnailFramePDQName = "thumbnail-frame-pdq"
    /// The stored name of the pHash of that centre.
    public static let thumbnailFramePHashName = "thumbnail-frame-phash"

    /// The records for a thumbnail: its PDQ hash and pHash (each only when the file is hashed
    /// with that algorithm, as it is only compared with the file's own), then the main image's
    /// hashes in the thumbnail's frame when the thumbnail needs one.
    public static func thumbnail(_ hash: ThumbnailHash, algorithms: [HashAlgorithm], filledFrame: ImageHashes?) -> [HashRecord] {
        var records: [HashRecord] = []
        func add(_ name: String, pdq: Hash256?, quality: Int?) {
            guard algorithms.contains(.pdq), let pdq else { return }
            records.append(HashRecord(fileID: 0, algorithm: name, value: .wide(pdq.bytes, bitCount: 256), quality: quality))
        }
        func add(_ name: String, phash: HashBits?) {
            guard algorithms.contains(.phash), let bits = phash?.uint64 else { return }
            records.append(HashRecord(fileID: 0, algorithm: name, value: .bits64(bits), quality: nil))
        }
        add(thumbnailPDQName, pdq: hash.pdq, quality: hash.quality)
        add(thumbnailPHashName, phash: hash.phash)
        if let filledFrame {
            add(thumbnailFramePDQName, pdq: filledFrame.pdq, quality: filledFrame.pdqQuality)
            add(thumbnailFramePHashName, phash: filledFrame.phash)
        }
        return records
    }

    private static func plain(_ hashes: ImageHashes, algorithms: [HashAlgorithm]) -> [HashRecord] {
        algorithms.compactMap { algorithm in
            switch algorithm {
            case .pdq:
                guard let pdq = hashes.pdq else { return nil }
                return HashRecord(fileID: 0, algorithm: "pdq", value: .wide(pdq.bytes, bitCount: 256), quality: hashes.pdqQuality)
            default:
                let bits: HashBits?
                switch algorithm {
                case .phash: bits = hashes.phash
                case .dhash: bits = hashes.dhash
                case .ahash: bits = hashes.ahash
                default: bits = hashes.whash
                }
                guard let bits else { return nil }
                if bits.count == 64, let number = bits.uint64 {
                    return HashRecord(fileID: 0, algorithm: algorithm.rawValue, value: .bits64(number), quality: nil)
                }
                return HashRecord(fileID: 0, algorithm: algorithm.rawValue, value: .wide(bytes(hex: bits.hex), bitCount: bits.count), quality: nil)
            }
        }
    }
}
