import Foundation
@testable import ImageMetadata
import Testing

/// The EXIF resource limits and the MakerNote fence, on blocks built in the test.
@Suite struct ExifStructureGuardTests {
    /// One IFD entry, big-endian.
    struct Entry {
        var tag: UInt16, type: UInt16, count: UInt32, field: UInt32
        var bytes: [UInt8] {
            [UInt8(tag >> 8), UInt8(tag & 0xFF), UInt8(type >> 8), UInt8(type & 0xFF)]
                + PNGBuilder.be32(count) + PNGBuilder.be32(field)
        }
    }

    /// A big-endian TIFF block: header, then each IFD in order (IFD n at the offset the
    /// caller computed), then `tail` bytes.
    static func block(_ ifds: [[Entry]], next: UInt32 = 0, tail: [UInt8] = []) -> [UInt8] {
        var out: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8]
        for (index, entries) in ifds.enumerated() {
            out += [UInt8(entries.count >> 8), UInt8(entries.count & 0xFF)]
            for entry in entries { out += entry.bytes }
            out += PNGBuilder.be32(index == 0 ? next : 0)
        }
        return out + tail
    }

    static func ifdSize(_ entries: Int) -> UInt32 { UInt32(2 + 12 * entries + 4) }

    /// IFD0 { Make "Canon", ExifIFD → IFD at 8 + size(IFD0) } and ExifIFD { MakerNote }: libexif
    /// identifies a Canon MakerNote by Make alone.
    static func canonBlock() -> [UInt8] {
        let exifIFD = 8 + ifdSize(2)
        let tailStart = exifIFD + ifdSize(1)
        let make = Array("Canon".utf8) + [0, 0, 0]  // 8 bytes at tailStart
        // A one-entry Canon MakerNote IFD: tag 1 (CameraSettings), SHORT ×1, value 0.
        let makerNote: [UInt8] = [0, 1, 0, 1, 0, 3, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0]
        return block([
            [Entry(tag: 0x010F, type: 2, count: 6, field: tailStart),
             Entry(tag: 0x8769, type: 4, count: 1, field: exifIFD)],
            [Entry(tag: 0x927C, type: 7, count: UInt32(makerNote.count), field: tailStart + 8)],
        ], tail: make + makerNote)
    }

    @Test func libexifInterpretsAMakerNoteLeftInPlace() throws {
        // The control: without the guard, libexif parses the MakerNote.
        let handle = try #require(ExifDataHandle())
        let parsed = handle.load(Array("Exif\0\0".utf8) + Self.canonBlock())
        #expect(parsed.makerNoteInterpreted)
        #expect(parsed.entries.contains { $0.tag == 0x927C })
    }

    @Test func guardKeepsMakerNotesAwayFromLibexif() throws {
        var block = Self.canonBlock()
        let summary = try ExifStructureGuard.sanitize(&block)
        #expect(summary.makerNotes == 1)
        let handle = try #require(ExifDataHandle())
        let parsed = handle.load(Array("Exif\0\0".utf8) + block)
        #expect(!parsed.makerNoteInterpreted)
        #expect(!parsed.entries.contains { $0.tag == 0x927C })
        // Every other tag is still read.
        let make = try #require(parsed.entries.first { $0.tag == 0x010F })
        #expect(make.data.starts(with: Array("Canon".utf8)))
        // And the reader's path goes through the guard.
        let result = ExifBlockReader.read(Self.canonBlock()[...], fileOffset: 0, isTIFFFile: false)
        #expect(result.tags.contains { $0.group == "IFD0" && $0.name == "Make" && $0.value == .string("Canon") })
        #expect(!result.warnings.contains { $0.hasPrefix("EXIF not read") })
    }

    /// The evidence for keeping MakerNotes out: over every corpus JPEG, libexif interprets
    /// MakerNotes when they are left in place, never once the guard has run, and every entry
    /// other than the MakerNote itself (which Imprint does not report) is loaded identically.
    @Test func corpusMakerNotesAreNeededForNoReportedEntry() throws {
        guard let corpus = CorpusLocation.available() else { return }
        var interpretedUnguarded = 0
        var withEXIF = 0
        for file in CorpusLocation.images(under: corpus.appendingPathComponent("exif/jpg")) {
            let bytes = try CorpusLocation.bytes(file)
            guard let contents = try? ContainerContents.scan(bytes, format: .jpeg), let exif = contents.exif else { continue }
            withEXIF += 1
            let raw = Array(exif)
            var guarded = raw
            guard (try? ExifStructureGuard.sanitize(&guarded)) != nil else { continue }
            let before = try #require(ExifDataHandle()).load(Array("Exif\0\0".utf8) + raw)
            let after = try #require(ExifDataHandle()).load(Array("Exif\0\0".utf8) + guarded)
            if before.makerNoteInterpreted { interpretedUnguarded += 1 }
            #expect(!after.makerNoteInterpreted, "\(file.lastPathComponent)")
            let keep = { (entry: RawExifEntry) in "\(entry.directory) \(entry.tag) \(entry.format) \(entry.data)" }
            #expect(before.entries.filter { $0.tag != 0x927C }.map(keep) == after.entries.map(keep), "\(file.lastPathComponent)")
        }
        print("corpus exif/jpg: \(withEXIF) files with EXIF, libexif interprets the MakerNote of \(interpretedUnguarded) unguarded, 0 guarded")
        #expect(interpretedUnguarded > 0)
    }

    @Test func tooManyIFDs() {
        // IFD0 points at ExifIFD and GPS: three IFDs.
        let exifIFD = 8 + Self.ifdSize(2)
        let gpsIFD = exifIFD + Self.ifdSize(0)
        var block = Self.block([
            [Entry(tag: 0x8769, type: 4, count: 1, field: exifIFD), Entry(tag: 0x8825, type: 4, count: 1, field: gpsIFD)],
            [], [],
        ])
        var limits = ExifStructureGuard.Limits()
        limits.maxIFDs = 2
        #expect(throws: ExifStructureGuard.Violation.tooManyIFDs(limit: 2)) {
            try ExifStructureGuard.sanitize(&block, limits: limits)
        }
        limits.maxIFDs = 3
        #expect(throws: Never.self) { try ExifStructureGuard.sanitize(&block, limits: limits) }
    }

    @Test func subIFDNestingDeeperThanTheLimit() {
        // IFD0 → IFD → IFD → … six levels, each through an ExifIFD pointer.
        let levels = 6
        var ifds: [[Entry]] = []
        var offset: UInt32 = 8
        for level in 0..<levels {
            let nextOffset = offset + Self.ifdSize(1)
            ifds.append(level == levels - 1 ? [Entry(tag: 0x0112, type: 3, count: 1, field: 0x0001_0000)]
                                            : [Entry(tag: 0x8769, type: 4, count: 1, field: nextOffset)])
            offset = nextOffset
        }
        var block = Self.block(ifds)
        #expect(throws: ExifStructureGuard.Violation.tooDeep(limit: 4)) { try ExifStructureGuard.sanitize(&block) }
        let result = ExifBlockReader.read(Self.block(ifds)[...], fileOffset: 0, isTIFFFile: false)
        #expect(result.warnings == ["EXIF not read: sub-IFD pointers nested deeper than 4"])
        #expect(result.tags.isEmpty)
    }

    /// An InteropIFD pointer back to IFD0: IFD0's tags are not read a second time as the
    /// InteropIFD's, and the warning is exiftool's.
    @Test func aSubIFDPointerBackToIFD0IsRefused() {
        let exifIFD = 8 + Self.ifdSize(3)
        let block = Self.block([
            [Entry(tag: 0x010F, type: 2, count: 4, field: 0x5355_4200),  // Make "SUB"
             Entry(tag: 0x0112, type: 3, count: 1, field: 0x0001_0000),  // Orientation 1
             Entry(tag: 0x8769, type: 4, count: 1, field: exifIFD)],
            [Entry(tag: 0x9000, type: 7, count: 4, field: 0x3032_3330),  // ExifVersion "0230"
             Entry(tag: 0xA005, type: 4, count: 1, field: 8)],            // InteropIFD → IFD0
        ])
        let result = ExifBlockReader.read(block[...], fileOffset: 0, isTIFFFile: false)
        #expect(result.tags.contains { $0.group == "IFD0" && $0.name == "Make" })
        #expect(!result.tags.contains { $0.group == "InteropIFD" })
        #expect(result.warnings == ["EXIF: InteropIFD pointer references previous IFD0 directory"])
    }

    /// A text entry of no bytes (an empty Copyright) is shown as "", as exiftool shows it;
    /// libexif alone would drop it.
    @Test func anEmptyTextEntryIsShownEmpty() {
        let block = Self.block([[Entry(tag: 0x010F, type: 2, count: 4, field: 0x5355_4200),  // Make "SUB"
                                 Entry(tag: 0x8298, type: 2, count: 0, field: 0)]])           // Copyright, 0 bytes
        let result = ExifBlockReader.read(block[...], fileOffset: 0, isTIFFFile: false)
        #expect(result.tags.contains(MetadataTag(group: "IFD0", name: "Copyright", value: .string(""))))
    }

    @Test func tooManyEntries() {
        let entries = (0..<9_000).map { Entry(tag: UInt16(0x1000 + $0 % 0x4000), type: 3, count: 1, field: 0) }
        var block = Self.block([entries])
        #expect(throws: ExifStructureGuard.Violation.tooManyEntries(limit: 8_192)) { try ExifStructureGuard.sanitize(&block) }
    }

    @Test func declaredEntryCountIsCutToTheBlock() throws {
        // bad/exif_ifd0_entry_count_65535.jpg's shape: 65535 declared, one present.
        var block: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, 0xFF, 0xFF]
            + Entry(tag: 0x0112, type: 3, count: 1, field: 0x0006_0000).bytes
        let summary = try ExifStructureGuard.sanitize(&block)
        #expect(summary.entries == 1 && summary.ifds == 1)
    }

    /// 5,000 ASCII entries all pointing at the same 40,000 bytes: a 100 KiB block that would
    /// make libexif allocate and copy 200 MB.
    static func overlappingValuesBlock() -> [UInt8] {
        let entries = 5_000
        let valueOffset = 8 + ifdSize(entries)
        return block([(0..<entries).map { _ in Entry(tag: 0x010F, type: 2, count: 40_000, field: valueOffset) }],
                     tail: [UInt8](repeating: 0x41, count: 40_000))
    }

    @Test func overlappingValuesExceedTheByteBudget() {
        var block = Self.overlappingValuesBlock()
        #expect(throws: ExifStructureGuard.Violation.tooManyValueBytes(limit: 1 << 20)) {
            try ExifStructureGuard.sanitize(&block)
        }
    }

    @Test func blockLargerThanTheLimit() {
        var block = Self.block([[]], tail: [UInt8](repeating: 0, count: 100))
        var limits = ExifStructureGuard.Limits()
        limits.maxBlockBytes = 64
        #expect(throws: ExifStructureGuard.Violation.blockTooLarge(bytes: block.count, limit: 64)) {
            try ExifStructureGuard.sanitize(&block, limits: limits)
        }
    }

    @Test func pngWithAmplifyingEXIfStillReadsTheRest() throws {
        let png = PNGBuilder.png(width: 4, height: 2, extraChunks: [PNGBuilder.chunk("eXIf", Self.overlappingValuesBlock())])
        let metadata = try MetadataReader.read(png)
        #expect(metadata.imageWidth == 4 && metadata.imageHeight == 2)
        #expect(metadata.warnings.contains("EXIF not read: entry values exceed 1048576 bytes"), "\(metadata.warnings)")
        #expect(!metadata.tags.contains { $0.group == "IFD0" })
        #expect(metadata.sha256.count == 64)
    }
}

/// exiftool's reading conventions that the corpus does not exercise, on a TIFF built here.
@Suite struct ExiftoolConventionTests {
    typealias Entry = ExifStructureGuardTests.Entry

    /// IFD0 { Make "Canon    ", XResolution 1/3, YResolution 5/0, GPSInfo } and a GPS IFD
    /// { GPSLatitudeRef "S", GPSLatitude 33/1 52/1 12/1 }.
    static func southernCanon() -> [UInt8] {
        let gps = 8 + ExifStructureGuardTests.ifdSize(4)
        let tail = gps + ExifStructureGuardTests.ifdSize(2)
        let make = Array("Canon    ".utf8) + [0]
        let rationals: [UInt32] = [1, 3, 5, 0, 33, 1, 52, 1, 12, 1]
        return ExifStructureGuardTests.block([
            [Entry(tag: 0x010F, type: 2, count: UInt32(make.count), field: tail),
             Entry(tag: 0x011A, type: 5, count: 1, field: tail + 10),
             Entry(tag: 0x011B, type: 5, count: 1, field: tail + 18),
             Entry(tag: 0x8825, type: 4, count: 1, field: gps)],
            [Entry(tag: 0x0001, type: 2, count: 2, field: 0x5300_0000),
             Entry(tag: 0x0002, type: 5, count: 3, field: tail + 26)],
        ], tail: make + rationals.flatMap(PNGBuilder.be32))
    }

    @Test func paddedTextTenDigitRationalsAndSignedCoordinatesWithoutGroups() throws {
        let metadata = try MetadataReader.read(Self.southernCanon())
        let grouped = Dictionary(metadata.keyedTags(grouped: true), uniquingKeysWith: { first, _ in first })
        #expect(grouped["IFD0:Make"] == .string("Canon"), "trailing spaces dropped, as exiftool does")
        #expect(grouped["IFD0:XResolution"] == .double(0.3333333333), "rounded to 10 significant digits")
        #expect(grouped["IFD0:YResolution"]?.exiftoolText == "inf")
        #expect(grouped["GPS:GPSLatitude"]?.numericValue.map { ($0 * 1e6).rounded() } == 33_870_000)
        let plain = Dictionary(metadata.keyedTags(grouped: false), uniquingKeysWith: { first, _ in first })
        // exiftool -j -n without -G shows the Composite, signed value.
        #expect(plain["GPSLatitude"]?.numericValue.map { ($0 * 1e6).rounded() } == -33_870_000)
    }
}

/// GPS written only in XMP (what Lightroom and Photoshop keep), as exiftool -n reads it.
@Suite struct XMPGPSTests {
    @Test func coordinatesAreSignedDecimalDegrees() {
        #expect(XMPParser.convert("33,18.912N", group: "exif", name: "GPSLatitude") == .double(33 + 18.912 / 60))
        #expect(XMPParser.convert("33,30.0S", group: "exif", name: "GPSLatitude") == .double(-33.5))
        #expect(XMPParser.convert("44,1,30W", group: "exif", name: "GPSLongitude") == .double(-(44 + 1.0 / 60 + 30.0 / 3600)))
        #expect(XMPParser.convert("33,18.912N", group: "dc", name: "Description") == .string("33,18.912N"))
    }

    @Test func compositesComeFromXMPWhenTheGPSIFDHasNone() {
        let tags = [MetadataTag(group: "XMP-exif", name: "GPSLatitude", value: .double(-33.5)),
                    MetadataTag(group: "XMP-exif", name: "GPSLongitude", value: .double(151.2)),
                    MetadataTag(group: "XMP-exif", name: "GPSAltitude", value: .double(10)),
                    MetadataTag(group: "XMP-exif", name: "GPSAltitudeRef", value: .integer(1))]
        let composite = Dictionary(GPSComposite.tags(from: tags).map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        #expect(composite["GPSPosition"] == .string("-33.5 151.2"))
        #expect(composite["GPSAltitude"] == .double(-10))
        #expect(composite["GPSLatitude"] == nil, "exiftool's Composite latitude needs the GPS IFD's reference")
    }

    @Test func aPositionWithoutReferencesIsTheStoredOne() {
        let tags = [MetadataTag(group: "GPS", name: "GPSLatitude", value: .double(12.34)),
                    MetadataTag(group: "GPS", name: "GPSLongitude", value: .double(56.78))]
        #expect(GPSComposite.tags(from: tags).first { $0.name == "GPSPosition" }?.value == .string("12.34 56.78"))
    }
}

@Suite struct XMPLanguageTests {
    @Test func eachLanguageOfALangAltIsItsOwnTag() {
        let packet = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title><rdf:Alt>
            <rdf:li xml:lang="x-default">Tabqa air base</rdf:li><rdf:li xml:lang="ar">مطار الطبقة</rdf:li>
            </rdf:Alt></dc:title></rdf:Description></rdf:RDF></x:xmpmeta>
            """
        var warnings: [String] = []
        let tags = XMPParser.tags(in: Array(packet.utf8), warnings: &warnings)
        #expect(tags.first { $0.name == "Title" }?.value == .string("Tabqa air base"))
        #expect(tags.first { $0.name == "Title-ar" }?.value == .string("مطار الطبقة"))
        #expect(warnings.isEmpty)
    }
}
