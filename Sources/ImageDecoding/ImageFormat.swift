/// An image container format, recognised from a file's first bytes, never from its name.
public enum ImageFormat: String, Sendable, CaseIterable, Codable {
    case jpeg = "JPEG"
    case png = "PNG"
    case webp = "WEBP"
    case tiff = "TIFF"

    /// The format whose magic bytes start `prefix`, or nil when none does.
    ///
    /// Needs at most the first 12 bytes.
    public init?<Bytes: Collection>(sniffing prefix: Bytes) where Bytes.Element == UInt8 {
        let head = Array(prefix.prefix(12))
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            head.count >= offset + magic.count && Array(head[offset..<offset + magic.count]) == magic
        }
        if starts([0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if starts(Array("RIFF".utf8)) && starts(Array("WEBP".utf8), at: 8) {
            self = .webp
        } else if starts([0x49, 0x49, 0x2A, 0x00]) || starts([0x4D, 0x4D, 0x00, 0x2A]) {
            self = .tiff
        } else {
            return nil
        }
    }

    /// The MIME type exiftool reports for this format.
    public var mimeType: String {
        switch self {
        case .jpeg: "image/jpeg"
        case .png: "image/png"
        case .webp: "image/webp"
        case .tiff: "image/tiff"
        }
    }
}
