/// Why an image could not be decoded.
public enum DecodeError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file is empty.
    case empty
    /// The first bytes match no format Imprint decodes.
    case unsupportedFormat(magic: [UInt8])
    /// The library refused the data.
    case corrupt(format: ImageFormat, detail: String)
    /// A valid file that uses a feature not decoded here (an animated WebP): not corrupt.
    case unsupportedFeature(format: ImageFormat, detail: String)
    /// The header announces more pixels than the limit allows; nothing was allocated.
    case tooLarge(width: Int, height: Int, limit: Int)
    /// Decoding would need more memory than the machine has to spare (`--max-pixels` raised
    /// past what it holds); nothing was allocated.
    case notEnoughMemory(width: Int, height: Int, bytes: Int, memory: UInt64)

    public var description: String {
        switch self {
        case .empty:
            return "empty file"
        case .unsupportedFormat(let magic):
            return ImageFormat.notReadDescription(magic: magic, shown: 8)
        case .corrupt(let format, let detail):
            return "corrupt \(format.rawValue): \(detail)"
        case .unsupportedFeature(let format, let detail):
            return "\(format.rawValue) \(detail) (the file is not corrupt; its metadata is read)"
        case .tooLarge(let width, let height, let limit):
            return "image is \(width)×\(height) = \(width * height) pixels, over the limit of \(limit) (see --max-pixels)"
        case .notEnoughMemory(let width, let height, let bytes, let memory):
            return "image is \(width)×\(height): decoding it needs about \(bytes >> 20) MiB, more than half of this machine's \(memory >> 20) MiB"
        }
    }
}
