@testable import ImageMetadata
import Testing

/// XMPParser on packets built in the test: the behaviour the FoundationXML-based parser had,
/// kept on the own reader, and the packets it got wrong.
@Suite struct XMPParserTests {
    static let namespaces = """
        xmlns:x="adobe:ns:meta/" xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" \
        xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"
        """

    static func packet(_ description: String, attributes: String = "") -> String {
        "<?xpacket begin='\u{FEFF}'?><x:xmpmeta \(namespaces)><rdf:RDF><rdf:Description rdf:about=''\(attributes)>"
            + description + "</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>"
    }

    static func tags(_ packet: [UInt8]) -> (tags: [String: TagValue], names: [String], warnings: [String]) {
        var warnings: [String] = []
        let tags = XMPParser.tags(in: packet, warnings: &warnings)
        return (Dictionary(tags.map { ($0.group + ":" + $0.name, $0.value) }, uniquingKeysWith: { first, _ in first }),
                tags.map { $0.group + ":" + $0.name }, warnings)
    }

    /// Properties written as attributes come in name order, the order FoundationXML's
    /// dictionary forced and the output has kept.
    @Test func attributePropertiesComeInNameOrder() {
        let read = Self.tags(Array(Self.packet("", attributes: " xmp:Zeta='z' dc:Beta='b' xmp:Alpha='a'").utf8))
        #expect(read.names == ["XMP-dc:Beta", "XMP-xmp:Alpha", "XMP-xmp:Zeta"])
        #expect(read.warnings.isEmpty)
    }

    /// Declarations Namespaces in XML forbids (rebinding `xml`, undeclaring a prefix, binding
    /// a prefix to the XML namespace) were never reported by libxml2, so they resolve nothing.
    @Test func forbiddenNamespaceDeclarationsAreIgnored() {
        let description = """
            <dc:title xmlns:xml="urn:not-xml"><rdf:Alt xmlns:rdf=""><rdf:li xml:lang="x-default">Title</rdf:li>\
            <rdf:li xml:lang="ar">عنوان</rdf:li></rdf:Alt></dc:title>\
            <dc:subject xmlns:rdf="http://www.w3.org/XML/1998/namespace"><rdf:Bag><rdf:li>k1</rdf:li><rdf:li>k2</rdf:li></rdf:Bag></dc:subject>
            """
        let read = Self.tags(Array(Self.packet(description).utf8))
        #expect(read.tags["XMP-dc:Title"] == .string("Title"))
        #expect(read.tags["XMP-dc:Title-ar"] == .string("عنوان"))
        #expect(read.tags["XMP-dc:Subject"] == .list([.string("k1"), .string("k2")]))
        #expect(read.warnings.isEmpty)
    }

    /// FoundationXML crashed (a null pointer read as a string) on a processing instruction
    /// without data.
    @Test func aProcessingInstructionWithoutDataIsSkipped() {
        let read = Self.tags(Array(("<?xpacket?>" + Self.packet("<xmp:Label>a</xmp:Label><?pi?>")).utf8))
        #expect(read.tags["XMP-xmp:Label"] == .string("a"))
        #expect(read.warnings.isEmpty)
    }

    /// UTF-16 is converted before the reader sees it; the NUL padding of a little-endian packet
    /// is stripped after the conversion (stripping bytes cut its last `>` in half).
    @Test(arguments: [true, false])
    func utf16PacketsAreRead(bigEndian: Bool) {
        let units = Self.packet("<xmp:Label>é 😀</xmp:Label>").utf16
        let bytes = units.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let read = Self.tags((bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) + bytes + [UInt8](repeating: 0, count: 9))
        #expect(read.tags["XMP-xmp:Label"] == .string("é 😀"))
        #expect(read.warnings.isEmpty)
    }

    @Test func utf16ThatDoesNotDecodeIsRefused() {
        let read = Self.tags([0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8, 0x3E, 0x00])
        #expect(read.tags.isEmpty)
        #expect(read.warnings == ["XMP: packet is not valid UTF-16; not parsed"])
    }

    /// A packet that breaks off keeps what was read before the break, with the reader's reason.
    @Test func malformedPacketsKeepWhatWasReadBeforeTheError() {
        let hostile = Self.tags(Array(Self.packet("", attributes: " xmp:CreatorTool='Tool' xmp:Label='a<b'").utf8))
        #expect(hostile.tags["XMP-xmp:CreatorTool"] == .string("Tool"))
        #expect(hostile.tags["XMP-xmp:Label"] == nil)
        #expect(hostile.warnings.count == 1)
        #expect(hostile.warnings.first?.hasPrefix("XMP: not well-formed XML ('<' in the value of xmp:Label at byte ") == true)

        let packet = Array(Self.packet("<xmp:Label>a</xmp:Label><xmp:Nickname>nick</xmp:Nickname>").utf8)
        let cut = packet.count - "<xmp:Nickname>nick</xmp:Nickname></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end='w'?>".utf8.count
        let truncated = Self.tags(Array(packet[..<cut]))
        #expect(truncated.tags["XMP-xmp:Label"] == .string("a"))
        #expect(truncated.warnings == ["XMP: not well-formed XML (input ends inside <rdf:Description> at byte \(cut))"])
    }

    @Test func nestingDeeperThanTheLimitIsAWarning() {
        let depth = XMLReader.defaultMaxDepth
        let deep = String(repeating: "<xmp:N rdf:parseType='Resource'>", count: depth) + String(repeating: "</xmp:N>", count: depth)
        let read = Self.tags(Array(Self.packet("<xmp:Label>a</xmp:Label>" + deep).utf8))
        #expect(read.tags["XMP-xmp:Label"] == .string("a"))
        #expect(read.warnings.first?.contains("elements nested deeper than 64") == true)
    }

    /// A DOCTYPE is refused, so no entity is ever declared or expanded.
    @Test func aDoctypeIsRefused() {
        let read = Self.tags(Array(("<!DOCTYPE x:xmpmeta [<!ENTITY e 'expanded'>]>" + Self.packet("<xmp:Label>&e;</xmp:Label>")).utf8))
        #expect(read.tags.isEmpty)
        #expect(read.warnings == ["XMP: not well-formed XML (DOCTYPE is not allowed in XMP at byte 0)"])
    }
}
