import Foundation
import Testing
@testable import ImageDecoding

@Suite struct ImageDecoderTests {
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "webp"]

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
