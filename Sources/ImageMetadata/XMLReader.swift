/// A small pull tokenizer for XMP packets (RDF/XML in UTF-8): start and end tags, text and
/// CDATA, with comments, processing instructions and the XML declaration skipped.
///
/// XMP is read from files adversaries craft, so the reader is plain Swift over a byte array
/// (not libxml2, on which Foundation's `XMLParser` trapped for some input), refuses a DOCTYPE (no
/// entity declarations, so no entity expansion), bounds the nesting, and stops at the first
/// well-formedness error with its reason and byte offset. Three rules that change nothing
/// read are not checked, so a packet that breaks only them is read whole: `--` inside a
/// comment, `]]>` in text, and an XML declaration after the very start.
///
/// - Complexity: O(n) in the input's length; no recursion, and the only memory beyond the
///   events is the stack of open element names (at most `maxDepth`).
struct XMLReader {
    /// One piece of the document, in document order.
    enum Event: Equatable {
        /// `<name …>`; an empty-element tag `<name …/>` is followed at once by its `.end`.
        case start(name: String, attributes: [Attribute])
        /// `</name>`, or the end of an empty-element tag.
        case end(name: String)
        /// Character data, references decoded and line ends normalised to LF.
        case text(String)
        /// The raw contents of `<![CDATA[…]]>`: nothing decoded, line ends as they are (as
        /// libxml2's push parser and exiftool give them).
        case cdata(String)
    }

    /// An attribute as written, its value with references decoded and white space normalised.
    struct Attribute: Equatable {
        let name: String
        let value: String
    }

    /// Why the input is not well-formed XML (for XMP), and where.
    struct SyntaxError: Error, Equatable, CustomStringConvertible {
        /// A short reason: "end tag </b> does not match <a>".
        let reason: String
        /// The byte offset in the input where the problem was found.
        let offset: Int

        var description: String { "\(reason) at byte \(offset)" }
    }

    /// How deep elements may nest; XMP's deepest real structures are about ten levels.
    static let defaultMaxDepth = 64

    private let bytes: [UInt8]
    /// Where reading stops: the input's end, or the first byte that is not valid UTF-8 or not
    /// an XML character (reported as the error when reading gets there).
    private let end: Int
    private let endProblem: String?
    private var position: Int
    private let maxDepth: Int
    /// Names of the elements open at `position`, for matching end tags.
    private var openNames: [String] = []
    /// The name of an empty-element tag whose `.end` is still to be returned.
    private var pendingEnd: String?
    private var rootSeen = false
    /// The error that ended the reading: thrown again by every later call, or first by the
    /// call after a partial event (text or a start tag cut short by it).
    private var failure: SyntaxError?

    /// A reader over `bytes` (UTF-8; a leading byte-order mark is skipped).
    init(_ bytes: [UInt8], maxDepth: Int = XMLReader.defaultMaxDepth) {
        self.bytes = bytes
        self.maxDepth = maxDepth
        let stop = Self.firstDisallowedCharacter(in: bytes)
        end = stop?.offset ?? bytes.count
        endProblem = stop?.reason
        position = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    /// `packet` as UTF-8, the only encoding the reader reads: UTF-16 is converted (after a
    /// byte-order mark, FE FF or FF FE, or without one when it starts with `<?`, as XML's
    /// encoding detection allows), anything else is returned as it is.
    /// - Returns: nil for UTF-16 with an unpaired surrogate or an odd last byte that is not NUL
    ///   padding.
    static func utf8(_ packet: [UInt8]) -> [UInt8]? {
        let bigEndian: Bool, start: Int
        if packet.starts(with: [0xFE, 0xFF]) {
            (bigEndian, start) = (true, 2)
        } else if packet.starts(with: [0xFF, 0xFE]) {
            (bigEndian, start) = (false, 2)
        } else if packet.starts(with: [0x00, 0x3C, 0x00, 0x3F]) {
            (bigEndian, start) = (true, 0)
        } else if packet.starts(with: [0x3C, 0x00, 0x3F, 0x00]) {
            (bigEndian, start) = (false, 0)
        } else {
            return packet
        }
        let pairs = stride(from: start, to: packet.count - 1, by: 2)
        if (packet.count - start) % 2 == 1 && packet[packet.count - 1] != 0 { return nil }
        var units = pairs.lazy.map { bigEndian ? UInt16(packet[$0]) << 8 | UInt16(packet[$0 + 1])
                                               : UInt16(packet[$0 + 1]) << 8 | UInt16(packet[$0]) }.makeIterator()
        var decoder = UTF16()
        var output: [UInt8] = []
        output.reserveCapacity(packet.count)
        while true {
            switch decoder.decode(&units) {
            case .scalarValue(let scalar): UTF8.encode(scalar) { output.append($0) }
            case .emptyInput: return output
            case .error: return nil
            }
        }
    }

    /// The next event, or nil after the root element's end and the white space, comments and
    /// processing instructions after it.
    /// - Throws: ``SyntaxError`` at the first point where the input is not well-formed; the
    ///   events returned before it stay valid.
    mutating func next() throws(SyntaxError) -> Event? {
        if let failure { throw failure }
        do {
            return try readEvent()
        } catch {
            failure = error
            throw error
        }
    }

    private mutating func readEvent() throws(SyntaxError) -> Event? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name: name)
        }
        while true {
            if position >= end {
                if let open = openNames.last { throw endError("<\(Self.shown(open))>") }
                if !rootSeen { throw SyntaxError(reason: endProblem ?? "no root element", offset: end) }
                if let endProblem { throw SyntaxError(reason: endProblem, offset: end) }
                return nil
            }
            guard bytes[position] == .lessThan else {
                if !openNames.isEmpty { return .text(try readText()) }
                // Before and after the root element only white space may stand.
                skipWhiteSpace()
                if position < end && bytes[position] != .lessThan {
                    throw SyntaxError(reason: "text outside the root element", offset: position)
                }
                continue
            }
            if hasPrefix("<?") {
                try skipProcessingInstruction()
            } else if hasPrefix("<!--") {
                try skipComment()
            } else if hasPrefix("<![CDATA[") {
                if openNames.isEmpty { throw SyntaxError(reason: "CDATA outside the root element", offset: position) }
                return .cdata(try readCDATA())
            } else if hasPrefix("<!DOCTYPE") {
                // XMP never needs one, and refusing it means no entity is ever declared.
                throw SyntaxError(reason: "DOCTYPE is not allowed in XMP", offset: position)
            } else if hasPrefix("<!") {
                throw SyntaxError(reason: "unexpected markup '<!'", offset: position)
            } else if hasPrefix("</") {
                return .end(name: try readEndTag())
            } else {
                return try readStartTag()
            }
        }
    }

    // MARK: Tags

    /// A start tag. One broken off after one or more whole attributes still opens its element
    /// with them (a hostile `<` in a value must not hide the properties before it); the error
    /// comes with the next call.
    private mutating func readStartTag() throws(SyntaxError) -> Event {
        if rootSeen && openNames.isEmpty { throw SyntaxError(reason: "a second root element", offset: position) }
        if openNames.count >= maxDepth {
            throw SyntaxError(reason: "elements nested deeper than \(maxDepth)", offset: position)
        }
        position += 1
        let name = try readName()
        var attributes: [Attribute] = []
        do {
            let isEmptyElement = try readAttributes(of: name, into: &attributes)
            rootSeen = true
            if isEmptyElement { pendingEnd = name } else { openNames.append(name) }
        } catch {
            guard !attributes.isEmpty else { throw error }
            failure = error
        }
        return .start(name: name, attributes: attributes)
    }

    /// The attributes up to `>` or `/>`, appended in document order.
    /// - Returns: whether the tag ended with `/>` (an empty element).
    private mutating func readAttributes(of name: String, into attributes: inout [Attribute]) throws(SyntaxError) -> Bool {
        // A set, not a scan of `attributes`: a tag with thousands of attributes stays linear.
        var seen: Set<String> = []
        while true {
            let spaced = skipWhiteSpace()
            guard position < end else { throw endError("the tag <\(Self.shown(name))>") }
            switch bytes[position] {
            case .greaterThan:
                position += 1
                return false
            case .slash:
                guard position + 1 < end else { throw endError("the tag <\(Self.shown(name))>") }
                guard bytes[position + 1] == .greaterThan else {
                    throw SyntaxError(reason: "'/' not followed by '>' in <\(Self.shown(name))>", offset: position)
                }
                position += 2
                return true
            default:
                let attributeStart = position
                guard spaced else { throw SyntaxError(reason: "no white space before an attribute of <\(Self.shown(name))>", offset: position) }
                let attributeName = try readName()
                skipWhiteSpace()
                try expect(.equals, "'=' after attribute \(Self.shown(attributeName))", inside: "the tag <\(Self.shown(name))>")
                skipWhiteSpace()
                let value = try readAttributeValue(of: attributeName)
                guard seen.insert(attributeName).inserted else {
                    throw SyntaxError(reason: "duplicate attribute \(Self.shown(attributeName))", offset: attributeStart)
                }
                attributes.append(Attribute(name: attributeName, value: value))
            }
        }
    }

    private mutating func readEndTag() throws(SyntaxError) -> String {
        let tagStart = position
        position += 2
        let name = try readName()
        skipWhiteSpace()
        try expect(.greaterThan, "'>' to close </\(Self.shown(name))>", inside: "the tag </\(Self.shown(name))>")
        guard let open = openNames.last else {
            throw SyntaxError(reason: "end tag </\(Self.shown(name))> without a start tag", offset: tagStart)
        }
        guard open == name else {
            throw SyntaxError(reason: "end tag </\(Self.shown(name))> does not match <\(Self.shown(open))>", offset: tagStart)
        }
        openNames.removeLast()
        return name
    }

    /// An XML `Name` (colons allowed anywhere: namespace prefixes are the caller's business).
    private mutating func readName() throws(SyntaxError) -> String {
        let start = position
        // Non-ASCII bytes are taken whole and checked as characters below.
        while position < end, Self.isASCIINameByte(bytes[position]) || bytes[position] >= 0x80 {
            position += 1
        }
        guard position > start else {
            if position >= end { throw endError("a tag") }
            throw SyntaxError(reason: "a name expected", offset: start)
        }
        let name = String(decoding: bytes[start..<position], as: UTF8.self)
        let scalars = name.unicodeScalars
        guard let first = scalars.first, Self.isNameStart(first), scalars.dropFirst().allSatisfy(Self.isNameCharacter) else {
            throw SyntaxError(reason: "'\(Self.shown(name))' is not a valid name", offset: start)
        }
        return name
    }

    // MARK: Character data

    private mutating func readText() throws(SyntaxError) -> String {
        var text: [UInt8] = []
        while position < end, bytes[position] != .lessThan {
            switch bytes[position] {
            case .ampersand:
                do {
                    try appendReference(to: &text)
                } catch {
                    // The text before a bad reference was read; the error comes with the next call.
                    guard !text.isEmpty else { throw error }
                    failure = error
                    return String(decoding: text, as: UTF8.self)
                }
            case .carriageReturn: appendLineEnd(to: &text)
            default:
                text.append(bytes[position])
                position += 1
            }
        }
        return String(decoding: text, as: UTF8.self)
    }

    /// A quoted attribute value. As XML requires, a literal tab, line end or space becomes
    /// one space; a character reference (`&#10;`) keeps its character.
    private mutating func readAttributeValue(of name: String) throws(SyntaxError) -> String {
        guard position < end else { throw endError("the value of \(Self.shown(name))") }
        let quote = bytes[position]
        guard quote == .doubleQuote || quote == .singleQuote else {
            throw SyntaxError(reason: "the value of \(Self.shown(name)) is not quoted", offset: position)
        }
        position += 1
        var value: [UInt8] = []
        while true {
            guard position < end else { throw endError("the value of \(Self.shown(name))") }
            switch bytes[position] {
            case quote:
                position += 1
                return String(decoding: value, as: UTF8.self)
            case .lessThan:
                throw SyntaxError(reason: "'<' in the value of \(Self.shown(name))", offset: position)
            case .ampersand:
                try appendReference(to: &value)
            case .carriageReturn:
                appendLineEnd(to: &value)
                value[value.count - 1] = .space
            case .tab, .lineFeed:
                value.append(.space)
                position += 1
            default:
                value.append(bytes[position])
                position += 1
            }
        }
    }

    /// CR LF and a lone CR are read as LF, as XML requires before anything else.
    private mutating func appendLineEnd(to output: inout [UInt8]) {
        output.append(.lineFeed)
        position += 1
        if position < end && bytes[position] == .lineFeed { position += 1 }
    }

    /// Decodes `&name;` (the five predefined entities only), `&#NN;` or `&#xNN;`.
    private mutating func appendReference(to output: inout [UInt8]) throws(SyntaxError) {
        let start = position
        position += 1
        guard position < end else { throw endError("a reference") }
        if bytes[position] != .hash {
            guard Self.isASCIINameByte(bytes[position]) || bytes[position] >= 0x80 else {
                throw SyntaxError(reason: "'&' not followed by a reference (a literal '&' is written &amp;)", offset: start)
            }
            let name = try readName()
            try expect(.semicolon, "';' after &\(Self.shown(name))", inside: "a reference")
            let replacement: UInt8
            switch name {
            case "amp": replacement = .ampersand
            case "lt": replacement = .lessThan
            case "gt": replacement = .greaterThan
            case "quot": replacement = .doubleQuote
            case "apos": replacement = .singleQuote
            default: throw SyntaxError(reason: "unknown entity &\(Self.shown(name));", offset: start)
            }
            output.append(replacement)
            return
        }
        position += 1
        let hex = position < end && bytes[position] == UInt8(ascii: "x")
        if hex { position += 1 }
        let digitsStart = position
        var value: UInt32 = 0
        while position < end, let digit = Self.digitValue(bytes[position], hex: hex) {
            // Past U+10FFFF the value is wrong anyway; stop it growing (no overflow).
            value = min(value * (hex ? 16 : 10) + digit, 0x110000)
            position += 1
        }
        guard position > digitsStart else { throw SyntaxError(reason: "malformed character reference", offset: start) }
        try expect(.semicolon, "';' after a character reference", inside: "a reference")
        guard let scalar = Unicode.Scalar(value), Self.isCharacter(scalar) else {
            throw SyntaxError(reason: "character reference to a character XML does not allow", offset: start)
        }
        UTF8.encode(scalar) { output.append($0) }
    }

    private mutating func readCDATA() throws(SyntaxError) -> String {
        position += 9  // <![CDATA[
        let start = position
        while !hasPrefix("]]>") {
            guard position < end else { throw endError("a CDATA section") }
            position += 1
        }
        position += 3
        return String(decoding: bytes[start..<position - 3], as: UTF8.self)
    }

    // MARK: Skipped markup

    /// `<?target …?>`: the XML declaration, `<?xpacket …?>` and any other instruction.
    private mutating func skipProcessingInstruction() throws(SyntaxError) {
        position += 2
        let target = try readName()
        if !hasPrefix("?>") && !skipWhiteSpace() {
            if position >= end { throw endError("<?\(Self.shown(target))") }
            throw SyntaxError(reason: "no white space after <?\(Self.shown(target))", offset: position)
        }
        try skip(past: "?>", inside: "<?\(Self.shown(target))")
    }

    private mutating func skipComment() throws(SyntaxError) {
        position += 4
        try skip(past: "-->", inside: "a comment")
    }

    private mutating func skip(past terminator: StaticString, inside construct: String) throws(SyntaxError) {
        while !hasPrefix(terminator) {
            guard position < end else { throw endError(construct) }
            position += 1
        }
        position += terminator.utf8CodeUnitCount
    }

    // MARK: Bytes

    /// Whether the unread input starts with `text` (ASCII), within the readable part.
    private func hasPrefix(_ text: StaticString) -> Bool {
        let count = text.utf8CodeUnitCount
        guard position + count <= end else { return false }
        return text.withUTF8Buffer { prefix in
            prefix.indices.allSatisfy { bytes[position + $0] == prefix[$0] }
        }
    }

    @discardableResult
    private mutating func skipWhiteSpace() -> Bool {
        let start = position
        while position < end, Self.isWhiteSpace(bytes[position]) { position += 1 }
        return position > start
    }

    /// Reads `byte`, which the construct `inside` needs next (`what` names it for the error).
    private mutating func expect(_ byte: UInt8, _ what: String, inside construct: String) throws(SyntaxError) {
        guard position < end else { throw endError(construct) }
        guard bytes[position] == byte else { throw SyntaxError(reason: "expected \(what)", offset: position) }
        position += 1
    }

    /// The error for reaching `end` inside `construct`: the character that stopped the reading,
    /// or the input's end.
    private func endError(_ construct: String) -> SyntaxError {
        SyntaxError(reason: endProblem ?? "input ends inside \(construct)", offset: end)
    }

    /// The first byte that is not valid UTF-8 or starts a character XML does not allow
    /// (controls other than tab, LF and CR; U+FFFE and U+FFFF), with the reason.
    private static func firstDisallowedCharacter(in bytes: [UInt8]) -> (offset: Int, reason: String)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if !isCharacter(scalar) {
                    let code = String(scalar.value, radix: 16, uppercase: true)
                    return (offset, "character U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) is not allowed in XML")
                }
                offset += encoded.count
            case .error:
                return (offset, "byte 0x\(String(bytes[offset], radix: 16, uppercase: true)) is not valid UTF-8")
            case .emptyInput:
                return nil
            }
        }
    }

    /// `name` as an error shows it: at most 64 characters of it, so a hostile name cannot
    /// make a warning as long as the packet.
    private static func shown(_ name: String) -> String {
        let scalars = name.unicodeScalars
        return scalars.count <= 64 ? name : String(String.UnicodeScalarView(scalars.prefix(64))) + "…"
    }

    /// XML 1.0's `Char`.
    static func isCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    private static func isWhiteSpace(_ byte: UInt8) -> Bool {
        byte == .space || byte == .tab || byte == .lineFeed || byte == .carriageReturn
    }

    private static func isASCIINameByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "_"), UInt8(ascii: ":"), UInt8(ascii: "-"), UInt8(ascii: "."): true
        default: false
        }
    }

    /// XML 1.0 (fifth edition) `NameStartChar`.
    static func isNameStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3A, 0x41...0x5A, 0x5F, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x2FF, 0x370...0x37D,
             0x37F...0x1FFF, 0x200C...0x200D, 0x2070...0x218F, 0x2C00...0x2FEF, 0x3001...0xD7FF,
             0xF900...0xFDCF, 0xFDF0...0xFFFD, 0x10000...0xEFFFF: true
        default: false
        }
    }

    /// XML 1.0 (fifth edition) `NameChar`.
    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2E, 0x30...0x39, 0xB7, 0x300...0x36F, 0x203F...0x2040: true
        default: isNameStart(scalar)
        }
    }

    private static func digitValue(_ byte: UInt8, hex: Bool) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f") where hex: UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F") where hex: UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}

private extension UInt8 {
    static let tab = UInt8(ascii: "\t")
    static let lineFeed = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let doubleQuote = UInt8(ascii: "\"")
    static let singleQuote = UInt8(ascii: "'")
    static let ampersand = UInt8(ascii: "&")
    static let hash = UInt8(ascii: "#")
    static let slash = UInt8(ascii: "/")
    static let semicolon = UInt8(ascii: ";")
    static let lessThan = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let greaterThan = UInt8(ascii: ">")
}
