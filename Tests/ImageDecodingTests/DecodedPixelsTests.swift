import Testing
@testable import ImageDecoding

/// Pixel-level checks: variants of one photo must decode to (nearly) the same samples.
@Suite struct DecodedPixelsTests {
    func decode(_ path: String, _ options: DecodeOptions = .init()) throws -> DecodedImage {
        try ImageDecoder.decode(Corpus.bytes(path), options: options)
    }

    /// Mean absolute difference per sample between two images of equal shape.
    func meanDifference(_ a: DecodedImage, _ b: DecodedImage) throws -> Double {
        try #require(a.width == b.width && a.height == b.height && a.channels == b.channels)
        var total = 0
        for i in a.pixels.indices { total += abs(Int(a.pixels[i]) - Int(b.pixels[i])) }
        return Double(total) / Double(a.pixels.count)
    }

    /// ImageMagick wrote these from the 8-bit photo, so 16-bit samples are v·257 and
    /// interlacing changes only the order of rows: the decode must be exact.
    @Test(arguments: [
        ("photos/variants/chelsea_rgb16.png", "photos/chelsea.png"),
        ("photos/variants/camera_gray16.png", "photos/camera.png"),
        ("photos/variants/camera_gray8_interlaced_adam7.png", "photos/camera.png"),
        ("photos/variants/coffee_rgb8_interlaced_adam7.png", "photos/coffee.png"),
    ])
    func losslessVariantIsExact(variant: String, original: String) throws {
        guard Corpus.root != nil else { return }
        #expect(try meanDifference(decode(variant), decode(original)) == 0)
    }

    /// Lossy or quantised variants stay close; a wrong CMYK inversion would be far off.
    @Test(arguments: [
        ("photos/variants/chelsea_palette8.png", 6.0),
        ("photos/variants/chelsea_baseline_444.jpg", 6.0),
        ("photos/variants/chelsea_progressive.jpg", 8.0),
        ("photos/variants/chelsea_cmyk.jpg", 12.0),
    ])
    func lossyVariantIsClose(variant: String, bound: Double) throws {
        guard Corpus.root != nil else { return }
        let difference = try meanDifference(decode(variant), decode("photos/chelsea.png"))
        #expect(difference < bound, "\(variant): \(difference)")
    }

    @Test func greyVariantsDecodeToOneChannel() throws {
        guard Corpus.root != nil else { return }
        for path in ["photos/variants/coffee_gray8.png", "photos/variants/coffee_gray_alpha8.png",
                     "photos/variants/text_gray1bit.png", "photos/variants/chelsea_gray_baseline.jpg"] {
            #expect(try decode(path).channels == 1, "\(path)")
        }
    }

    /// Alpha is composited onto white, so a partly transparent copy is brighter than the photo.
    @Test(arguments: ["photos/variants/chelsea_rgba8_alpha_gradient.png",
                      "photos/variants/chelsea_rgba16_alpha_gradient.png",
                      "photos/variants/chelsea_palette8_trns.png"])
    func alphaIsCompositedOntoWhite(path: String) throws {
        guard Corpus.root != nil else { return }
        let composited = try decode(path), original = try decode("photos/chelsea.png")
        #expect(composited.channels == 3)
        let mean = { (image: DecodedImage) in Double(image.pixels.reduce(0) { $0 + Int($1) }) / Double(image.pixels.count) }
        #expect(mean(composited) > mean(original))
    }

    /// With alpha discarded, an alpha ramp added to the photo decodes back to the photo itself
    /// (16-bit through its high byte), as Pillow's `convert("RGB")` gives it.
    @Test(arguments: ["photos/variants/chelsea_rgba8_alpha_gradient.png",
                      "photos/variants/chelsea_rgba16_alpha_gradient.png"])
    func discardedAlphaKeepsStoredColour(path: String) throws {
        guard Corpus.root != nil else { return }
        let dropped = try decode(path, DecodeOptions(alpha: .discard))
        #expect(try meanDifference(dropped, decode("photos/chelsea.png")) == 0)
    }

    /// The greyscale fast path takes libjpeg's Y, which is the same luma as from RGB.
    @Test func greyFastPathMatchesLumaOfRGB() throws {
        guard Corpus.root != nil else { return }
        let rgb = try decode("photos/rocket.jpg")
        let grey = try decode("photos/rocket.jpg", DecodeOptions(grayscale: true))
        #expect(grey.channels == 1 && rgb.channels == 3)
        var total = 0.0
        for i in 0..<(grey.width * grey.height) {
            let r = Double(rgb.pixels[3 * i]), g = Double(rgb.pixels[3 * i + 1]), b = Double(rgb.pixels[3 * i + 2])
            total += abs(0.299 * r + 0.587 * g + 0.114 * b - Double(grey.pixels[i]))
        }
        #expect(total / Double(grey.width * grey.height) < 2)
    }

    /// exif/jpg/orientation holds one picture stored eight ways, each tagged with the
    /// orientation that undoes it; the file name carries the tag. The files were re-encoded,
    /// so even ImageMagick's `-auto-orient` is 14 levels (mean) from `_1`; a wrong transform
    /// is over 50 away.
    @Test(arguments: ["landscape", "portrait"], 2...8)
    func orientationUndoesStoredTransform(kind: String, orientation: Int) throws {
        guard Corpus.root != nil else { return }
        let upright = try decode("exif/jpg/orientation/\(kind)_1.jpg")
        let turned = try decode("exif/jpg/orientation/\(kind)_\(orientation).jpg", DecodeOptions(orientation: orientation))
        #expect(try meanDifference(turned, upright) < 25)
    }

    @Test func orientationOfSyntheticImage() {
        // 2×1 image: red then blue. Orientation 6 (rotate 90° clockwise) makes it 1×2: red on top.
        let image = DecodedImage(width: 2, height: 1, channels: 3, pixels: [255, 0, 0, 0, 0, 255], format: .png)
        let six = image.oriented(6)
        #expect((six.width, six.height) == (1, 2))
        #expect(six.pixels == [255, 0, 0, 0, 0, 255])
        let eight = image.oriented(8)
        #expect(eight.pixels == [0, 0, 255, 255, 0, 0])
        #expect(image.oriented(2).pixels == [0, 0, 255, 255, 0, 0])
        #expect(image.oriented(0) == image)
    }
}
