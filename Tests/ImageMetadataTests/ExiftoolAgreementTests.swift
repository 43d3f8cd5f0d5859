import Foundation
import ImageMetadata
import Testing

/// Compares our grouped output with `exiftool -j -n -G1 -r` over corpus/exif
/// (Fixtures/exiftool-reference.json, made by scripts/make-exif-reference).
@Suite struct ExiftoolAgreementTests {
    struct Tally {
        var compared = 0
        var equal = 0
        var disagreements: [String] = []
        var percent: Double { compared == 0 ? 100 : 100 * Double(equal) / Double(compared) }
    }

    static let exifGroups: Set<String> = ["IFD0", "ExifIFD", "GPS", "InteropIFD", "IFD1", "IPTC"]
    static let compositeTags: Set<String> = ["Composite:GPSLatitude", "Composite:GPSLongitude", "Composite:GPSAltitude", "Composite:GPSDateTime"]

    /// Text after trimming, numbers within 1e-6 relative, lists item by item.
    static func agrees(_ expected: Any, _ actual: TagValue) -> Bool {
        if let list = expected as? [Any] {
            guard case .list(let items) = actual else {
                return list.count == 1 && agrees(list[0], actual)
            }
            return items.count == list.count && zip(list, items).allSatisfy { agrees($0, $1) }
        }
        // exiftool's JSON true/false (XMP booleans) come back from JSONSerialization as NSNumber.
        if case .boolean(let flag) = actual {
            return (expected as? NSNumber).map { $0.boolValue == flag && ["0", "1", "true", "false"].contains($0.stringValue) } ?? false
        }
        let expectedText: String
        if let number = expected as? NSNumber {
            expectedText = number.stringValue
        } else {
            expectedText = "\(expected)"
        }
        if case .list(let items) = actual, items.count == 1 { return agrees(expected, items[0]) }
        let actualText = actual.exiftoolText
        let a = expectedText.trimmingCharacters(in: .whitespacesAndNewlines)
        let b = actualText.trimmingCharacters(in: .whitespacesAndNewlines)
        if a == b { return true }
        if let x = Double(a), let y = Double(b) {
            if x == y { return true }
            return abs(x - y) <= 1e-6 * max(abs(x), abs(y))
        }
        return false
    }

    @Test func agreementWithExiftool() throws {
        guard let corpus = CorpusLocation.available() else { return }
        let referenceURL = try #require(Bundle.module.url(forResource: "exiftool-reference", withExtension: "json", subdirectory: "Fixtures"))
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: referenceURL)) as? [[String: Any]])
        #expect(reference.count >= 90)
        var exif = Tally()
        var xmp = Tally()
        var extras: [String] = []
        for record in reference {
            let path = try #require(record["SourceFile"] as? String)
            let metadata = try MetadataReader.read(CorpusLocation.bytes(corpus.appendingPathComponent(path)))
            var ours: [String: TagValue] = [:]
            for pair in metadata.keyedTags(grouped: true) { ours[pair.key] = pair.value }
            for key in ours.keys.sorted() where record[key] == nil {
                let group = String(key.prefix { $0 != ":" })
                if Self.exifGroups.contains(group) || Self.compositeTags.contains(key) || group.hasPrefix("XMP-") {
                    extras.append("\(path)\t\(key)\texiftool=<missing>\tours=\(ours[key]!.exiftoolText)")
                }
            }
            for (key, expected) in record.sorted(by: { $0.key < $1.key }) {
                let group = String(key.prefix { $0 != ":" })
                let isExif = Self.exifGroups.contains(group) || Self.compositeTags.contains(key)
                let isXMP = group.hasPrefix("XMP-")
                guard isExif || isXMP else { continue }
                let same = ours[key].map { Self.agrees(expected, $0) } ?? false
                let line = "\(path)\t\(key)\texiftool=\(expected)\tours=\(ours[key].map { $0.exiftoolText } ?? "<missing>")"
                if isExif {
                    exif.compared += 1
                    if same { exif.equal += 1 } else { exif.disagreements.append(line) }
                } else {
                    xmp.compared += 1
                    if same { xmp.equal += 1 } else { xmp.disagreements.append(line) }
                }
            }
        }
        print("EXIF agreement: \(exif.equal)/\(exif.compared) = \(String(format: "%.2f", exif.percent))%")
        print("XMP agreement: \(xmp.equal)/\(xmp.compared) = \(String(format: "%.2f", xmp.percent))%")
        print("Tags we report that exiftool does not (same groups): \(extras.count)")
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-exif-disagreements.tsv")
        try (exif.disagreements + xmp.disagreements + extras).joined(separator: "\n").write(to: report, atomically: true, encoding: .utf8)
        print("disagreements listed in \(report.path)")
        #expect(exif.percent >= 99, "EXIF agreement \(exif.percent)% is below 99%")
        #expect(xmp.percent >= 95, "XMP agreement \(xmp.percent)% is below 95%")
    }

    /// Files written with ImageMagick, exiftool, cwebp and webpmux (Fixtures/made, by
    /// scripts/make-metadata-fixtures; PNG text and profiles, JPEG segments that disagree,
    /// numbers stored as text, hand-written XMP, a GPS zero denominator, WebP, TIFF IPTC) and
    /// the corpus's PNGs, against `exiftool -j -n -G1`: every tag of every group we read.
    @Test func madeFilesAgreeWithExiftool() throws {
        let corpus = CorpusLocation.available()
        let (compared, disagreements) = try Self.compareMade("made-exiftool-reference", grouped: true, corpus: corpus) { key, _ in
            Self.isCompared(key, grouped: true)
        }
        print("made files, grouped: \(compared - disagreements.count)/\(compared) tags agree")
        for line in disagreements { print("  \(line)") }
        #expect(compared >= 600)
        #expect(disagreements.isEmpty)
    }

    /// The same files without groups (`exiftool -j -n`): which of several same-named tags a
    /// name shows follows exiftool's priorities (file order; XMP copies of EXIF, a JPEG's
    /// IFD1 and JFIF's resolution give way).
    @Test func madeFilesAgreeWithExiftoolWithoutGroups() throws {
        let grouped = try Self.madeReference("made-exiftool-reference")
        let (compared, disagreements) = try Self.compareMade("made-exiftool-reference-ungrouped", grouped: false, corpus: nil) { key, path in
            // Names exiftool shows only from groups we do not read (derived Composites) are
            // left out, and warnings (libexif's words are not exiftool's).
            let record = grouped.first { $0["SourceFile"] as? String == path } ?? [:]
            let name: (String) -> Substring = { $0.split(separator: ":").last! }
            let unread = Set(record.keys.filter { !Self.isCompared($0, grouped: true) }.map(name))
                .subtracting(record.keys.filter { Self.isCompared($0, grouped: true) }.map(name))
            return key != "SourceFile" && key != "Warning" && !unread.contains(Substring(key))
        }
        print("made files, without groups: \(compared - disagreements.count)/\(compared) tags agree")
        for line in disagreements { print("  \(line)") }
        #expect(compared >= 300)
        #expect(disagreements.isEmpty)
    }

    /// Reads every file of a reference and compares the keys `include` accepts (given the key
    /// and the file's reference path) with our output, grouped or not.
    static func compareMade(_ referenceName: String, grouped: Bool, corpus: URL?,
                            include: (String, String) -> Bool) throws -> (compared: Int, disagreements: [String]) {
        var compared = 0
        var disagreements: [String] = []
        for record in try madeReference(referenceName) {
            let path = try #require(record["SourceFile"] as? String)
            guard let file = madeFile(path, corpus: corpus) else { continue }
            let metadata = try MetadataReader.read(CorpusLocation.bytes(file))
            var ours: [String: TagValue] = [:]
            for pair in metadata.keyedTags(grouped: grouped) { ours[pair.key] = pair.value }
            for (key, expected) in record.sorted(by: { $0.key < $1.key }) where include(key, path) {
                compared += 1
                if !(ours[key].map { agrees(expected, $0) } ?? false) {
                    disagreements.append("\(path) \(key): exiftool \(expected), ours \(ours[key].map(\.exiftoolText) ?? "<missing>")")
                }
            }
        }
        return (compared, disagreements)
    }

    static func madeReference(_ name: String) throws -> [[String: Any]] {
        let url = try #require(Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Fixtures"))
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [[String: Any]])
    }

    /// A reference file: "made/…" under Fixtures, "photos/…" in the corpus (nil without it).
    static func madeFile(_ path: String, corpus: URL?) -> URL? {
        if path.hasPrefix("made/") {
            return Bundle.module.url(forResource: "made-exiftool-reference", withExtension: "json", subdirectory: "Fixtures")?
                .deletingLastPathComponent().appendingPathComponent(path)
        }
        return corpus?.appendingPathComponent(path)
    }

    /// Groups we read: not IPTC2 (a second copy of the IPTC block, which exiftool reports
    /// twice and we once), and of the Composites the GPS ones and those ``madeComposites`` names.
    static func isCompared(_ key: String, grouped: Bool) -> Bool {
        let group = String(key.prefix { $0 != ":" })
        if ["SourceFile", "ExifTool:Warning"].contains(key) || group == "IPTC2" { return false }
        if group == "Composite" { return key.hasPrefix("Composite:GPS") || madeComposites.contains(String(key.dropFirst(10))) }
        return true
    }

    /// The Composites computed from tags read (ExifComposites), not from maker notes.
    static let madeComposites: Set<String> = [
        "ImageSize", "Megapixels", "Aperture", "ShutterSpeed", "LightValue", "SubSecDateTimeOriginal", "SubSecCreateDate",
        "SubSecModifyDate", "ScaleFactor35efl", "FocalLength35efl", "CircleOfConfusion", "FOV", "HyperfocalDistance", "DOF",
    ]

    /// File-level facts exiftool also reports must be identical, for every reference file.
    @Test func fileLevelFieldsMatchExiftool() throws {
        guard let corpus = CorpusLocation.available() else { return }
        let reference = try ExiftoolReference.records()
        let keys = ["System:FileSize", "File:FileType", "File:FileTypeExtension", "File:MIMEType",
                    "File:ImageWidth", "File:ImageHeight", "PNG:ImageWidth", "PNG:ImageHeight"]
        var compared = 0
        for (path, record) in reference.sorted(by: { $0.key < $1.key }) {
            let metadata = try MetadataReader.read(CorpusLocation.bytes(corpus.appendingPathComponent(path)))
            for key in keys {
                guard let expected = record[key] else { continue }
                let ours = try #require(metadata.grouped(key), "\(path) lacks \(key)")
                #expect(Self.agrees(expected, ours), "\(path) \(key): exiftool \(expected), ours \(ours)")
                compared += 1
            }
        }
        #expect(compared > 400)
    }
}
