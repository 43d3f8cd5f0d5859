@testable import ImageMetadata
import Testing

/// The XMP tokenizer: its events, what it decodes, and each well-formedness error it reports.
@Suite struct XMLReaderTests {
    typealias Event = XMLReader.Event

    /// Every event of `bytes`, or the events before the error and the error.
    static func read(_ bytes: [UInt8], maxDepth: Int = XMLReader.defaultMaxDepth) -> (events: [Event], error: XMLReader.SyntaxError?) {
        var reader = XMLReader(bytes, maxDepth: maxDepth)
        var events: [Event] = []
        do {
            while let event = try reader.next() { events.append(event) }
            return (events, nil)
        } catch {
            return (events, error)
        }
    }

    static func read(_ xml: String) -> (events: [Event], error: XMLReader.SyntaxError?) {
        read(Array(xml.utf8))
    }

    static func attribute(_ name: String, _ value: String) -> XMLReader.Attribute {
        XMLReader.Attribute(name: name, value: value)
    }

    @Test func eventsOfASmallDocument() {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?><!-- lead -->
            <x:a xmlns:x='adobe:ns:meta/' b="2" x:c = "3">t<!-- skipped --><?pi skipped?>u<e/><f></f><![CDATA[<raw> &amp; ]]></x:a>
            <?xpacket end="w"?>\n   \n
            """
        let read = Self.read(xml)
        #expect(read.error == nil)
        #expect(read.events == [
            .start(name: "x:a", attributes: [Self.attribute("xmlns:x", "adobe:ns:meta/"), Self.attribute("b", "2"), Self.attribute("x:c", "3")]),
            .text("t"), .text("u"),
            .start(name: "e", attributes: []), .end(name: "e"),
            .start(name: "f", attributes: []), .end(name: "f"),
            .cdata("<raw> &amp; "),
            .end(name: "x:a"),
        ])
    }

    @Test func entitiesAndCharacterReferencesAreDecoded() {
        let read = Self.read("<a v='&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;'>&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x1f600;&#233;</a>")
        #expect(read.error == nil)
        #expect(read.events == [
            .start(name: "a", attributes: [Self.attribute("v", "&<>\"'AB😀")]),
            .text("&<>\"'AB😀é"),
            .end(name: "a"),
        ])
    }

    /// XML's end-of-line handling and attribute-value normalisation, as libxml2 applied them.
    @Test func lineEndsAndAttributeWhiteSpaceAreNormalised() {
        let read = Self.read("<a v='x\ty\r\nz\rw&#10;&#13;&#9;.'>1\r\n2\r3\n4<![CDATA[5\r\n6]]></a>")
        #expect(read.events == [
            .start(name: "a", attributes: [Self.attribute("v", "x y z w\n\r\t.")]),
            .text("1\n2\n3\n4"), .cdata("5\r\n6"), .end(name: "a"),
        ])
    }

    /// Names may hold colons anywhere (XML 1.0 allows it; namespaces are the caller's
    /// business), and non-ASCII letters.
    @Test func namesWithColonsAndNonASCIILettersAreRead() {
        let read = Self.read("<:><a:b:c é:ß='1' :='2'/><y:/></:>")
        #expect(read.error == nil)
        #expect(read.events == [
            .start(name: ":", attributes: []),
            .start(name: "a:b:c", attributes: [Self.attribute("é:ß", "1"), Self.attribute(":", "2")]), .end(name: "a:b:c"),
            .start(name: "y:", attributes: []), .end(name: "y:"),
            .end(name: ":"),
        ])
    }

    /// Three rules that change nothing read are not checked; a processing instruction without
    /// data (which crashed FoundationXML) is skipped like any other.
    @Test func leniencies() {
        let read = Self.read(" <?xml version='1.0'?><a><?pi?><!-- a -- b -->x ]]> y</a>")
        #expect(read.error == nil)
        #expect(read.events == [.start(name: "a", attributes: []), .text("x ]]> y"), .end(name: "a")])
    }

    @Test func aLeadingByteOrderMarkIsSkipped() {
        #expect(Self.read("\u{FEFF}<a/>").events == [.start(name: "a", attributes: []), .end(name: "a")])
    }

    /// Each well-formedness error: its reason and byte offset.
    @Test(arguments: [
        ("<a><b></a>", "end tag </a> does not match <b>", 6),
        ("<a/></b>", "end tag </b> without a start tag", 4),
        ("<a></a><b/>", "a second root element", 7),
        ("<a/> x", "text outside the root element", 5),
        ("x<a/>", "text outside the root element", 0),
        ("<1a/>", "'1a' is not a valid name", 1),
        ("<a></1a>", "'1a' is not a valid name", 5),
        ("<a x=1/>", "the value of x is not quoted", 5),
        ("<a x='1'y='2'/>", "no white space before an attribute of <a>", 8),
        ("<a x/>", "expected '=' after attribute x", 4),
        ("<a x='1' x=\"2\"/>", "duplicate attribute x", 9),
        ("<a x='a<b'/>", "'<' in the value of x", 7),
        ("<a / >", "'/' not followed by '>' in <a>", 3),
        ("<a>&nbsp;</a>", "unknown entity &nbsp;", 3),
        ("<a x='&bogus;'/>", "unknown entity &bogus;", 6),
        ("<a>& b</a>", "'&' not followed by a reference (a literal '&' is written &amp;)", 3),
        ("<a>&amp b</a>", "expected ';' after &amp", 7),
        ("<a>&#;</a>", "malformed character reference", 3),
        ("<a>&#0;</a>", "character reference to a character XML does not allow", 3),
        ("<a>&#xD800;</a>", "character reference to a character XML does not allow", 3),
        ("<a>&#x110000;</a>", "character reference to a character XML does not allow", 3),
        ("<a>&#99999999999999999999;</a>", "character reference to a character XML does not allow", 3),
        ("<a>\u{1}</a>", "character U+0001 is not allowed in XML", 3),
        ("<a>\u{FFFE}</a>", "character U+FFFE is not allowed in XML", 3),
        ("<a><b>text", "input ends inside <b>", 10),
        ("<a x='1'", "input ends inside the tag <a>", 8),
        ("<a x='1", "input ends inside the value of x", 7),
        ("<a><!-- never closed", "input ends inside a comment", 20),
        ("<a><![CDATA[never closed", "input ends inside a CDATA section", 24),
        ("<?xpacket begin=''", "input ends inside <?xpacket", 18),
        ("<![CDATA[x]]><a/>", "CDATA outside the root element", 0),
        ("<!DOCTYPE a [<!ENTITY e 'x'>]><a>&e;</a>", "DOCTYPE is not allowed in XMP", 0),
        ("<a><!ELEMENT a ANY></a>", "unexpected markup '<!'", 3),
        ("<a></>", "a name expected", 5),
        ("", "no root element", 0),
        (" <!-- only a comment --> ", "no root element", 25),
    ])
    func wellFormednessErrors(xml: String, reason: String, offset: Int) {
        let read = Self.read(xml)
        #expect(read.error == XMLReader.SyntaxError(reason: reason, offset: offset), "\(xml)")
    }

    @Test func bytesThatAreNotUTF8StopTheReadingWhereTheyStand() {
        let read = Self.read(Array("<a>ok".utf8) + [0xC5] + Array("</a>".utf8))
        #expect(read.events == [.start(name: "a", attributes: []), .text("ok")])
        #expect(read.error == XMLReader.SyntaxError(reason: "byte 0xC5 is not valid UTF-8", offset: 5))
    }

    /// What was read before an error stays read, and the error is reported again on every
    /// later call rather than the reading going on from a broken state.
    @Test func eventsBeforeAnErrorStayAndTheErrorRepeats() throws {
        var reader = XMLReader(Array("<a><b>x</b><c>&bogus;</c><d/></a>".utf8))
        var events: [Event] = []
        let error = XMLReader.SyntaxError(reason: "unknown entity &bogus;", offset: 14)
        #expect(throws: error) { while let event = try reader.next() { events.append(event) } }
        #expect(events == [.start(name: "a", attributes: []), .start(name: "b", attributes: []), .text("x"),
                           .end(name: "b"), .start(name: "c", attributes: [])])
        #expect(throws: error) { try reader.next() }
    }

    /// A hostile `<` in one value must not hide the attributes read before it; text before a
    /// bad reference is kept the same way.
    @Test func partialStartTagsAndTextKeepWhatWasReadWhole() {
        let tag = Self.read("<a><d x='1' y=\"2\" z='3<'/></a>")
        #expect(tag.events == [.start(name: "a", attributes: []),
                               .start(name: "d", attributes: [Self.attribute("x", "1"), Self.attribute("y", "2")])])
        #expect(tag.error == XMLReader.SyntaxError(reason: "'<' in the value of z", offset: 22))

        let noAttributes = Self.read("<a><d z='<'/></a>")
        #expect(noAttributes.events == [.start(name: "a", attributes: [])])

        let text = Self.read("<a>ab&bogus;</a>")
        #expect(text.events == [.start(name: "a", attributes: []), .text("ab")])
        #expect(text.error?.reason == "unknown entity &bogus;")
    }

    @Test func theDepthLimit() {
        let depth = XMLReader.defaultMaxDepth
        let deepest = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        #expect(Self.read(deepest).error == nil)

        let tooDeep = String(repeating: "<a>", count: depth + 1) + String(repeating: "</a>", count: depth + 1)
        let read = Self.read(tooDeep)
        #expect(read.error == XMLReader.SyntaxError(reason: "elements nested deeper than 64", offset: 3 * depth))
        #expect(read.events.count == depth)

        #expect(Self.read(Array("<a><b><c/></b></a>".utf8), maxDepth: 2).error?.reason == "elements nested deeper than 2")
        // No recursion: a million open tags cost a loop, not a stack.
        #expect(Self.read(String(repeating: "<a>", count: 1_000_000)).error?.offset == 3 * depth)
    }

    @Test func thousandsOfAttributesAreReadInOrder() {
        let names = (0..<20_000).map { "p:a\($0)" }
        let read = Self.read("<a " + names.map { "\($0)='v'" }.joined(separator: " ") + "/>")
        #expect(read.error == nil)
        guard case .start(_, let attributes)? = read.events.first else { Issue.record("no start"); return }
        #expect(attributes.map(\.name) == names)
    }

    @Test(arguments: [
        ([0xFE, 0xFF] as [UInt8], true), ([0xFF, 0xFE], false), ([], true), ([], false),
    ])
    func utf16IsConvertedToUTF8(byteOrderMark: [UInt8], bigEndian: Bool) throws {
        let xml = "<?xpacket begin='\u{FEFF}'?><a v='é'>utf16 😀</a>"
        let units = xml.utf16.flatMap { bigEndian ? [UInt8($0 >> 8), UInt8($0 & 0xFF)] : [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let utf8 = try #require(XMLReader.utf8(byteOrderMark + units + [0, 0, 0]))
        #expect(utf8 == Array(xml.utf8) + [0])
        #expect(Self.read(Array(utf8.dropLast())).events == [
            .start(name: "a", attributes: [Self.attribute("v", "é")]), .text("utf16 😀"), .end(name: "a"),
        ])
    }

    @Test func utf16ThatDoesNotDecodeIsRefusedAndUTF8PassesThrough() {
        #expect(XMLReader.utf8([0xFF, 0xFE, 0x3C, 0x00, 0x00, 0xD8, 0x3E, 0x00]) == nil)  // unpaired surrogate
        #expect(XMLReader.utf8([0xFF, 0xFE, 0x3C, 0x00, 0x3E]) == nil)  // a stray odd byte
        #expect(XMLReader.utf8(Array("<a>é</a>".utf8)) == Array("<a>é</a>".utf8))
    }
}
