import Foundation
import Testing
@testable import ImageDecoding

@Suite struct ImageDecoderTests {
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "tif", "tiff"]

    /// Every corpus image outside bad/ decodes; only corrupted.jpg may warn (corpus README).
    @Test func everyCorpusImageDecodes() throws {
        guard let root = Corpus.root else { return }
        let folders = ["exif", "photos", "pdq"].map { root.appendingPathComponent($0) }
        let files = folders.flatMap { Corpus.files(under: $0, extensions: Self.imageExtensions) }
        #expect(files.count > 100)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: file))
            let image = try ImageDecoder.decode(bytes, options: DecodeOptions(minimumShortSide: 64))
            #expect(image.width > 0 && image.height > 0, "\(file.lastPathComponent)")
            #expect(image.pixels.count == image.width * image.height * image.channels)
            let expectsWarning = file.lastPathComponent == "corrupted.jpg"
            #expect(image.isClean != expectsWarning, "\(file.path): \(image.warnings)")
        }
    }

    @Test func truncatedJPEGDecodesWithWarning() throws {
        guard Corpus.root != nil else { return }
        let image = try ImageDecoder.decode(Corpus.bytes("bad/jpeg_truncated_half.jpg"))
        #expect(!image.isClean)
        #expect(image.warnings.first?.contains("Premature end") == true)
    }

    /// Each broken file fails with the library's message that bad/README.md lists.
    @Test(arguments: [
        ("bad/jpeg_sof0_zero_dimensions.jpg", "Empty JPEG image"),
        ("bad/jpeg_dqt_bogus_length.jpg", "Bogus DQT index"),
        ("bad/jpeg_app1_length_past_eof.jpg", "JPEG datastream contains no image"),
        ("bad/png_bad_crc_ihdr.png", "IHDR: CRC error"),
        ("bad/png_bad_crc_idat.png", "IDAT: CRC error"),
        ("bad/png_truncated_half.png", "Read Error"),
    ])
    func brokenFileFails(path: String, message: String) throws {
        guard Corpus.root != nil else { return }
        let bytes = try Corpus.bytes(path)
        #expect {
            _ = try ImageDecoder.decode(bytes)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    /// Files whose magic bytes match no format (jpeg_bad_soi has 00 00 where FF D8 belongs).
    @Test(arguments: ["bad/empty.jpg", "bad/empty.png", "bad/html_error_page_named.jpg", "bad/jpeg_bad_soi.jpg"])
    func notAnImage(path: String) throws {
        guard Corpus.root != nil else { return }
        let bytes = try Corpus.bytes(path)
        #expect(throws: DecodeError.self) { _ = try ImageDecoder.decode(bytes) }
        #expect(ImageFormat(sniffing: bytes) == nil)
    }

    /// The bomb and the 100000² header are refused from the header, before allocation.
    @Test(arguments: [
        ("bad/png_bomb_20000x20000_gray8_zeros.png", 20000, 20000),
        ("bad/png_ihdr_100000x100000_rgba_two_rows.png", 100_000, 100_000),
    ])
    func pixelLimitRefusesBeforeAllocating(path: String, width: Int, height: Int) throws {
        guard Corpus.root != nil else { return }
        let bytes = try Corpus.bytes(path)
        #expect(throws: DecodeError.tooLarge(width: width, height: height, limit: DecodeOptions.defaultMaxPixels)) {
            _ = try ImageDecoder.decode(bytes)
        }
        #expect(try ImageDecoder.header(of: bytes) == .init(format: .png, width: width, height: height))
    }

    /// A limit raised past what the machine holds refuses the file, not the whole process.
    @Test func aRaisedLimitStillRefusesWhatMemoryCannotHold() throws {
        guard Corpus.root != nil else { return }
        let bytes = try Corpus.bytes("bad/png_ihdr_100000x100000_rgba_two_rows.png")
        var options = DecodeOptions()
        options.maxPixels = Int.max
        #expect {
            _ = try ImageDecoder.decode(bytes, options: options)
        } throws: { error in
            guard case DecodeError.notEnoughMemory(100_000, 100_000, let needed, _)? = error as? DecodeError else { return false }
            return needed >= 100_000 * 100_000 * 4
        }
    }

    @Test func pixelLimitIsConfigurable() throws {
        guard Corpus.root != nil else { return }
        let bytes = try Corpus.bytes("photos/astronaut.png")
        #expect(throws: DecodeError.self) { _ = try ImageDecoder.decode(bytes, options: DecodeOptions(maxPixels: 1000)) }
    }

    @Test func scaleDenominatorKeepsShortSide() {
        #expect(ImageDecoder.scaleDenominator(width: 1280, height: 960, minimumShortSide: 64) == 8)
        #expect(ImageDecoder.scaleDenominator(width: 1280, height: 960, minimumShortSide: 200) == 4)
        #expect(ImageDecoder.scaleDenominator(width: 1280, height: 960, minimumShortSide: 480) == 2)
        #expect(ImageDecoder.scaleDenominator(width: 1280, height: 960, minimumShortSide: 481) == 1)
        #expect(ImageDecoder.scaleDenominator(width: 1280, height: 960, minimumShortSide: nil) == 1)
    }

    /// DCT scaling gives what libjpeg's own 1/8 decode gives: ceil(size / 8).
    @Test func jpegDCTScaledDecode() throws {
        guard Corpus.root != nil else { return }
        let bytes = try Corpus.bytes("pdq/data/bridge-mods/aaa-orig.jpg")
        let full = try ImageDecoder.decode(bytes)
        let eighth = try ImageDecoder.decode(bytes, options: DecodeOptions(minimumShortSide: 100, grayscale: true))
        #expect((full.width, full.height) == (1600, 1004))
        #expect((eighth.width, eighth.height) == (200, 126))
        #expect(eighth.channels == 1)
        #expect((eighth.storedWidth, eighth.storedHeight) == (1600, 1004))
    }
}

@Suite struct UnsupportedFeatureTests {
    /// An animated WebP is a valid file whose frames are not decoded: said so, not "corrupt".
    @Test func anAnimatedWebPIsNotCorrupt() throws {
        // RIFF/WEBP with a VP8X header whose animation flag is set, a 64×48 canvas, and its ANIM chunk.
        var bytes: [UInt8] = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBP".utf8)
        bytes += Array("VP8X".utf8) + [10, 0, 0, 0] + [0x02, 0, 0, 0] + [63, 0, 0] + [47, 0, 0]
        bytes += Array("ANIM".utf8) + [6, 0, 0, 0] + [0, 0, 0, 0, 0, 0]
        let size = UInt32(bytes.count - 8)
        bytes[4] = UInt8(size & 0xFF); bytes[5] = UInt8(size >> 8 & 0xFF)
        #expect {
            try ImageDecoder.decode(bytes)
        } throws: { error in
            guard case DecodeError.unsupportedFeature(format: .webp, _) = error else { return false }
            return "\(error)".contains("not corrupt")
        }
    }
}

/// TIFF pixels come from libtiff; ImageMagick (which reads TIFF through libtiff too, but
/// composites and converts on its own) is the reference.
@Suite struct TIFFDecodeTests {
    static let convert = ["/usr/local/bin/convert", "/usr/bin/convert"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs ImageMagick's convert with `arguments`; false when it is not installed.
    static func magick(_ arguments: [String]) throws -> Bool {
        guard let convert else {
            print("skipping: ImageMagick convert not installed")
            return false
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: convert)
        process.arguments = arguments
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "convert \(arguments)")
        return true
    }

    static func scratch(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("imprint-tiff-\(UUID().uuidString)-\(name)")
    }

    /// The corpus's LZW RGBA TIFFs decode to the pixels ImageMagick makes of them on white.
    @Test func corpusTIFFsDecodeToImageMagicksPixels() throws {
        guard let root = Corpus.root else { return }
        let files = Corpus.files(under: root.appendingPathComponent("exif/tiff"), extensions: ["tif", "tiff"])
        #expect(files.count >= 5)
        for file in files {
            let png = Self.scratch("reference.png")
            defer { try? FileManager.default.removeItem(at: png) }
            guard try Self.magick([file.path, "-background", "white", "-alpha", "remove", "-alpha", "off", "PNG24:" + png.path]) else { return }
            let tiff = try ImageDecoder.decode([UInt8](Data(contentsOf: file)))
            let reference = try ImageDecoder.decode([UInt8](Data(contentsOf: png)))
            #expect(tiff.format == .tiff && tiff.isClean, "\(file.lastPathComponent): \(tiff.warnings)")
            try #require((tiff.width, tiff.height, tiff.channels) == (reference.width, reference.height, reference.channels))
            let worst = zip(tiff.pixels, reference.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
            #expect(worst <= 1, "\(file.lastPathComponent): a pixel differs by \(worst)")
        }
    }

    /// Rows come in the stored order whatever the Orientation tag says (the caller applies it,
    /// as it applies EXIF's to the other formats); 16-bit and tiled files decode too.
    @Test func storedOrderSixteenBitAndTiles() throws {
        let plain = Self.scratch("plain.tif"), turned = Self.scratch("turned.tif"), deep = Self.scratch("deep.tif"), tiled = Self.scratch("tiled.tif")
        defer { for file in [plain, turned, deep, tiled] { try? FileManager.default.removeItem(at: file) } }
        guard try Self.magick(["rose:", "-compress", "none", plain.path]) else { return }
        _ = try Self.magick(["rose:", "-orient", "RightTop", "-compress", "lzw", turned.path])
        _ = try Self.magick(["rose:", "-depth", "16", "-compress", "zip", deep.path])
        _ = try Self.magick(["rose:", "-define", "tiff:tile-geometry=16x16", "-compress", "lzw", tiled.path])
        let reference = try ImageDecoder.decode([UInt8](Data(contentsOf: plain)))
        #expect((reference.width, reference.height) == (70, 46))
        for file in [turned, deep, tiled] {
            let image = try ImageDecoder.decode([UInt8](Data(contentsOf: file)))
            #expect(image.pixels == reference.pixels, "\(file.lastPathComponent)")
        }
    }

    /// A cut TIFF is refused with libtiff's reason, not a crash and nothing on stderr's behalf.
    @Test func aTruncatedTIFFIsCorrupt() throws {
        let file = Self.scratch("cut.tif")
        defer { try? FileManager.default.removeItem(at: file) }
        guard try Self.magick(["rose:", "-compress", "none", file.path]) else { return }
        let bytes = try [UInt8](Data(contentsOf: file))
        #expect {
            _ = try ImageDecoder.decode(Array(bytes.prefix(bytes.count / 3)))
        } throws: { error in
            guard case DecodeError.corrupt(format: .tiff, _) = error else { return false }
            return true
        }
    }
}

/// A file in a format Imprint does not read is named, so the user knows what to convert.
@Suite struct OtherFormatTests {
    @Test(arguments: [
        ([0x00, 0x00, 0x00, 0x18] + Array("ftypheic".utf8), "HEIC"),
        ([0x00, 0x00, 0x00, 0x1C] + Array("ftypavif".utf8), "AVIF"),
        (Array("GIF89a".utf8) + [1, 0, 1, 0], "GIF"),
        (Array("<!DOCTYPE html>".utf8), "HTML"),
        ([0xEF, 0xBB, 0xBF] + Array("\r\n <html>".utf8), "HTML"),
        (Array("  {\"error\": 404}".utf8), "JSON"),
        ([0x49, 0x49, 0x2B, 0x00, 0x08, 0x00, 0x00, 0x00], "BigTIFF"),
    ] as [([UInt8], String)])
    func otherFormatsAreNamed(bytes: [UInt8], name: String) {
        #expect(ImageFormat(sniffing: bytes) == nil)
        #expect(ImageFormat.otherFormatName(sniffing: bytes)?.contains(name) == true)
        #expect("\(DecodeError.unsupportedFormat(magic: bytes))".contains(name))
    }

    /// Bytes that say nothing get the plain message.
    @Test func unknownBytesAreNotGuessed() {
        #expect(ImageFormat.otherFormatName(sniffing: [0x12, 0x34, 0x56, 0x78, 0x9A]) == nil)
        // A "<" after binary bytes is binary data, not a page (CLI probe round 9).
        #expect(ImageFormat.otherFormatName(sniffing: [0xB5, 0x3C, 0x68, 0x74, 0x6D, 0x6C]) == nil)
        #expect(ImageFormat.otherFormatName(sniffing: [0x00, 0x00, 0x00, 0x3C, 0x21]) == nil)
    }
}
