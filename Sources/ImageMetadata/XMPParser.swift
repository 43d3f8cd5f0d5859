internal import Foundation

/// Reads an XMP packet into exiftool-style tags: group `XMP-<prefix>`, structures flattened
/// into concatenated names (`xmpMM:History/stEvt:action` → `HistoryAction`), arrays as lists.
enum XMPParser {
    /// exiftool's family-1 group suffix for well-known namespace URIs (the prefix in the
    /// document may differ).
    static let groupByURI: [String: String] = [
        "adobe:ns:meta/": "x",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf",
        "http://ns.adobe.com/xap/1.0/": "xmp",
        "http://purl.org/dc/elements/1.1/": "dc",
        "http://ns.adobe.com/tiff/1.0/": "tiff",
        "http://ns.adobe.com/exif/1.0/": "exif",
        "http://ns.adobe.com/exif/1.0/aux/": "aux",
        "http://cipa.jp/exif/1.0/": "exifEX",
        "http://ns.adobe.com/photoshop/1.0/": "photoshop",
        "http://ns.adobe.com/xap/1.0/mm/": "xmpMM",
        "http://ns.adobe.com/xap/1.0/rights/": "xmpRights",
        "http://ns.adobe.com/camera-raw-settings/1.0/": "crs",
        "http://ns.microsoft.com/photo/1.0/": "microsoft",
        "http://ns.microsoft.com/photo/1.0": "microsoft",
        "http://ns.adobe.com/lightroom/1.0/": "lr",
        "http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/": "iptcCore",
        "http://iptc.org/std/Iptc4xmpExt/2008-02-29/": "iptcExt",
        "http://ns.adobe.com/pdf/1.3/": "pdf",
        "http://ns.adobe.com/xmp/1.0/DynamicMedia/": "xmpDM",
        "http://ns.google.com/photos/1.0/camera/": "GCamera",
        "http://www.dji.com/drone-dji/1.0/": "drone-dji",
    ]

    /// exiftool's shorter names for flattened structures, by group: the start of the path
    /// and what stands for it (MWG face regions: `Regions/RegionList/Name` is `RegionName`).
    static let prefixRenames: [String: [(path: String, name: String)]] = [
        "mwg-rs": [("RegionsRegionList", "Region"), ("Regions", "Region")],
    ]

    /// exiftool names that differ from the capitalised property name, by group.
    static let renames: [String: [String: String]] = [
        "exif": ["ExposureBiasValue": "ExposureCompensation", "FocalLengthIn35mmFilm": "FocalLengthIn35mmFormat",
                 "GPSTimeStamp": "GPSDateTime", "ISOSpeedRatings": "ISO", "OECF": "Opto-ElectricConvFactor",
                 "PixelXDimension": "ExifImageWidth", "PixelYDimension": "ExifImageHeight"],
        "tiff": ["ImageLength": "ImageHeight"],
        "photoshop": ["ICCProfile": "ICCProfileName", "TextLayersLayerName": "TextLayerName", "TextLayersLayerText": "TextLayerText"],
        "x": ["Xmptk": "XMPToolkit"],
        "exifEX": ["BodySerialNumber": "SerialNumber", "CameraOwnerName": "OwnerName", "InteroperabilityIndex": "InteropIndex",
                   "LensSpecification": "LensInfo", "Temperature": "AmbientTemperature"],
        "crs": ["Temperature": "ColorTemperature"],
        // IPTC Core's creator contact structure, flattened under exiftool's short names.
        "iptcCore": ["CreatorContactInfoCiAdrCity": "CreatorCity", "CreatorContactInfoCiAdrCtry": "CreatorCountry",
                     "CreatorContactInfoCiAdrExtadr": "CreatorAddress", "CreatorContactInfoCiAdrPcode": "CreatorPostalCode",
                     "CreatorContactInfoCiAdrRegion": "CreatorRegion", "CreatorContactInfoCiEmailWork": "CreatorWorkEmail",
                     "CreatorContactInfoCiTelWork": "CreatorWorkTelephone", "CreatorContactInfoCiUrlWork": "CreatorWorkURL"],
        "microsoft": ["CreatorAppId": "CreatorAppID", "Rating": "RatingPercent"],
        "xmp": ["ThumbnailsFormat": "ThumbnailFormat", "ThumbnailsHeight": "ThumbnailHeight",
                "ThumbnailsImage": "ThumbnailImage", "ThumbnailsWidth": "ThumbnailWidth"],
        // DJI drones write signed decimal degrees (and misspell one name; exiftool keeps it).
        "drone-dji": ["GpsLatitude": "GPSLatitude", "GpsLongitude": "GPSLongitude", "GpsLongtitude": "GPSLongtitude"],
    ]

    /// Namespaces whose `n/d` values are rationals that exiftool prints as numbers.
    private static let rationalGroups: Set<String> = ["exif", "tiff", "aux", "exifEX", "crs"]

    /// The tags in `packet`, in document order; a packet that is not well-formed XML yields
    /// what was read before the error plus a warning.
    static func tags(in packet: some Collection<UInt8>, warnings: inout [String]) -> [MetadataTag] {
        // The reader reads UTF-8; a UTF-16 packet (usually with a byte-order mark) is converted.
        guard var bytes = XMLReader.utf8(Array(packet)) else {
            warnings.append("XMP: packet is not valid UTF-16; not parsed")
            return []
        }
        // Packets are often padded with NULs or spaces after the closing processing instruction:
        // the NULs go (they are no XML characters), the spaces are white space the reader skips.
        while let last = bytes.last, last == 0 { bytes.removeLast() }
        // XML with an invalid encoding is not well-formed, and a packet that is not even text
        // is refused whole rather than read up to its first bad byte.
        if String(validating: bytes, as: UTF8.self) == nil {
            warnings.append("XMP: packet is not valid UTF-8; not parsed")
            return []
        }
        var reader = XMLReader(bytes)
        var builder = TreeBuilder()
        do {
            while let event = try reader.next() { builder.consume(event) }
        } catch {
            warnings.append("XMP: not well-formed XML (\(error))")
        }
        var collector = Collector()
        if let root = builder.root { collector.walk(root) }
        return collector.finish()
    }

    /// A parsed XML element with resolved namespace URIs.
    final class Element {
        let uri: String
        let local: String
        let prefix: String
        var attributes: [(uri: String, local: String, prefix: String, value: String)] = []
        var children: [Element] = []
        var text = ""
        init(uri: String, local: String, prefix: String) {
            self.uri = uri
            self.local = local
            self.prefix = prefix
        }
        /// An `rdf:` attribute's value.
        func rdfAttribute(_ local: String) -> String? {
            attributes.first { $0.uri == rdfURI && $0.local == local }?.value
        }
        var isRDF: Bool { uri == rdfURI }
    }

    static let rdfURI = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let xmlURI = "http://www.w3.org/XML/1998/namespace"

    /// Whether an attribute is a property (not rdf:…, xml:lang or an unqualified name).
    static func isProperty(_ uri: String) -> Bool {
        !uri.isEmpty && uri != rdfURI && uri != xmlURI
    }

    /// Builds the element tree from the reader's events, resolving `xmlns` declarations by scope.
    /// The reader bounds the nesting (``XMLReader/defaultMaxDepth``), so the tree's depth is too.
    struct TreeBuilder {
        private(set) var root: Element?
        private var stack: [Element] = []
        private var scopes: [[String: String]] = [["xml": xmlURI]]

        /// Adds one event to the tree.
        mutating func consume(_ event: XMLReader.Event) {
            switch event {
            case .start(let name, let attributes): start(name, attributes)
            case .end:
                if !stack.isEmpty { stack.removeLast() }
                if scopes.count > 1 { scopes.removeLast() }
            // `<![CDATA[…]]>` is text like any other.
            case .text(let text), .cdata(let text): stack.last?.text += text
            }
        }

        private func resolve(_ qualified: String) -> (uri: String, local: String, prefix: String) {
            // Keep empty pieces: ":" is a well-formed XML name (and "" once came from libxml2),
            // and neither must leave `parts` empty.
            let parts = qualified.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            let (prefix, local) = parts.count == 2 ? (parts[0], parts[1]) : ("", parts[0])
            for scope in scopes.reversed() {
                if let uri = scope[prefix] { return (uri, local, prefix) }
            }
            return ("", local, prefix)
        }

        private mutating func start(_ elementName: String, _ attributes: [XMLReader.Attribute]) {
            var scope: [String: String] = [:]
            for attribute in attributes where !XMPParser.isForbiddenDeclaration(attribute) {
                let key = attribute.name
                if key == "xmlns" { scope[""] = attribute.value } else if key.hasPrefix("xmlns:") { scope[String(key.dropFirst(6))] = attribute.value }
            }
            scopes.append(scope)
            let name = resolve(elementName)
            let element = Element(uri: name.uri, local: name.local, prefix: name.prefix)
            // By name, not in document order: the order the tags have always had (Foundation's
            // XMLParser handed the attributes over as a dictionary, sorted here for stable output).
            for attribute in attributes.sorted(by: { $0.name < $1.name }) where attribute.name != "xmlns" && !attribute.name.hasPrefix("xmlns:") {
                let resolved = resolve(attribute.name)
                element.attributes.append((resolved.uri, resolved.local, resolved.prefix, attribute.value))
            }
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }
    }

    /// Whether an attribute is a namespace declaration that Namespaces in XML 1.0 forbids and
    /// that libxml2 therefore never reported, so scopes resolve as they always have: binding
    /// the `xml` or `xmlns` prefix, binding their URIs, or undeclaring a prefix (`xmlns:p=""`).
    /// Names such as `xmlns:` or `xmlns:1a` are no declaration (no prefix follows), only
    /// attributes, and stay.
    static func isForbiddenDeclaration(_ attribute: XMLReader.Attribute) -> Bool {
        let reserved = [xmlURI, "http://www.w3.org/2000/xmlns/"]
        if attribute.name == "xmlns" { return reserved.contains(attribute.value) }
        guard attribute.name.hasPrefix("xmlns:") else { return false }
        let prefix = attribute.name.dropFirst(6)
        guard let first = prefix.unicodeScalars.first, first != ":", XMLReader.isNameStart(first) else { return false }
        return prefix == "xml" || prefix == "xmlns" || attribute.value.isEmpty || reserved.contains(attribute.value)
    }

    /// Turns rdf:Description properties into flattened, grouped tags.
    struct Collector {
        private var order: [String] = []
        private var values: [String: (tag: MetadataTag, items: [TagValue], isList: Bool)] = [:]

        mutating func walk(_ element: Element) {
            if element.isRDF && element.local == "Description" {
                description(element)
                return
            }
            if element.uri == "adobe:ns:meta/" {
                for attribute in element.attributes where attribute.local == "xmptk" {
                    add(group: "x", name: "XMPToolkit", value: .string(attribute.value), isList: false)
                }
            }
            for child in element.children { walk(child) }
        }

        private mutating func description(_ element: Element) {
            if let about = element.rdfAttribute("about"), !about.isEmpty {
                add(group: "rdf", name: "About", value: .string(about), isList: false)
            }
            for attribute in element.attributes where XMPParser.isProperty(attribute.uri) {
                let group = XMPParser.group(uri: attribute.uri, prefix: attribute.prefix)
                add(group: group, name: capitalised(attribute.local), value: attribute.value, isList: false)
            }
            for child in element.children where !child.isRDF {
                let group = XMPParser.group(uri: child.uri, prefix: child.prefix)
                property(child, group: group, name: capitalised(child.local), inList: false)
            }
        }

        /// One property: simple text, a structure (flattened), or an rdf container.
        private mutating func property(_ element: Element, group: String, name: String, inList: Bool) {
            if let container = element.children.first(where: { $0.isRDF && ["Bag", "Seq", "Alt"].contains($0.local) }) {
                let items = container.children.filter { $0.isRDF && $0.local == "li" }
                if container.local == "Alt" {
                    // exiftool reports a lang-alt's x-default (or unlabelled) item under the
                    // plain name and each other language as Name-<lang>: Title, Title-ar.
                    for item in items {
                        let language = item.attributes.first { $0.uri == XMPParser.xmlURI && $0.local == "lang" }?.value
                        let itemName = language.map { $0 == "x-default" || $0.isEmpty ? name : name + "-" + $0 } ?? name
                        property(item, group: group, name: itemName, inList: inList)
                    }
                    return
                }
                if items.isEmpty { add(group: group, name: name, value: "", isList: true, empty: true) }
                for item in items {
                    property(item, group: group, name: name, inList: true)
                }
                return
            }
            let structFields: [Element]
            var structAttributes = element.attributes.filter { XMPParser.isProperty($0.uri) }
            if element.rdfAttribute("parseType") == "Resource" {
                structFields = element.children
            } else if let inner = element.children.first(where: { $0.isRDF && $0.local == "Description" }) {
                structFields = inner.children
                structAttributes += inner.attributes.filter { XMPParser.isProperty($0.uri) }
            } else {
                structFields = element.children.filter { !$0.isRDF }
            }
            if structFields.isEmpty && structAttributes.isEmpty {
                let text = element.rdfAttribute("resource") ?? element.text
                add(group: group, name: name, value: text, isList: inList)
                return
            }
            for attribute in structAttributes {
                add(group: group, name: name + capitalised(attribute.local), value: attribute.value, isList: inList)
            }
            for field in structFields {
                property(field, group: group, name: name + capitalised(field.local), inList: inList)
            }
        }

        private mutating func add(group: String, name: String, value: String, isList: Bool, empty: Bool = false) {
            // exiftool's tag names hold letters, digits, "-" and "_" only: AVM's element
            // `Spatial.Equinox` is its SpatialEquinox.
            let name = String(name.unicodeScalars.filter { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" })
            var exiftoolName = XMPParser.renames[group]?[name] ?? name
            if let prefix = XMPParser.prefixRenames[group]?.first(where: { exiftoolName.hasPrefix($0.path) }) {
                exiftoolName = prefix.name + exiftoolName.dropFirst(prefix.path.count)
            }
            let converted = empty ? nil : XMPParser.convert(value, group: group, name: exiftoolName)
            add(group: group, name: exiftoolName, value: converted, isList: isList)
        }

        private mutating func add(group: String, name: String, value: TagValue?, isList: Bool) {
            let key = group + ":" + name
            if values[key] == nil {
                order.append(key)
                values[key] = (MetadataTag(group: "XMP-" + group, name: name, value: .string("")), [], isList)
            }
            if let value { values[key]!.items.append(value) }
            if isList { values[key]!.isList = true }
        }

        func finish() -> [MetadataTag] {
            order.compactMap { key in
                guard var entry = values[key] else { return nil }
                if entry.tag.name == "LensInfo" {
                    // exiftool joins this rational Seq into one space-separated value.
                    entry.tag.value = .string(entry.items.map(\.exiftoolText).joined(separator: " "))
                } else if entry.items.isEmpty {
                    entry.tag.value = .string("")  // an empty Bag or Seq: exiftool prints ""
                } else if entry.isList && entry.items.count != 1 {
                    entry.tag.value = .list(entry.items)
                } else {
                    entry.tag.value = entry.items.first ?? .string("")
                }
                return entry.tag
            }
        }

        private func capitalised(_ name: String) -> String {
            guard let first = name.first else { return name }
            return first.uppercased() + name.dropFirst()
        }
    }

    /// exiftool's family-1 suffix for a namespace.
    static func group(uri: String, prefix: String) -> String {
        groupByURI[uri] ?? (prefix.isEmpty ? "unknown" : prefix)
    }

    /// exiftool `-n` conversions: ISO dates to EXIF style, rationals and numbers to numbers,
    /// APEX values to seconds/f-numbers.
    static func convert(_ raw: String, group: String, name: String) -> TagValue {
        let text = raw
        if let date = exifStyleDate(text) { return .string(date) }
        if group == "exif", name.hasSuffix("Latitude") || name.hasSuffix("Longitude"), let degrees = coordinate(text) {
            return .double(degrees)
        }
        // XMP booleans: exiftool's JSON prints them as true/false.
        if text == "True" { return .boolean(true) }
        if text == "False" { return .boolean(false) }
        if rationalGroups.contains(group), text.contains("/"), text.contains(" ") {
            // A space-separated list of rationals (aux:LensInfo): each becomes a number.
            let parts = text.split(separator: " ").map { rational(String($0)) }
            if parts.allSatisfy({ $0 != nil }) {
                return .string(parts.map { TagValue.format($0!) }.joined(separator: " "))
            }
        }
        var number: Double?
        if rationalGroups.contains(group), let slash = text.firstIndex(of: "/"),
           let n = Double(text[..<slash]), let d = Double(text[text.index(after: slash)...]), !text.contains(" ") {
            number = d == 0 ? (n == 0 ? .nan : .infinity) : n / d
        }
        if group == "exif", let value = number ?? leadingNumber(text) {
            switch name {
            case "ShutterSpeedValue": return .double(abs(value) < 100 ? pow(2, -value) : 0)
            case "ApertureValue", "MaxApertureValue": return .double(pow(2, value / 2))
            default: break
            }
        }
        if let number { return .double(number) }
        if let integer = Int64(text), !text.hasPrefix("+"), !(text.hasPrefix("0") && text.count > 1) {
            return .integer(integer)
        }
        return .string(text)
    }

    /// An XMP GPS coordinate, `DDD,MM.mmk` or `DDD,MM,SSk` (k one of N S E W), in signed
    /// decimal degrees, as exiftool `-n` gives it: "33,18.912N" → 33.3152, "33,30.0S" → -33.5.
    static func coordinate(_ text: String) -> Double? {
        guard let hemisphere = text.last, "NSEW".contains(hemisphere) else { return nil }
        let parts: [Double?] = text.dropLast().split(separator: ",", omittingEmptySubsequences: false).map { Double(String($0).trimmingSpaces) }
        guard (2...3).contains(parts.count) else { return nil }
        let numbers = parts.compactMap { $0 }
        guard numbers.count == parts.count else { return nil }
        let degrees: Double = numbers[0] + numbers[1] / 60 + (numbers.count == 3 ? numbers[2] / 3600 : 0)
        guard degrees.isFinite else { return nil }  // Double("nan"), Double("inf") parse
        return hemisphere == "S" || hemisphere == "W" ? -degrees : degrees
    }

    /// `n/d` as a quotient.
    static func rational(_ text: String) -> Double? {
        guard let slash = text.firstIndex(of: "/"), let n = Double(text[..<slash]),
              let d = Double(text[text.index(after: slash)...]) else { return Double(text) }
        return d == 0 ? (n == 0 ? .nan : .infinity) : n / d
    }

    /// The number at the start of `text`, as Perl's numeric conversion reads it ("4,90 EV" → 4).
    static func leadingNumber(_ text: String) -> Double? {
        let prefix = text.trimmingSpaces.prefix { "0123456789.-+eE".contains($0) }
        return Double(prefix)
    }

    /// "2008-03-15T09:52:01-04:00" → "2008:03:15 09:52:01-04:00"; "2003-08-31" → "2003:08:31".
    static func exifStyleDate(_ text: String) -> String? {
        let chars = Array(text.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.upperBound <= chars.count && chars[range].allSatisfy { (0x30...0x39).contains($0) } }
        guard chars.count >= 10, digits(0..<4), chars[4] == 0x2D, digits(5..<7), chars[7] == 0x2D, digits(8..<10) else {
            if chars.count == 7, digits(0..<4), chars[4] == 0x2D, digits(5..<7) { return text.replacingOccurrences(of: "-", with: ":") }
            return nil
        }
        var result = String(decoding: chars[0..<10], as: UTF8.self).replacingOccurrences(of: "-", with: ":")
        if chars.count == 10 { return result }
        guard chars[10] == 0x54, isTimeOfDay(chars[11...]) else { return nil }
        result += " " + String(decoding: chars[11...], as: UTF8.self)
        return result
    }

    /// `HH:MM[:SS]` then anything without white space (fractions, a zone, even "+1:00"), as
    /// exiftool's date pattern has it: a text that only starts with a date (a history log,
    /// "2012-06-29T09:54:42-04:00<tab>File … saved") is no date.
    private static func isTimeOfDay(_ chars: ArraySlice<UInt8>) -> Bool {
        let digit = { (byte: UInt8) in (0x30...0x39).contains(byte) }
        let head = Array(chars.prefix(5))
        guard head.count == 5, digit(head[0]), digit(head[1]), head[2] == 0x3A, digit(head[3]), digit(head[4]) else { return false }
        return !chars.dropFirst(5).contains { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
    }
}
