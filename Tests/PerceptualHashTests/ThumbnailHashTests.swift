import Foundation
import ImageDecoding
import Testing
@testable import PerceptualHash

/// Thumbnail hashing on thumbnails made here as cameras make them (shrunk, letterboxed, stored
/// in sensor orientation), on the sample's real thumbnail and on the corpus's camera files.
@Suite struct ThumbnailHashTests {
    /// A grey "photo" of smooth shapes; `seed` picks which, so that two seeds are two pictures.
    static func photo(width: Int, height: Int, seed: Int = 1) -> DecodedImage {
        var pixels = [UInt8](repeating: 0, count: width * height)
        let s = Double(seed)
        for y in 0..<height {
            for x in 0..<width {
                let u = Double(x) / Double(width), v = Double(y) / Double(height)
                let shapes = 60 * sin(6.3 * u * (1 + s / 3) + s) * cos(4.1 * v * (1 + s / 5) - s)
                    + 40 * sin(9.7 * (u + v) / (1 + s / 7) + 2 * s) + 25 * cos(3.1 * u - 7.3 * v * s)
                pixels[y * width + x] = UInt8(max(0, min(255, Int(128 + shapes))))
            }
        }
        return DecodedImage(width: width, height: height, channels: 1, pixels: pixels, format: .jpeg)
    }

    /// `image` shrunk to `width`×`height` by averaging (as a camera's scaler does).
    static func shrink(_ image: DecodedImage, to width: Int, _ height: Int) -> DecodedImage {
        var pixels = [UInt8](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let x0 = x * image.width / width, x1 = max(x0 + 1, (x + 1) * image.width / width)
                let y0 = y * image.height / height, y1 = max(y0 + 1, (y + 1) * image.height / height)
                var sum = 0
                for sy in y0..<y1 { for sx in x0..<x1 { sum += Int(image.pixels[sy * image.width + sx]) } }
                pixels[y * width + x] = UInt8(sum / ((x1 - x0) * (y1 - y0)))
            }
        }
        return DecodedImage(width: width, height: height, channels: 1, pixels: pixels, format: .jpeg)
    }

    /// `picture` placed at (`x`, `y`) on a `width`×`height` canvas of `bar`.
    static func letterbox(_ picture: DecodedImage, width: Int, height: Int, x: Int, y: Int, bar: UInt8) -> DecodedImage {
        var pixels = [UInt8](repeating: bar, count: width * height)
        for row in 0..<picture.height {
            for column in 0..<picture.width { pixels[(y + row) * width + x + column] = picture.pixels[row * picture.width + column] }
        }
        return DecodedImage(width: width, height: height, channels: 1, pixels: pixels, format: .jpeg)
    }

    /// The main image's own hashes, as `imprint ingest` stores them (`pdq`, `phash`).
    static func mainHashes(_ image: DecodedImage) -> ImageHashes {
        HashPipeline(HashRequest(algorithms: [.pdq, .phash])).hashes(of: image)
    }

    static func distances(_ thumbnail: ThumbnailHash, _ main: ImageHashes) throws -> (phash: Int, pdq: Int) {
        (thumbnail.phash.distance(to: try #require(main.phash)), thumbnail.pdq.distance(to: try #require(main.pdq)))
    }

    /// A 3:2 and a 16:9 picture in a 4:3 thumbnail, a 2:3 one in a landscape thumbnail (bars left
    /// and right), black and white bars, and an odd number of bar lines given to either side.
    @Test(arguments: [
        (600, 400, 160, 107, UInt8(0), 6), (600, 400, 160, 107, UInt8(0), 7), (640, 360, 160, 90, UInt8(255), 15),
        (400, 600, 80, 120, UInt8(0), 40),
    ])
    func letterboxBarsAreTrimmed(mainWidth: Int, mainHeight: Int, pictureWidth: Int, pictureHeight: Int, bar: UInt8, offset: Int) throws {
        let main = Self.photo(width: mainWidth, height: mainHeight)
        let picture = Self.shrink(main, to: pictureWidth, pictureHeight)
        let wide = pictureWidth == 160
        let thumbnail = Self.letterbox(picture, width: 160, height: 120, x: wide ? 0 : offset, y: wide ? offset : 0, bar: bar)
        let hash = ThumbnailHash(thumbnail: thumbnail, orientation: 1, mainWidth: mainWidth, mainHeight: mainHeight)
        #expect(hash.trimmedBars)
        #expect(hash.picture == ContentRegion(x: wide ? 0 : offset, y: wide ? offset : 0, width: picture.width, height: picture.height))
        let near = try Self.distances(hash, Self.mainHashes(main))
        #expect(near.phash <= 4 && near.pdq <= 32, "\(near)")
        // The bars kept (aspect ratio taken as the thumbnail's own): the hashes move away.
        let untrimmed = ThumbnailHash(thumbnail: thumbnail, orientation: 1, mainWidth: 160, mainHeight: 120)
        #expect(!untrimmed.trimmedBars)
        let far = try Self.distances(untrimmed, Self.mainHashes(main))
        #expect(far.phash > near.phash && far.pdq > near.pdq, "\(far) vs \(near)")
    }

    /// Without the main image's size, bars are still found when they are equal on both sides.
    @Test func symmetricBarsAreFoundWithoutTheMainImagesSize() {
        let picture = Self.shrink(Self.photo(width: 640, height: 360), to: 160, 90)
        let thumbnail = Self.letterbox(picture, width: 160, height: 120, x: 0, y: 15, bar: 0)
        let hash = ThumbnailHash(thumbnail: thumbnail, orientation: 1, mainWidth: nil, mainHeight: nil)
        #expect(hash.picture == ContentRegion(x: 0, y: 15, width: 160, height: 90))
    }

    /// A thumbnail that fills its frame with picture has no bars to trim, whatever the aspect.
    @Test func aFullThumbnailKeepsEveryLine() {
        let thumbnail = Self.shrink(Self.photo(width: 600, height: 400), to: 160, 120)
        #expect(ThumbnailHash.pictureRegion(in: thumbnail, mainWidth: 600, mainHeight: 400) == nil)
        #expect(ThumbnailHash.pictureRegion(in: thumbnail, mainWidth: 640, mainHeight: 480) == nil)
    }

    /// The thumbnail is stored turned, like the main image: the main image's orientation applied
    /// to it gives the upright picture the main image's hashes are of.
    @Test(arguments: [(6, 8), (8, 6), (3, 3)])
    func orientationIsApplied(orientation: Int, inverse: Int) throws {
        let upright = Self.photo(width: 320, height: 240, seed: 2)
        let stored = upright.oriented(inverse)
        try #require(stored.oriented(orientation) == upright)
        let thumbnail = Self.shrink(stored, to: stored.width / 2, stored.height / 2)
        let main = Self.mainHashes(upright)
        let hash = ThumbnailHash(thumbnail: thumbnail, orientation: orientation, mainWidth: stored.width, mainHeight: stored.height)
        #expect((hash.width, hash.height) == (160, 120))
        let near = try Self.distances(hash, main)
        #expect(near.phash <= 4 && near.pdq <= 32, "\(near)")
        let unturned = ThumbnailHash(thumbnail: thumbnail, orientation: 1, mainWidth: stored.width, mainHeight: stored.height)
        let far = try Self.distances(unturned, main)
        #expect(far.phash > ThumbnailHash.phashThreshold && far.pdq > ThumbnailHash.pdqThreshold, "\(far)")
    }

    /// A thumbnail of another picture (an editor replaced the pixels, kept the EXIF) is far
    /// from the main image by both hashes, while the same picture is near.
    @Test func anUnrelatedThumbnailIsFarAndTheSamePictureNear() throws {
        let main = Self.photo(width: 640, height: 480, seed: 1)
        let other = Self.photo(width: 640, height: 480, seed: 4)
        let hashes = Self.mainHashes(main)
        let same = try Self.distances(ThumbnailHash(thumbnail: Self.shrink(main, to: 160, 120), orientation: 1, mainWidth: 640, mainHeight: 480), hashes)
        let unrelated = try Self.distances(ThumbnailHash(thumbnail: Self.shrink(other, to: 160, 120), orientation: 1, mainWidth: 640, mainHeight: 480), hashes)
        #expect(ThumbnailHash.showsDifferentPicture(phashDistance: same.phash, pdqDistance: same.pdq) == false, "\(same)")
        #expect(ThumbnailHash.showsDifferentPicture(phashDistance: unrelated.phash, pdqDistance: unrelated.pdq) == true, "\(unrelated)")
        #expect(unrelated.pdq > ThumbnailHash.pdqThreshold, "\(unrelated)")
    }

    /// A camera that fills a 4:3 thumbnail from a 3:2 picture crops its sides: the main image's
    /// centre at 4:3 is what to compare with, and it is near.
    @Test func aThumbnailFilledByCroppingIsComparedWithTheCentre() throws {
        let main = Self.photo(width: 600, height: 400, seed: 3)
        let centre = ContentRegion(x: 33, y: 0, width: 533, height: 400)
        let thumbnail = Self.shrink(centre.crop(main), to: 160, 120)
        let hash = ThumbnailHash(thumbnail: thumbnail, orientation: 1, mainWidth: 600, mainHeight: 400)
        #expect(!hash.trimmedBars)
        #expect(hash.filledFrame(mainWidth: 600, mainHeight: 400) == centre)
        let framed = try #require(hash.mainHashesInFilledFrame(of: main, algorithms: [.pdq, .phash]))
        let whole = try Self.distances(hash, Self.mainHashes(main))
        let inFrame = try Self.distances(hash, framed)
        #expect(inFrame.phash <= 4 && inFrame.phash < whole.phash && inFrame.pdq < whole.pdq, "\(inFrame) vs \(whole)")
        // Same aspect ratio: the whole picture is the frame.
        #expect(hash.filledFrame(mainWidth: 640, mainHeight: 480) == nil)
        #expect(hash.mainHashesInFilledFrame(of: Self.photo(width: 640, height: 480), algorithms: [.pdq]) == nil)
    }

    /// The sample's real camera-style thumbnail (160×120 JPEG of the same picture) is near.
    @Test func theSampleThumbnailIsNearItsPicture() throws {
        let file = try Self.sample("mosul-runway.jpg")
        let thumbnail = try #require(Self.embeddedThumbnail(in: file))
        let hash = try ThumbnailHash(thumbnail: thumbnail, orientation: 1, mainWidth: 1024, mainHeight: 768)
        #expect((hash.width, hash.height) == (160, 120))
        let main = try HashPipeline(HashRequest(algorithms: [.pdq, .phash])).hash(bytes: file, orientation: 1)
        let near = try Self.distances(hash, main)
        #expect(ThumbnailHash.showsDifferentPicture(phashDistance: near.phash, pdqDistance: near.pdq) == false, "\(near)")
        #expect(near.pdq <= ThumbnailHash.pdqThreshold, "\(near)")
        // Against another sample's picture it is far.
        let other = try HashPipeline(HashRequest(algorithms: [.pdq, .phash])).hash(bytes: Self.sample("river-palms.jpg"))
        let far = try Self.distances(hash, other)
        #expect(ThumbnailHash.showsDifferentPicture(phashDistance: far.phash, pdqDistance: far.pdq) == true, "\(far)")
    }

    /// A broken thumbnail throws instead of hashing grey padding; so does one that is too big.
    @Test(arguments: ["truncated", "garbage", "empty"])
    func aBrokenThumbnailThrows(damage: String) throws {
        let thumbnail = try #require(Self.embeddedThumbnail(in: Self.sample("mosul-runway.jpg")))
        let bytes: [UInt8] = switch damage {
        case "truncated": Array(thumbnail.prefix(thumbnail.count / 2))
        case "garbage": [0xFF, 0xD8, 0xFF, 0xDB] + [UInt8](repeating: 0x41, count: 200)
        default: []
        }
        #expect(throws: DecodeError.self) { try ThumbnailHash(thumbnail: bytes, orientation: 1, mainWidth: 1024, mainHeight: 768) }
    }

    /// Camera files of the corpus: letterboxed (45-gps_ifd, 16:9 in 160×120), stored turned
    /// (exif-rotn-6, canon_hdr_NO with orientation 6) and plain ones stay near their picture.
    @Test(arguments: [
        "exif/jpg/tests/45-gps_ifd.jpg", "exif/jpg/hdr/canon_hdr_NO.jpg", "pdq/data/reg-test-input/exif-rotn/exif-rotn-6.jpg",
        "pdq/data/reg-test-input/exif-rotn/exif-rotn-3.jpg", "exif/jpg/gps/DSCN0010.jpg", "exif/jpg/Nikon_D70.jpg",
    ])
    func cameraThumbnailsInTheCorpusAreNear(path: String) throws {
        guard Corpus.root != nil else { return }
        let file = try Corpus.bytes(path)
        let thumbnail = try #require(Self.embeddedThumbnail(in: file))
        let orientation = try #require(Self.orientation(in: file))
        let header = try ImageDecoder.header(of: file)
        let hash = try ThumbnailHash(thumbnail: thumbnail, orientation: orientation, mainWidth: header.width, mainHeight: header.height)
        let main = try HashPipeline(HashRequest(algorithms: [.pdq, .phash])).hash(bytes: file, orientation: orientation)
        let near = try Self.distances(hash, main)
        #expect(ThumbnailHash.showsDifferentPicture(phashDistance: near.phash, pdqDistance: near.pdq) == false, "\(path): \(near)")
        if path.hasSuffix("45-gps_ifd.jpg") { #expect(hash.trimmedBars) }
    }

    // MARK: Fixtures

    static func sample(_ name: String) throws -> [UInt8] {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try [UInt8](Data(contentsOf: repository.appendingPathComponent("samples").appendingPathComponent(name)))
    }

    /// The JPEG inside a JPEG's EXIF segment (IFD1 points at it; it is the segment's only SOI),
    /// up to the segment's end, so that these tests need no EXIF reader.
    static func embeddedThumbnail(in file: [UInt8]) -> [UInt8]? {
        guard let segment = exifSegment(in: file) else { return nil }
        guard let start = (segment.lowerBound..<(segment.upperBound - 2)).first(where: {
            file[$0] == 0xFF && file[$0 + 1] == 0xD8 && file[$0 + 2] == 0xFF
        }) else { return nil }
        return Array(file[start..<segment.upperBound])
    }

    /// EXIF Orientation from IFD0 of a JPEG's EXIF segment, 1 when absent.
    static func orientation(in file: [UInt8]) -> Int? {
        guard let segment = exifSegment(in: file) else { return nil }
        let tiff = segment.lowerBound + 6
        let little = file[tiff] == 0x49
        func read(_ offset: Int, _ count: Int) -> Int {
            (0..<count).reduce(0) { value, k in value | Int(file[tiff + offset + k]) << (8 * (little ? k : count - 1 - k)) }
        }
        let ifd0 = read(4, 4)
        for entry in 0..<read(ifd0, 2) where read(ifd0 + 2 + entry * 12, 2) == 0x0112 {
            return read(ifd0 + 2 + entry * 12 + 8, 2)
        }
        return 1
    }

    /// The bytes of the APP1 `Exif` segment after its length field.
    static func exifSegment(in file: [UInt8]) -> Range<Int>? {
        var offset = 2
        while offset + 4 <= file.count, file[offset] == 0xFF {
            let marker = file[offset + 1], length = Int(file[offset + 2]) << 8 | Int(file[offset + 3])
            let body = (offset + 4)..<min(file.count, offset + 2 + length)
            if marker == 0xE1, Array(file[body.prefix(6)]) == Array("Exif\0\0".utf8) { return body }
            if marker == 0xDA { return nil }
            offset += 2 + length
        }
        return nil
    }
}
