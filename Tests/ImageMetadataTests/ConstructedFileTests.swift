import Foundation
import ImageDecoding
@testable import ImageMetadata
import Testing

/// Files built in the test, so every expectation comes from the construction itself.
@Suite struct ConstructedFileTests {
    static let xmpPacket = """
        <?xpacket begin="\u{FEFF}" id="W5M0MpCehiHzreSzNTczkc9d"?>
        <x:xmpmeta xmlns:x="adobe:ns:meta/" x:xmptk="Imprint test">
         <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
          <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
              xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
              xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#"
              xmp:CreatorTool="Constructed Tool 1.0" xmp:CreateDate="2021-06-01T12:34:56+02:00">
           <dc:creator><rdf:Seq><rdf:li>Ada</rdf:li><rdf:li>Grace</rdf:li></rdf:Seq></dc:creator>
           <dc:rights><rdf:Alt><rdf:li xml:lang="x-default">Public domain</rdf:li></rdf:Alt></dc:rights>
           <xmpMM:DocumentID>xmp.did:1234</xmpMM:DocumentID>
           <xmpMM:History><rdf:Seq>
             <rdf:li rdf:parseType="Resource"><stEvt:action>created</stEvt:action></rdf:li>
             <rdf:li rdf:parseType="Resource"><stEvt:action>saved</stEvt:action></rdf:li>
           </rdf:Seq></xmpMM:History>
          </rdf:Description>
         </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end="w"?>
        """

    static func checkXMP(_ metadata: FileMetadata) {
        #expect(metadata.grouped("XMP-xmp:CreatorTool") == .string("Constructed Tool 1.0"))
        #expect(metadata.grouped("XMP-xmp:CreateDate") == .string("2021:06:01 12:34:56+02:00"))
        #expect(metadata.grouped("XMP-dc:Creator") == .list([.string("Ada"), .string("Grace")]))
        #expect(metadata.grouped("XMP-dc:Rights") == .string("Public domain"))
        #expect(metadata.grouped("XMP-xmpMM:DocumentID") == .string("xmp.did:1234"))
        #expect(metadata.grouped("XMP-xmpMM:HistoryAction") == .list([.string("created"), .string("saved")]))
        #expect(metadata.grouped("XMP-x:XMPToolkit") == .string("Imprint test"))
    }

    /// A big-endian TIFF block with IFD0 = { Orientation (SHORT), Make (ASCII) }.
    static func tiffBlock(orientation: UInt16, make: String) -> [UInt8] {
        var makeBytes = Array(make.utf8) + [0]
        if makeBytes.count % 2 == 1 { makeBytes.append(0) }
        let dataOffset = 8 + 2 + 2 * 12 + 4
        var block: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A, 0, 0, 0, 8, 0, 2]
        block += [0x01, 0x0F, 0x00, 0x02] + PNGBuilder.be32(UInt32(make.utf8.count + 1)) + PNGBuilder.be32(UInt32(dataOffset))
        block += [0x01, 0x12, 0x00, 0x03, 0, 0, 0, 1, UInt8(orientation >> 8), UInt8(orientation & 0xFF), 0, 0]
        block += [0, 0, 0, 0]
        return block + makeBytes
    }

    @Test func pngWithITXtXMPAndEXIf() throws {
        let itxt = PNGBuilder.chunk("iTXt", Array("XML:com.adobe.xmp".utf8) + [0, 0, 0, 0, 0] + Array(Self.xmpPacket.utf8))
        let exif = PNGBuilder.chunk("eXIf", Self.tiffBlock(orientation: 6, make: "PNGCAM"))
        let png = PNGBuilder.png(width: 5, height: 3, extraChunks: [exif, itxt])
        let metadata = try MetadataReader.read(png)
        #expect(metadata.format == .png)
        #expect(metadata.imageWidth == 5 && metadata.imageHeight == 3)
        #expect(metadata.grouped("PNG:ImageWidth") == .integer(5))
        #expect(metadata.orientation == 6)
        #expect(metadata.grouped("IFD0:Make") == .string("PNGCAM"))
        #expect(metadata.warnings.isEmpty, "\(metadata.warnings)")
        Self.checkXMP(metadata)
        // Without groups, EXIF's Make and XMP's fields each appear once.
        let bare = metadata.keyedTags(grouped: false)
        #expect(Set(bare.map(\.key)).count == bare.count)
    }

    @Test func webpWithEXIFAndXMPChunks() throws {
        func chunk(_ type: String, _ data: [UInt8]) -> [UInt8] {
            let size = UInt32(data.count)
            var out = Array(type.utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)]
            out += data
            if data.count % 2 == 1 { out.append(0) }
            return out
        }
        // VP8X: flags (EXIF 0x08 | XMP 0x04), reserved, canvas (w-1, h-1) as 24-bit LE.
        let vp8x = chunk("VP8X", [0x0C, 0, 0, 0, 0x3F, 0x01, 0x00, 0xC7, 0x00, 0x00])  // 320 × 200
        let body = Array("WEBP".utf8) + vp8x + chunk("EXIF", Self.tiffBlock(orientation: 3, make: "WEBCAM"))
            + chunk("XMP ", Array(Self.xmpPacket.utf8))
        let size = UInt32(body.count)
        let webp = Array("RIFF".utf8) + [UInt8(size & 0xFF), UInt8(size >> 8 & 0xFF), UInt8(size >> 16 & 0xFF), UInt8(size >> 24)] + body
        let metadata = try MetadataReader.read(webp)
        #expect(metadata.format == .webp)
        #expect(metadata.imageWidth == 320 && metadata.imageHeight == 200)
        #expect(metadata.orientation == 3)
        #expect(metadata.grouped("IFD0:Make") == .string("WEBCAM"))
        #expect(metadata.grouped("File:FileType") == .string("Extended WEBP"), "exiftool's name for a VP8X file")
        Self.checkXMP(metadata)
    }

    @Test func jpegWithXMPAPP1() throws {
        let signature = Array("http://ns.adobe.com/xap/1.0/\0".utf8)
        let payload = signature + Array(Self.xmpPacket.utf8)
        let length = UInt16(payload.count + 2)
        var jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        jpeg += [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x07, 0x00, 0x09, 0x01, 0x01, 0x11, 0x00]  // SOF0 9×7 grey
        jpeg += [0xFF, 0xD9]
        let metadata = try MetadataReader.read(jpeg)
        #expect(metadata.imageWidth == 9 && metadata.imageHeight == 7)
        #expect(metadata.grouped("File:ImageWidth") == .integer(9))
        Self.checkXMP(metadata)
    }

    /// An agency-style APP13: Photoshop resources holding IPTC-IIM, caption in Arabic.
    @Test func jpegWithIPTCInAPP13() throws {
        func dataset(_ record: UInt8, _ number: UInt8, _ value: [UInt8]) -> [UInt8] {
            [0x1C, record, number, UInt8(value.count >> 8), UInt8(value.count & 0xFF)] + value
        }
        var iim = dataset(1, 90, [0x1B, 0x25, 0x47]) + dataset(2, 0, [0, 4])
        iim += dataset(2, 120, Array("رفع العلم فوق مطار الطبقة".utf8)) + dataset(2, 25, Array("Tabqa".utf8))
        iim += dataset(2, 25, Array("الطبقة".utf8)) + dataset(2, 55, Array("20170502".utf8)) + dataset(2, 60, Array("143000+0300".utf8))
        iim += dataset(2, 90, Array("Tabqa".utf8))
        let size = UInt32(iim.count)
        // One 8BIM resource 0x0404 with an empty (padded) name; data padded to even length.
        var resource = Array("8BIM".utf8) + [0x04, 0x04, 0x00, 0x00] + PNGBuilder.be32(size) + iim
        if iim.count % 2 == 1 { resource.append(0) }
        let payload = Array("Photoshop 3.0\0".utf8) + resource
        let length = UInt16(payload.count + 2)
        var jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xED, UInt8(length >> 8), UInt8(length & 0xFF)] + payload
        jpeg += [0xFF, 0xC0, 0x00, 0x0B, 0x08, 0x00, 0x07, 0x00, 0x09, 0x01, 0x01, 0x11, 0x00, 0xFF, 0xD9]
        let metadata = try MetadataReader.read(jpeg)
        #expect(metadata.grouped("IPTC:Caption-Abstract") == .string("رفع العلم فوق مطار الطبقة"))
        #expect(metadata.grouped("IPTC:Keywords") == .list([.string("Tabqa"), .string("الطبقة")]))
        #expect(metadata.grouped("IPTC:ApplicationRecordVersion") == .integer(4))
        #expect(metadata.grouped("IPTC:DateCreated") == .string("2017:05:02"))
        #expect(metadata.grouped("IPTC:TimeCreated") == .string("14:30:00+03:00"))
        #expect(metadata.grouped("IPTC:City") == .string("Tabqa"))
        #expect(metadata.warnings.isEmpty, "\(metadata.warnings)")
    }

    /// TIFF files carry IPTC-IIM in IFD0's IPTC-NAA entry (tag 33723), as news agencies'
    /// TIFFs do; exiftool reports it as IPTC. With 70,000 bytes of pixels before IFD0 the
    /// metadata is compacted for libexif first, which must keep the entry.
    @Test(arguments: [0, 70_000])
    func tiffWithIPTCInIFD0(pixelBytes: Int) throws {
        var iim: [UInt8] = [0x1C, 2, 0, 0, 2, 0, 4]
        let caption = Array("رفع العلم فوق معبر نصيب".utf8)
        iim += [0x1C, 2, 120, UInt8(caption.count >> 8), UInt8(caption.count & 0xFF)] + caption
        let ifd0 = 8 + pixelBytes
        let dataOffset = ifd0 + 2 + 3 * 12 + 4
        var tiff: [UInt8] = [0x4D, 0x4D, 0x00, 0x2A] + PNGBuilder.be32(UInt32(ifd0)) + [UInt8](repeating: 0, count: pixelBytes) + [0, 3]
        tiff += [0x01, 0x00, 0x00, 0x03, 0, 0, 0, 1, 0, 4, 0, 0]  // ImageWidth 4
        tiff += [0x01, 0x01, 0x00, 0x03, 0, 0, 0, 1, 0, 3, 0, 0]  // ImageLength 3
        tiff += [0x83, 0xBB, 0x00, 0x07] + PNGBuilder.be32(UInt32(iim.count)) + PNGBuilder.be32(UInt32(dataOffset))
        tiff += [0, 0, 0, 0] + iim
        let metadata = try MetadataReader.read(tiff)
        #expect(metadata.format == .tiff)
        #expect(metadata.grouped("IPTC:Caption-Abstract") == .string("رفع العلم فوق معبر نصيب"))
        #expect(metadata.grouped("IPTC:ApplicationRecordVersion") == .integer(4))
        #expect(metadata.grouped("IFD0:IPTC-NAA") == nil)
    }

    /// A hostile block repeating one dataset to the segment's limit reads in linear time.
    @Test func thousandsOfRepeatedIPTCKeywords() throws {
        let keyword: [UInt8] = [0x1C, 2, 25, 0, 1, 0x41]
        let iim = Array([[UInt8]](repeating: keyword, count: 10_000).joined())
        var warnings: [String] = []
        let tags = IPTCReader.tags(in: iim[...], warnings: &warnings)
        guard case .list(let items)? = tags.first?.value else { Issue.record("no list"); return }
        #expect(items.count == 10_000 && warnings.isEmpty)
    }

    @Test func malformedXMPIsAWarning() throws {
        let signature = Array("http://ns.adobe.com/xap/1.0/\0".utf8)
        let payload = signature + Array("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF".utf8)
        let length = UInt16(payload.count + 2)
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)] + payload + [0xFF, 0xD9]
        let metadata = try MetadataReader.read(jpeg)
        #expect(metadata.warnings.contains { $0.hasPrefix("XMP:") }, "\(metadata.warnings)")
    }

    @Test(arguments: [30, 50, 75, 90, 95])
    func jpegQualityEstimateMatchesEncoderSetting(quality: Int) throws {
        let convert = ["/usr/local/bin/convert", "/usr/bin/convert"].first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let convert else {
            print("skipping: ImageMagick convert not installed")
            return
        }
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-q\(quality)-\(UUID().uuidString).jpg")
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: convert)
        process.arguments = ["rose:", "-quality", String(quality), output.path]
        try process.run()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0)
        let metadata = try MetadataReader.read([UInt8](Data(contentsOf: output)))
        let estimate = try #require(metadata.jpegQuality)
        #expect(abs(estimate - quality) <= 1, "estimated \(estimate) for -quality \(quality)")
    }
}
