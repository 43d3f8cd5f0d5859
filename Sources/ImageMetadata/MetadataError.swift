internal import ImageDecoding

/// Why a file's metadata could not be read at all. Damage that still lets something be read is
/// reported in ``FileMetadata/warnings`` instead.
public enum MetadataError: Error, Sendable, Equatable {
    /// The file is empty.
    case empty
    /// The first bytes match no supported container (JPEG, PNG, WebP, TIFF).
    case unsupportedFormat(magic: [UInt8])
    /// The container is recognised but too broken to read anything from.
    case corrupt(format: String, detail: String)
}

extension MetadataError: CustomStringConvertible {
    /// A short sentence a person can act on.
    public var description: String {
        switch self {
        case .empty:
            return "the file is empty"
        case .unsupportedFormat(let magic):
            return ImageFormat.notReadDescription(magic: magic, shown: magic.count)
        case .corrupt(let format, let detail):
            return "corrupt \(format) file: \(detail)"
        }
    }
}
