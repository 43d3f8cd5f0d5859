import Foundation
@testable import ImageMetadata
import Testing

/// Metadata that writers split over several segments, repeat, or encode off the standard:
/// files built here, each expectation from the construction.
@Suite struct SplitAndOddMetadataTests {
    static func segment(_ marker: UInt8, _ payload: [UInt8]) -> [UInt8] {
        let length = payload.count + 2
        return [0xFF, marker, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
    }

    static func jpeg(_ segments: [[UInt8]]) -> [UInt8] {
        [0xFF, 0xD8] + segments.flatMap { $0 } + [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x07, 0x00, 0x09, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9]
    }

    static func dataset(_ record: UInt8, _ number: UInt8, _ value: [UInt8]) -> [UInt8] {
        [0x1C, record, number, UInt8(value.count >> 8), UInt8(value.count & 0xFF)] + value
    }

    static func photoshopResource(_ iim: [UInt8]) -> [UInt8] {
        var resource = Array("8BIM".utf8) + [0x04, 0x04, 0x00, 0x00] + PNGBuilder.be32(UInt32(iim.count)) + iim
        if iim.count % 2 == 1 { resource.append(0) }
        return resource
    }

    /// Photoshop splits resources past 64 kB over APP13 segments; the IPTC is read across them.
    @Test func iptcSplitOverTwoAPP13SegmentsIsJoined() throws {
        let iim = Self.dataset(2, 0, [0, 4]) + Self.dataset(2, 120, Array("caption at the end".utf8))
        let resource = Self.photoshopResource(iim)
        let signature = Array("Photoshop 3.0\0".utf8)
        let cut = 20
        let file = Self.jpeg([Self.segment(0xED, signature + resource[..<cut]), Self.segment(0xED, signature + resource[cut...])])
        let metadata = try MetadataReader.read(file)
        #expect(metadata.grouped("IPTC:Caption-Abstract") == .string("caption at the end"))
        #expect(metadata.grouped("IPTC:ApplicationRecordVersion") == .integer(4))
    }

    /// A dataset past 32 kB uses the extended length (high bit, then the length's own bytes).
    @Test func iptcExtendedLengthDatasetIsRead() throws {
        let caption = [UInt8](repeating: 0x41, count: 40_000)
        let extended = [0x1C, 2, 120, 0x80, 0x04] + PNGBuilder.be32(UInt32(caption.count)) + caption
        let iim = extended + Self.dataset(2, 105, Array("after long".utf8))
        // One segment holds at most 65,533 bytes: this caption fits.
        let file = Self.jpeg([Self.segment(0xED, Array("Photoshop 3.0\0".utf8) + Self.photoshopResource(iim))])
        let metadata = try MetadataReader.read(file)
        #expect(metadata.grouped("IPTC:Caption-Abstract") == .string(String(repeating: "A", count: 40_000)))
        #expect(metadata.grouped("IPTC:Headline") == .string("after long"))
        #expect(metadata.warnings.isEmpty, "\(metadata.warnings)")
    }

    /// IPTC dates with dashes become exiftool's colons; a record-2 dataset 70 (ProgramVersion)
    /// is text, not a date.
    @Test func iptcDatesAreNormalisedAndOnlyDates() throws {
        let iim = Self.dataset(2, 55, Array("2019-10-18".utf8)) + Self.dataset(2, 70, Array("20240101".utf8))
        let file = Self.jpeg([Self.segment(0xED, Array("Photoshop 3.0\0".utf8) + Self.photoshopResource(iim))])
        let metadata = try MetadataReader.read(file)
        #expect(metadata.grouped("IPTC:DateCreated") == .string("2019:10:18"))
        #expect(metadata.grouped("IPTC:ProgramVersion") == .string("20240101"))
    }

    /// A packet past 64 kB: the main packet names a GUID, the rest comes in chunks (here out of
    /// order) that are put together and read as XMP too.
    @Test func extendedXMPIsPutTogetherAndRead() throws {
        let guid = "61D42A9D0B6F4CB1A1A3C6E5B4D3F201"
        let main = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:xmpNote="http://ns.adobe.com/xmp/note/" xmpNote:HasExtendedXMP="\(guid)"/>
            </rdf:RDF></x:xmpmeta>
            """
        let rest = Array("""
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Headline="from the extended packet"/>
            </rdf:RDF></x:xmpmeta>
            """.utf8)
        let signature = Array("http://ns.adobe.com/xmp/extension/\0".utf8)
        func chunk(_ from: Int, _ to: Int) -> [UInt8] {
            Self.segment(0xE1, signature + Array(guid.utf8) + PNGBuilder.be32(UInt32(rest.count)) + PNGBuilder.be32(UInt32(from)) + rest[from..<to])
        }
        let half = rest.count / 2
        let xmp = Self.segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0".utf8) + Array(main.utf8))
        let whole = try MetadataReader.read(Self.jpeg([xmp, chunk(half, rest.count), chunk(0, half)]))
        #expect(whole.grouped("XMP-photoshop:Headline") == .string("from the extended packet"))
        #expect(whole.warnings.isEmpty, "\(whole.warnings)")
        // A chunk missing: nothing from it, and a warning.
        let partial = try MetadataReader.read(Self.jpeg([xmp, chunk(half, rest.count)]))
        #expect(partial.grouped("XMP-photoshop:Headline") == nil)
        #expect(partial.warnings.contains { $0.contains("missing chunks") })
    }

    /// MWG face regions (Lightroom, phone galleries) take exiftool's short names.
    @Test func faceRegionsTakeExiftoolsNames() throws {
        let packet = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:mwg-rs="http://www.metadataworkinggroup.com/schemas/regions/"
                xmlns:stDim="http://ns.adobe.com/xap/1.0/sType/Dimensions#" xmlns:stArea="http://ns.adobe.com/xmp/sType/Area#">
             <mwg-rs:Regions rdf:parseType="Resource">
              <mwg-rs:AppliedToDimensions stDim:w="4032" stDim:h="3024" stDim:unit="pixel"/>
              <mwg-rs:RegionList><rdf:Bag>
               <rdf:li rdf:parseType="Resource"><mwg-rs:Name>أحمد</mwg-rs:Name><mwg-rs:Type>Face</mwg-rs:Type>
                <mwg-rs:Area stArea:x="0.25" stArea:y="0.4" stArea:w="0.1" stArea:h="0.15" stArea:unit="normalized"/></rdf:li>
              </rdf:Bag></mwg-rs:RegionList>
             </mwg-rs:Regions>
            </rdf:Description></rdf:RDF></x:xmpmeta>
            """
        let file = Self.jpeg([Self.segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0".utf8) + Array(packet.utf8))])
        let metadata = try MetadataReader.read(file)
        #expect(metadata.grouped("XMP-mwg-rs:RegionName") == .string("أحمد"), "one region: one value, as exiftool prints it")
        #expect(metadata.grouped("XMP-mwg-rs:RegionAppliedToDimensionsW") != nil)
        #expect(metadata.grouped("XMP-mwg-rs:RegionAreaX") != nil)
        #expect(metadata.grouped("XMP-mwg-rs:RegionsRegionListName") == nil)
    }

    /// exiftool's names hold letters, digits, "-" and "_" only (AVM's `Spatial.Equinox` is
    /// SpatialEquinox), and a text that only starts with a date, a Photoshop history log, is
    /// not turned into an EXIF date; a date with an odd zone ("+1:00") still is (CLI probe
    /// round 9, L6).
    @Test func namesAndDatesAsExiftoolHasThem() throws {
        let packet = """
            <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
            <rdf:Description rdf:about="" xmlns:avm="http://www.communicatingastronomy.org/avm/1.0/"
                xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/">
             <avm:Spatial.Equinox>2000</avm:Spatial.Equinox>
             <photoshop:History>2012-06-29T09:54:42-04:00	File a.psd saved
            2012-06-29T10:07:37-04:00	File a.psd closed</photoshop:History>
             <exif:DateTimeOriginal>2008-05-25T19:31:26.0+1:00</exif:DateTimeOriginal>
            </rdf:Description></rdf:RDF></x:xmpmeta>
            """
        let file = Self.jpeg([Self.segment(0xE1, Array("http://ns.adobe.com/xap/1.0/\0".utf8) + Array(packet.utf8))])
        let metadata = try MetadataReader.read(file)
        #expect(metadata.grouped("XMP-avm:SpatialEquinox") == .integer(2000))
        #expect(metadata.grouped("XMP-photoshop:History").map { "\($0)".contains("2012-06-29T09:54:42-04:00") } == true)
        #expect(metadata.grouped("XMP-exif:DateTimeOriginal") == .string("2008:05:25 19:31:26.0+1:00"))
    }

    /// A second EXIF or XMP segment is not read, but said.
    @Test func aSecondEXIFSegmentIsReported() throws {
        let first = Self.segment(0xE1, Array("Exif\0\0".utf8) + ConstructedFileTests.tiffBlock(orientation: 1, make: "First"))
        let second = Self.segment(0xE1, Array("Exif\0\0".utf8) + ConstructedFileTests.tiffBlock(orientation: 1, make: "Second"))
        let metadata = try MetadataReader.read(Self.jpeg([first, second]))
        #expect(metadata.grouped("IFD0:Make") == .string("First"))
        #expect(metadata.warnings.contains { $0.contains("another EXIF segment") })
    }

    /// UserComment: UTF-16 in the other byte order than the file's (Microsoft's writers), and
    /// a comment with no character-code header, kept whole.
    @Test func userCommentsAsWritersWriteThem() {
        let littleEndian = Array("UNICODE\0".utf8) + "Windows wrote this".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(ExifTagDecoder.userComment(littleEndian, bigEndian: true) == "Windows wrote this")
        #expect(ExifTagDecoder.userComment(littleEndian, bigEndian: false) == "Windows wrote this")
        let arabic = Array("UNICODE\0".utf8) + "صورة من حلب".utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        #expect(ExifTagDecoder.userComment(arabic, bigEndian: false) == "صورة من حلب")
        #expect(ExifTagDecoder.userComment(Array("صورة من حلب".utf8), bigEndian: false) == "صورة من حلب")
        #expect(ExifTagDecoder.userComment(Array("ASCII\0\0\0caption  ".utf8), bigEndian: false) == "caption")
        #expect(ExifTagDecoder.userComment([UInt8](repeating: 0, count: 8) + Array("plain".utf8), bigEndian: false) == "plain")
    }

    /// exiftool's ExifDate: the last year, month and day, any separators.
    @Test(arguments: [("2023-04-05", "2023:04:05"), ("20191018", "2019:10:18"), ("2023:04:05", "2023:04:05"),
                      ("2023/4/5", "2023/4/5"), ("", ""), ("2023-04-05\0", "2023:04:05")])
    func datesTakeExiftoolsColons(_ written: String, _ shown: String) {
        #expect(ExifTagDecoder.exifDate(written) == shown)
    }
}
