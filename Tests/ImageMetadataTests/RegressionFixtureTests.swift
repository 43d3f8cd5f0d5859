import Foundation
import ImageMetadata
import Testing

/// Files that once crashed Imprint (found by fuzzing or scripts/make-hostile), kept in
/// Fixtures/ and read by #filePath: each must now read, with the damage as a warning.
@Suite struct RegressionFixtureTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func read(_ name: String) throws -> FileMetadata {
        let bytes = try [UInt8](Data(contentsOf: fixtures.appendingPathComponent(name)))
        return try MetadataReader.read(bytes)
    }

    /// FoundationXML trapped in `_NSXMLParserStartElementNs` on `<stEvt:whe\u{C5}>`, killing
    /// `imprint exif` (found by scripts/make-hostile: byte flips in samples/mosul-ruins-edited.jpg).
    @Test(arguments: ["xmp-element-name-invalid-utf8.jpg", "hostile-0517-flip-xmp.jpg"])
    func xmpWithInvalidUTF8IsAWarning(name: String) throws {
        let metadata = try Self.read(name)
        #expect(metadata.format == .jpeg)
        #expect(metadata.warnings.contains("XMP: packet is not valid UTF-8; not parsed"), "\(metadata.warnings)")
        #expect(!metadata.tags.contains { $0.group.hasPrefix("XMP") })
    }

    /// `XMPParser.TreeBuilder.resolve` indexed an empty array for the names ":" and "",
    /// which libxml2 passed on (found by `scripts/fuzz metadata`: crash-dabed051, a JPEG whose
    /// XMP had an attribute mutated to a bare colon). Each file still reads, the other XMP
    /// properties included.
    @Test(arguments: ["xmp-attribute-named-colon.jpg", "xmp-element-named-colon.jpg", "fuzz-metadata-crash-dabed051.jpg"])
    func xmpNamesMadeOfAColonAreRead(name: String) throws {
        let metadata = try Self.read(name)
        #expect(metadata.format == .jpeg)
        if name.hasPrefix("fuzz-") {
            #expect(metadata.grouped("XMP-xmp:CreatorTool") == .string("Adobe Photoshop CS5.1 Macintosh"), "\(metadata.warnings)")
        }
    }

    /// Invalid UTF-8 in text or attribute values is refused the same way, not passed on.
    @Test(arguments: ["<xmp:CreatorTool>Adobe \u{C5} x</xmp:CreatorTool>", "<rdf:Description xmp:CreatorTool='a\u{C5}b'/>"])
    func invalidUTF8AnywhereInThePacketIsRefused(fragment: String) throws {
        // Latin-1 bytes: U+00C5 becomes the lone byte 0xC5, invalid as UTF-8.
        let xmp = Array("<x:xmpmeta xmlns:x='adobe:ns:meta/' xmlns:xmp='http://ns.adobe.com/xap/1.0/'>".utf8)
            + fragment.unicodeScalars.map { UInt8(truncatingIfNeeded: $0.value) } + Array("</x:xmpmeta>".utf8)
        let payload = Array("http://ns.adobe.com/xap/1.0/\0".utf8) + xmp
        let length = UInt16(payload.count + 2)
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
            + [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x07, 0x00, 0x09, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9]
        let metadata = try MetadataReader.read(jpeg)
        #expect(metadata.warnings == ["XMP: packet is not valid UTF-8; not parsed"])
        #expect(metadata.imageWidth == 9)
    }

    /// An IFD0 Orientation stored as a rational 0/0 reads as NaN, which `Int()` trapped on
    /// while taking the orientation (found by `scripts/fuzz metadata`: crash-5b005de0).
    @Test func anOrientationThatIsNoNumberIsNoOrientation() throws {
        let metadata = try Self.read("fuzz-metadata-crash-5b005de0.jpg")
        #expect(metadata.orientation == nil)
        #expect(metadata.effectiveOrientation == 1)
    }
}
