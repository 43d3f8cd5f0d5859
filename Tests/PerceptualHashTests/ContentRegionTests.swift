import Foundation
import ImageDecoding
import Testing
@testable import PerceptualHash

/// Banner, frame and bar detection on images built here, and on the corpus's letterboxed photo.
@Suite struct ContentRegionTests {
    /// A grey "photo": smooth structure plus texture, so no row or column is flat.
    static func photo(width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 0, count: width * height)
        var seed: UInt32 = 12345
        for y in 0..<height {
            for x in 0..<width {
                seed = seed &* 1_103_515_245 &+ 12345
                let texture = Int(seed >> 27)  // 0...31
                let structure = 90 + 60 * sin(Double(x) / 9) * cos(Double(y) / 13)
                pixels[y * width + x] = UInt8(max(0, min(255, Int(structure) + texture)))
            }
        }
        return pixels
    }

    /// A banner of one grey level with "text" (darker blocks) over a quarter of its width.
    static func banner(width: Int, height: Int, level: UInt8) -> [UInt8] {
        var pixels = [UInt8](repeating: level, count: width * height)
        for y in height / 3..<(2 * height / 3) {
            for x in (3 * width / 8)..<(5 * width / 8) where (x / 6) % 2 == 0 { pixels[y * width + x] = 20 }
        }
        return pixels
    }

    static func image(_ pixels: [UInt8], _ width: Int, _ height: Int) -> DecodedImage {
        DecodedImage(width: width, height: height, channels: 1, pixels: pixels, format: .png)
    }

    @Test func plainPhotoHasNoRegion() {
        #expect(ContentRegion.detect(in: Self.image(Self.photo(width: 200, height: 150), 200, 150)) == nil)
    }

    @Test(arguments: [true, false])
    func captionBannerIsTrimmed(onTop: Bool) {
        let photo = Self.photo(width: 200, height: 150), strip = Self.banner(width: 200, height: 20, level: 230)
        let pixels = onTop ? strip + photo : photo + strip
        let region = ContentRegion.detect(in: Self.image(pixels, 200, 170))
        #expect(region == ContentRegion(x: 0, y: onTop ? 20 : 0, width: 200, height: 150))
    }

    /// Large caption type: the lines through the text are only about half banner colour, so the
    /// strip goes on over them and ends at its last flat line before the picture.
    @Test func bannerWithLargeTextIsTrimmed() {
        let photo = Self.photo(width: 200, height: 150)
        var strip = [UInt8](repeating: 250, count: 200 * 24)
        for y in 6..<18 { for x in 10..<190 where (x / 5) % 2 == 0 { strip[y * 200 + x] = 15 } }
        let region = ContentRegion.detect(in: Self.image(strip + photo, 200, 174))
        #expect(region == ContentRegion(x: 0, y: 24, width: 200, height: 150))
    }

    /// Bold caption type as the reduced-size decode sees it: lines through the text are a
    /// quarter banner colour, the rest the type and its blurred outline.
    @Test func bannerWithBoldBlurredTypeIsTrimmed() {
        let photo = Self.photo(width: 200, height: 150)
        var strip = [UInt8](repeating: 42, count: 200 * 40)
        for y in 14..<24 {
            for x in 8..<192 {
                switch x % 8 {
                case 0: strip[y * 200 + x] = 120  // the outline, neither banner nor type
                case 1, 2: strip[y * 200 + x] = 42
                default: strip[y * 200 + x] = 250
                }
            }
        }
        let region = ContentRegion.detect(in: Self.image(photo + strip, 200, 190))
        #expect(region == ContentRegion(x: 0, y: 0, width: 200, height: 150))
    }

    /// A photo placed on a template (a flat background with a headline block beside it) is
    /// found by its four straight edges, and the canonical regions are then the photo's.
    @Test func aPictureFramedInATemplateIsFound() throws {
        let (width, height) = (320, 200)
        var canvas = [UInt8](repeating: 10, count: width * height)
        let inner = Self.photo(width: 140, height: 100)  // 30 levels and up: it stands out
        for y in 0..<100 { for x in 0..<140 { canvas[(y + 50) * width + x + 20] = inner[y * 140 + x] } }
        for y in 60..<70 { for x in 190..<300 where x % 6 < 4 { canvas[y * width + x] = 230 } }  // a headline
        let image = Self.image(canvas, width, height)
        let region = try #require(ContentRegion.detect(in: image))
        // The flat left margin is a strip, which ends at the photo; the other edges are the
        // frame's, one line in (where a real decode blurs them).
        #expect(region == ContentRegion(x: 20, y: 51, width: 139, height: 98))
        let hashes = HashPipeline(.matching([.pdq], dihedral: false)).hashes(of: image)
        #expect(hashes.central.first?.region == CanonicalRegions.central(0.95, of: region))
    }

    /// A whole photo on a news card: a headline over a dark background, a light footer with
    /// the channel's name, the photo between with margins. The footer is a strip, then the
    /// margin above it, then the side margins, which only show as strips inside the others.
    @Test func aPhotoOnANewsCardIsFound() throws {
        let (width, height) = (270, 338)
        var card = [UInt8](repeating: 36, count: width * height)
        for y in 20..<34 { for x in 15..<200 where (x / 5) % 2 == 0 { card[y * width + x] = 240 } }  // BREAKING NEWS
        for y in 275..<height { for x in 0..<width { card[y * width + x] = 180 } }  // the footer
        for y in 295..<305 { for x in 15..<150 where (x / 4) % 2 == 0 { card[y * width + x] = 10 } }  // its channel name
        let inner = Self.photo(width: 250, height: 167)
        for y in 0..<167 { for x in 0..<250 { card[(y + 55) * width + x + 10] = inner[y * 250 + x] } }
        let region = try #require(ContentRegion.detect(in: Self.image(card, width, height)))
        #expect(region == ContentRegion(x: 10, y: 55, width: 250, height: 167))
    }

    @Test func screenshotFrameIsTrimmedOnEverySide() {
        let inner = Self.photo(width: 160, height: 120)
        var framed = [UInt8](repeating: 255, count: 200 * 160)
        for y in 0..<120 { for x in 0..<160 { framed[(y + 20) * 200 + x + 20] = inner[y * 160 + x] } }
        #expect(ContentRegion.detect(in: Self.image(framed, 200, 160)) == ContentRegion(x: 20, y: 20, width: 160, height: 120))
    }

    /// A phone screenshot: a picture near the top of a tall page, the page under it more than
    /// `maximumStrip` of the height (so no strip), with a line of text above and below it.
    /// The picture is found, and the page under it is not taken for a frame (CLI probe 12, M3).
    @Test(arguments: [25, 120]) func aPictureAtTheTopOfATallScreenshotIsFound(top: Int) throws {
        let (width, height) = (270, 480)
        let picture = Self.photo(width: 250, height: 150)
        var page = [UInt8](repeating: 250, count: width * height)
        for y in 0..<150 { for x in 0..<250 { page[(y + top) * width + x + 10] = picture[y * 250 + x] } }
        for y in [top / 2, top + 200] { for x in 10..<120 where (x / 4) % 2 == 0 { page[y * width + x] = 30; page[(y + 1) * width + x] = 30 } }
        let region = try #require(ContentRegion.detect(in: Self.image(page, width, height)))
        #expect(abs(region.x - 10) <= 2 && abs(region.y - top) <= 2 && abs(region.width - 250) <= 4 && abs(region.height - 150) <= 4, "\(region)")
    }

    /// A light-theme post screenshot: the app's bar, header and footer text on white, the photo
    /// with rounded corners, whose top and bottom edges are shorter than its sides are apart.
    @Test func photoWithRoundedCornersInALightScreenshotIsFramed() throws {
        let (width, height) = (360, 640)
        var shot = [UInt8](repeating: 255, count: width * height)
        for y in 12..<22 { for x in 40..<90 where (x / 5) % 2 == 0 { shot[y * width + x] = 30 } }  // "Post"
        for x in 0..<width { shot[34 * width + x] = 230 }  // the line under the app's bar
        for y in 50..<62 { for x in 24..<200 where (x / 5) % 2 == 0 { shot[y * width + x] = 30 } }  // the author's name
        for y in 90..<102 { for x in 24..<330 where (x / 7) % 3 != 0 { shot[y * width + x] = 20 } }  // the post's text
        let (px, py, pw, ph, radius) = (24, 130, 312, 234, 12)
        let inner = Self.photo(width: pw, height: ph)
        for y in 0..<ph {
            for x in 0..<pw {
                // Outside the quarter circles at the corners stays white.
                let cx = x < radius ? radius - x : (x >= pw - radius ? x - (pw - radius - 1) : 0)
                let cy = y < radius ? radius - y : (y >= ph - radius ? y - (ph - radius - 1) : 0)
                if cx * cx + cy * cy > radius * radius { continue }
                shot[(py + y) * width + px + x] = inner[y * pw + x]
            }
        }
        for y in 400..<410 { for x in 24..<300 where (x / 4) % 2 == 0 { shot[y * width + x] = 90 } }  // time and views
        let region = try #require(ContentRegion.detect(in: Self.image(shot, width, height)))
        #expect(abs(region.x - px) <= 2 && abs(region.y - py) <= 2, "\(region)")
        #expect(abs(region.width - pw) <= 3 && abs(region.height - ph) <= 3, "\(region)")
    }

    /// The hashes of the trimmed region are those of the photo without its banner.
    @Test func trimmedHashesEqualThePhotosOwn() throws {
        let photo = Self.photo(width: 200, height: 150)
        let request = HashRequest(algorithms: [.pdq, .phash], exact: true, trimmedRegion: true)
        let plain = HashPipeline(request).hashes(of: Self.image(photo, 200, 150))
        let bannered = HashPipeline(request).hashes(of: Self.image(Self.banner(width: 200, height: 24, level: 40) + photo, 200, 174))
        #expect(plain.trimmedRegion == nil)
        #expect(bannered.trimmedRegion != nil)
        #expect(bannered.trimmed[.pdq] == plain.pdq?.hex)
        #expect(bannered.trimmed[.phash] == plain.phash?.hex)
        #expect(bannered.pdq != plain.pdq)
    }

    /// The corpus's letterboxed bridge photo: the region inside the black bars hashes like the
    /// original photo, though the whole image is far from it.
    @Test func letterboxedPhotoMatchesTheOriginalInsideItsBars() throws {
        guard Corpus.root != nil else { return }
        let pipeline = HashPipeline(HashRequest(algorithms: [.pdq], trimmedRegion: true))
        let boxed = try pipeline.hash(bytes: Corpus.bytes("pdq/python-threatexchange-resources/letterboxed_sample-b.jpg"))
        let original = try pipeline.hash(bytes: Corpus.bytes("pdq/data/bridge-mods/aaa-orig.jpg"))
        let trimmed = try #require(boxed.trimmed[.pdq].flatMap { Hash256(hex: $0) })
        let reference = try #require(original.pdq)
        #expect(try #require(boxed.pdq).distance(to: reference) > 31)
        #expect(trimmed.distance(to: reference) <= 10)
    }
}
