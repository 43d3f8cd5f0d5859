import Foundation
import ImageDecoding
import ImageMetadata
import Testing

/// The exiftool reference (Fixtures/exiftool-reference.json) keyed by corpus-relative path.
enum ExiftoolReference {
    static func records() throws -> [String: [String: Any]] {
        let url = try #require(Bundle.module.url(forResource: "exiftool-reference", withExtension: "json", subdirectory: "Fixtures"))
        let list = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
        var byPath: [String: [String: Any]] = [:]
        for record in list { if let path = record["SourceFile"] as? String { byPath[path] = record } }
        return byPath
    }
}

extension FileMetadata {
    /// The value under a `Group:Name` key.
    func grouped(_ key: String) -> TagValue? {
        keyedTags(grouped: true).first { $0.key == key }?.value
    }
}

@Suite struct MetadataReaderTests {
    @Test(arguments: ["exif", "photos", "pdq"])
    func everyCorpusImageReads(folder: String) throws {
        guard let corpus = CorpusLocation.available() else { return }
        let files = CorpusLocation.images(under: corpus.appendingPathComponent(folder))
        try #require(!files.isEmpty, "no images under \(folder)")
        for file in files {
            let bytes = try CorpusLocation.bytes(file)
            #expect(throws: Never.self, "\(file.lastPathComponent)") {
                let metadata = try MetadataReader.read(bytes)
                #expect(metadata.fileSize == bytes.count)
                #expect(metadata.format != nil)
            }
        }
    }

    /// A JPEG whose IFD0 size a converter left stale: without groups exiftool shows the
    /// frame's own size (File:ImageWidth, read after the APP segments).
    @Test func aJPEGsOwnSizeShowsOverAStaleIFD0Size() throws {
        guard let corpus = CorpusLocation.available() else { return }
        let metadata = try MetadataReader.read(try CorpusLocation.bytes(corpus.appendingPathComponent("exif/jpg/xmp/no_exif.jpg")))
        let plain = Dictionary(metadata.keyedTags(grouped: false), uniquingKeysWith: { first, _ in first })
        let grouped = Dictionary(metadata.keyedTags(grouped: true), uniquingKeysWith: { first, _ in first })
        // exiftool -j -n: ImageWidth 322, ImageHeight 466; with -G, EXIF:ImageWidth 4134.
        #expect(plain["ImageWidth"] == .integer(322) && plain["ImageHeight"] == .integer(466))
        #expect(grouped["IFD0:ImageWidth"] == .integer(4134))
        #expect(metadata.value(of: "ImageWidth") == .integer(322))
    }

    @Test func corpusFilesWhereLibexifComplainsStillGiveStandardTags() throws {
        guard let corpus = CorpusLocation.available() else { return }
        let reference = try ExiftoolReference.records()
        for path in ["exif/jpg/Kodak_CX7530.jpg", "exif/jpg/tests/28-hex_value.jpg", "exif/jpg/tests/33-type_error.jpg"] {
            let metadata = try MetadataReader.read(CorpusLocation.bytes(corpus.appendingPathComponent(path)))
            let expected = try #require(reference[path])
            for key in ["IFD0:Make", "IFD0:Model", "ExifIFD:DateTimeOriginal", "ExifIFD:ExposureTime"] {
                guard let want = expected[key] else { continue }
                let got = try #require(metadata.grouped(key), "\(path) \(key)")
                #expect(ExiftoolAgreementTests.agrees(want, got), "\(path) \(key): exiftool \(want), ours \(got)")
            }
        }
    }

    @Test func signedGPSDegreesMatchExiftool() throws {
        guard let corpus = CorpusLocation.available() else { return }
        let reference = try ExiftoolReference.records()
        // Southern latitude (README: Kodak_CX7530, latitude −0.37), and the western-longitude
        // files exiftool finds in the reference.
        var paths = ["exif/jpg/Kodak_CX7530.jpg"]
        paths += reference.filter { (($0.value["Composite:GPSLongitude"] as? NSNumber)?.doubleValue ?? 0) < 0 }.keys.sorted()
        try #require(paths.count >= 2, "no western-longitude file in the reference")
        for path in paths {
            let expected = try #require(reference[path])
            let metadata = try MetadataReader.read(CorpusLocation.bytes(corpus.appendingPathComponent(path)))
            for key in ["Composite:GPSLatitude", "Composite:GPSLongitude"] {
                let want = try #require((expected[key] as? NSNumber)?.doubleValue)
                let got = try #require(metadata.grouped(key)?.numericValue, "\(path) lacks \(key)")
                #expect(abs(got - want) <= 1e-9 * max(1, abs(want)), "\(path) \(key): exiftool \(want), ours \(got)")
            }
        }
        let kodak = try MetadataReader.read(CorpusLocation.bytes(corpus.appendingPathComponent("exif/jpg/Kodak_CX7530.jpg")))
        #expect((kodak.grouped("Composite:GPSLatitude")?.numericValue ?? 0) < 0)
    }

    @Test func thumbnailMatchesExiftoolLength() throws {
        guard let corpus = CorpusLocation.available() else { return }
        let reference = try ExiftoolReference.records()
        var checked = 0
        for (path, record) in reference.sorted(by: { $0.key < $1.key }) {
            guard let length = (record["IFD1:ThumbnailLength"] as? NSNumber)?.intValue, length > 0,
                  record["IFD1:ThumbnailImage"] != nil else { continue }
            let metadata = try MetadataReader.read(CorpusLocation.bytes(corpus.appendingPathComponent(path)))
            let thumbnail = try #require(metadata.thumbnail, "\(path) has no thumbnail")
            #expect(thumbnail.count == length, "\(path)")
            #expect(thumbnail.starts(with: [0xFF, 0xD8]), "\(path) thumbnail is not a JPEG")
            checked += 1
        }
        #expect(checked > 20)
    }

    @Test func orientationZeroIsReportedAsStored() throws {
        guard let corpus = CorpusLocation.available() else { return }
        // README: the PDQ modes PNGs carry Orientation 0 in an eXIf chunk.
        let folder = corpus.appendingPathComponent("pdq/data/misc-images/modes")
        let pngs = CorpusLocation.images(under: folder).filter { $0.pathExtension == "png" }
        try #require(!pngs.isEmpty)
        for png in pngs {
            let bytes = try CorpusLocation.bytes(png)
            let metadata = try MetadataReader.read(bytes)
            #expect(metadata.orientation == 0, "\(png.lastPathComponent)")
            #expect(metadata.effectiveOrientation == 1)
            #expect(MetadataReader.orientation(in: bytes) == 0)
        }
    }

    @Test(arguments: 1...8)
    func orientationMatchesFileName(value: Int) throws {
        guard let corpus = CorpusLocation.available() else { return }
        let folder = corpus.appendingPathComponent("exif/jpg/orientation")
        let files = CorpusLocation.images(under: folder).filter { $0.deletingPathExtension().lastPathComponent.hasSuffix("_\(value)") }
        try #require(!files.isEmpty)
        for file in files {
            #expect(MetadataReader.orientation(in: try CorpusLocation.bytes(file)) == value, "\(file.lastPathComponent)")
        }
    }

    @Test func xmpFromCorpusJPEG() throws {
        guard let corpus = CorpusLocation.available() else { return }
        let reference = try ExiftoolReference.records()
        for path in ["exif/jpg/xmp/BlueSquare.jpg", "exif/jpg/xmp/no_exif.jpg"] {
            let expected = try #require(reference[path])
            let metadata = try MetadataReader.read(CorpusLocation.bytes(corpus.appendingPathComponent(path)))
            let xmpKeys = expected.keys.filter { $0.hasPrefix("XMP-") }.sorted()
            try #require(!xmpKeys.isEmpty)
            for key in xmpKeys {
                let got = try #require(metadata.grouped(key), "\(path) lacks \(key)")
                #expect(ExiftoolAgreementTests.agrees(expected[key]!, got), "\(path) \(key)")
            }
        }
    }

    /// Runs a coreutils digest tool on a file and returns its hex digest.
    static func digest(_ tool: String, of file: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/" + tool)
        process.arguments = [file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return String(text.prefix { $0 != " " })
    }

    @Test func digestsMatchCoreutils() throws {
        guard let corpus = CorpusLocation.available() else { return }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/sha256sum") else {
            print("skipping: no coreutils sha256sum")
            return
        }
        for path in ["exif/jpg/Canon_40D.jpg", "photos/coins.png", "exif/tiff/Crémieux11.tiff"] {
            let file = corpus.appendingPathComponent(path)
            let metadata = try MetadataReader.read(CorpusLocation.bytes(file))
            #expect(metadata.sha256 == (try Self.digest("sha256sum", of: file)), "\(path)")
            #expect(metadata.md5 == (try Self.digest("md5sum", of: file)), "\(path)")
        }
    }
}
