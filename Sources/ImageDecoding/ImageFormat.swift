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

    /// What a file that is none of these formats most likely is, from its first bytes, for an
    /// error a person can act on: "a HEIC image" rather than "starts with 00 00 00 18".
    public static func otherFormatName<Bytes: Collection>(sniffing prefix: Bytes) -> String? where Bytes.Element == UInt8 {
        let head = Array(prefix.prefix(12))
        let text = String(decoding: head.map { (32...126).contains($0) ? $0 : 0x2E }, as: UTF8.self)
        if text.hasPrefix("GIF8") { return "a GIF image" }
        if head.count >= 12, text.dropFirst(4).hasPrefix("ftyp") {
            // ISO base media: the brand says which.
            let brand = text.dropFirst(8).prefix(4)
            switch brand {
            case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1": return "a HEIC/HEIF image (iPhone's format)"
            case "avif", "avis": return "an AVIF image"
            case "qt  ": return "a QuickTime video"
            default: return "an MP4 video or other ISO media file (brand '\(brand)')"
            }
        }
        if text.hasPrefix("BM") { return "a BMP image" }
        if text.hasPrefix("%PDF") { return "a PDF document" }
        if head.starts(with: [0x00, 0x00, 0x01, 0x00]) { return "a Windows icon" }
        if head.starts(with: [0x1A, 0x45, 0xDF, 0xA3]) { return "a WebM/Matroska video" }
        if text.hasPrefix("II+.") || text.hasPrefix("MM.+") { return "a BigTIFF image" }
        // Text starts with its first character after white space and a UTF-8 byte-order mark;
        // any other byte before it makes binary data, whatever follows ("b5 3c" is no page).
        let body = head.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(head.dropFirst(3)) : head
        let first = body.first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        if first == UInt8(ascii: "<") { return "an HTML or XML page (an error page saved under an image's name?)" }
        if first == UInt8(ascii: "{") || first == UInt8(ascii: "[") { return "a JSON file" }
        return nil
    }

    /// The sentence for a file that starts with `magic` and is none of these formats: what it
    /// most likely is, and its first `shown` bytes in hex.
    public static func notReadDescription(magic: [UInt8], shown: Int) -> String {
        let hex = magic.prefix(shown).map { byte in
            let digits = String(byte, radix: 16)
            return digits.count == 1 ? "0" + digits : digits
        }.joined(separator: " ")
        if let name = otherFormatName(sniffing: magic) {
            return "\(name), not a JPEG, PNG, WebP or TIFF file: not read (starts with \(hex))"
        }
        return "not a JPEG, PNG, WebP or TIFF file (starts with \(hex.isEmpty ? "nothing" : hex))"
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
