internal import CImprintShims
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Decodes JPEG, PNG, WebP and TIFF bytes to 8-bit pixels through the C shims.
///
/// The format comes from the magic bytes, never from a file name. Every decode first reads
/// only the header and checks the pixel limit, so a decompression bomb is refused before
/// anything large is allocated.
public enum ImageDecoder {
    /// The format and stored size of an image, from its header alone.
    public struct Header: Sendable, Equatable {
        /// The container format.
        public let format: ImageFormat
        /// Width stored in the file.
        public let width: Int
        /// Height stored in the file.
        public let height: Int
    }

    /// Reads format and size from the header without decoding pixels.
    /// - Throws: `DecodeError` when the bytes are not a decodable image.
    public static func header(of bytes: [UInt8]) throws(DecodeError) -> Header {
        let format = try sniff(bytes)
        let info = try probe(bytes, format: format, grayscale: false)
        return Header(format: format, width: Int(info.full_width), height: Int(info.full_height))
    }

    /// Decodes an image.
    /// - Parameters:
    ///   - bytes: the whole file.
    ///   - options: size, colour, orientation and pixel limit.
    /// - Returns: the pixels; `warnings` is non-empty when the library only warned.
    /// - Throws: `DecodeError` for unknown formats, refused data, or images over the limit.
    public static func decode(_ bytes: [UInt8], options: DecodeOptions = .init()) throws(DecodeError) -> DecodedImage {
        let format = try sniff(bytes)
        let grey = options.grayscale && format == .jpeg
        let full = try probe(bytes, format: format, grayscale: grey)
        let width = Int(full.full_width), height = Int(full.full_height)
        guard width > 0, height > 0 else {
            throw .corrupt(format: format, detail: "image has no pixels (\(width)×\(height))")
        }
        guard width.multipliedReportingOverflow(by: height).partialValue <= options.maxPixels,
              width <= options.maxPixels, height <= options.maxPixels
        else {
            throw .tooLarge(width: width, height: height, limit: options.maxPixels)
        }
        let denominator = format == .jpeg ? scaleDenominator(width: width, height: height, minimumShortSide: options.minimumShortSide) : 1
        // libjpeg's scaled size is ⌈size / denominator⌉ (jdiv_round_up); the channel count does
        // not depend on the scale. The C decode checks the buffer against its own figure.
        let scaledWidth = (width + denominator - 1) / denominator
        let scaledHeight = (height + denominator - 1) / denominator
        let count = scaledWidth * scaledHeight * Int(full.channels)
        // A raised --max-pixels must not let one file's allocation abort the whole batch: the
        // pixels and the float planes hashing makes of them (up to four bytes a pixel more)
        // must fit in half the memory.
        let needed = count + scaledWidth * scaledHeight * 4
        let memory = UInt64(max(0, sysconf(Int32(_SC_PHYS_PAGES)))) * UInt64(max(0, sysconf(Int32(_SC_PAGESIZE))))
        guard UInt64(needed) <= memory / 2 else {
            throw .notEnoughMemory(width: width, height: height, bytes: needed, memory: memory)
        }
        var info = imp_image_info()
        var pixels = [UInt8](repeating: 0, count: count)
        let discardAlpha: Int32 = options.alpha == .discard ? 1 : 0
        let status = bytes.withUnsafeBufferPointer { input in
            pixels.withUnsafeMutableBufferPointer { output in
                switch format {
                case .jpeg:
                    imp_jpeg_decode(input.baseAddress, input.count, Int32(denominator), grey ? 1 : 0,
                                    output.baseAddress, output.count, &info)
                case .png:
                    imp_png_decode(input.baseAddress, input.count, output.baseAddress, output.count, discardAlpha, &info)
                case .webp:
                    imp_webp_decode(input.baseAddress, input.count, output.baseAddress, output.count, discardAlpha, &info)
                case .tiff:
                    imp_tiff_decode(input.baseAddress, input.count, output.baseAddress, output.count, discardAlpha, &info)
                }
            }
        }
        guard status >= 0 else { throw .corrupt(format: format, detail: message(of: info)) }
        let image = DecodedImage(
            width: Int(info.width), height: Int(info.height), channels: Int(info.channels),
            pixels: pixels, format: format, storedWidth: width, storedHeight: height,
            warnings: status == IMP_WARNING.rawValue ? [message(of: info)] : []
        )
        return image.oriented(options.orientation)
    }

    /// The largest DCT scale denominator (8, 4, 2) that keeps the short side at least
    /// `minimumShortSide`, or 1 for a full-size decode.
    static func scaleDenominator(width: Int, height: Int, minimumShortSide: Int?) -> Int {
        guard let minimum = minimumShortSide else { return 1 }
        let short = min(width, height)
        for denominator in [8, 4, 2] where (short + denominator - 1) / denominator >= minimum {
            return denominator
        }
        return 1
    }

    private static func sniff(_ bytes: [UInt8]) throws(DecodeError) -> ImageFormat {
        guard !bytes.isEmpty else { throw .empty }
        guard let format = ImageFormat(sniffing: bytes) else {
            throw .unsupportedFormat(magic: Array(bytes.prefix(12)))
        }
        return format
    }

    private static func probe(
        _ bytes: [UInt8], format: ImageFormat, grayscale: Bool
    ) throws(DecodeError) -> imp_image_info {
        var info = imp_image_info()
        let status = bytes.withUnsafeBufferPointer { input in
            switch format {
            case .jpeg: imp_jpeg_probe(input.baseAddress, input.count, 1, grayscale ? 1 : 0, &info)
            case .png: imp_png_probe(input.baseAddress, input.count, &info)
            case .webp: imp_webp_probe(input.baseAddress, input.count, &info)
            case .tiff: imp_tiff_probe(input.baseAddress, input.count, &info)
            }
        }
        guard status != IMP_UNSUPPORTED.rawValue else { throw .unsupportedFeature(format: format, detail: message(of: info)) }
        guard status >= 0 else { throw .corrupt(format: format, detail: message(of: info)) }
        return info
    }

    private static func message(of info: imp_image_info) -> String {
        withUnsafeBytes(of: info.message) { raw in
            let bytes = raw.prefix { $0 != 0 }
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
