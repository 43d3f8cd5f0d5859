import Foundation
@testable import ImageMetadata
import Testing

/// PNG's own tags (header fields, text chunks, tIME, pHYs, …) and the blocks text chunks
/// carry, on files built here; files written by exiftool's tools are compared with exiftool
/// in `ExiftoolAgreementTests.madeFilesAgreeWithExiftool`.
@Suite struct PNGChunkTests {
    /// tEXt is Latin-1 by the specification and exiftool reads it so (as Windows-1252), but
    /// writers put UTF-8 there: bytes that are valid UTF-8 are read as UTF-8 (documented in
    /// docs/exif-compat.md), anything else as Windows-1252.
    @Test func latinTextIsReadAsUTF8OnlyWhenItIsValidUTF8() throws {
        let metadata = try read([
            PNGBuilder.chunk("tEXt", Array("Comment\0".utf8) + Array("تدمر".utf8)),
            PNGBuilder.chunk("tEXt", Array("Label\0".utf8) + [0x63, 0x61, 0x66, 0xE9, 0x20, 0x80, 0x93]),
        ])
        #expect(metadata.grouped("PNG:Comment") == .string("تدمر"))
        #expect(metadata.grouped("PNG:Label") == .string("café €“"))
    }

    /// Names as exiftool gives them (checked with exiftool 12.57 on the same chunks):
    /// registered keywords, unregistered ones squeezed, a language on a registered one.
    @Test func keywordsBecomeExiftoolNames() throws {
        let metadata = try read([
            PNGBuilder.chunk("tEXt", Array("date:create\u{0}2020-01-01T00:00:00+00:00".utf8)),
            PNGBuilder.chunk("tEXt", Array("my key 2\u{0}v".utf8)),
            PNGBuilder.chunk("tEXt", Array("x\u{0}short".utf8)),
            PNGBuilder.chunk("tEXt", Array("9lives\u{0}digit".utf8)),
            PNGBuilder.chunk("tEXt", Array("Warning\u{0}warn".utf8)),
            PNGBuilder.chunk("tEXt", Array("software\u{0}lower-case keyword".utf8)),
            PNGBuilder.chunk("tEXt", Array("modify-date\u{0}2021-02-03T04:05:06+03:00".utf8)),
            PNGBuilder.chunk("iTXt", Array("Comment\u{0}\u{0}\u{0}EN-us\u{0}\u{0}hi".utf8)),
            PNGBuilder.chunk("iTXt", Array("parameters\u{0}\u{0}\u{0}fr\u{0}\u{0}bonjour".utf8)),
        ])
        #expect(metadata.grouped("PNG:Datecreate") == .string("2020-01-01T00:00:00+00:00"))
        #expect(metadata.grouped("PNG:MyKey2") == .string("v"))
        #expect(metadata.grouped("PNG:TagX") == .string("short"))
        #expect(metadata.grouped("PNG:Tag9lives") == .string("digit"))
        #expect(metadata.grouped("PNG:PNGWarning") == .string("warn"))
        #expect(metadata.grouped("PNG:Software") == .string("lower-case keyword"))
        #expect(metadata.grouped("PNG:ModDate") == .string("2021:02:03 04:05:06+03:00"))
        #expect(metadata.grouped("PNG:Comment-en-US") == .string("hi"))
        #expect(metadata.grouped("PNG:Parameters") == .string("bonjour"))
    }

    /// "Creation Time" is RFC 1123; exiftool turns it into EXIF style with the zone as an
    /// offset, and leaves any other form as written.
    @Test func creationTimeIsConvertedFromRFC1123() {
        #expect(PNGChunks.pngDate("Mon, 1 Jan 2018 12:10:22 EST") == "2018:01:01 12:10:22-05:00")
        #expect(PNGChunks.pngDate("1 Jan 18 12:10 +0300") == "2018:01:01 12:10:00+03:00")
        #expect(PNGChunks.pngDate("Tue, 31 Dec 1996 23:59:59") == "1996:12:31 23:59:59")
        #expect(PNGChunks.pngDate("Tue, 31 Dec 1996 23:59:59 Somewhere") == nil)
        #expect(PNGChunks.pngDate("2019-05-06T07:08:09") == nil)
    }

    /// A hostile "Creation Time" (a long run of digits) is no date, and is not searched as one.
    @Test func aLongCreationTimeIsNotADate() {
        #expect(PNGChunks.pngDate(String(repeating: "1", count: 100_000)) == nil)
    }

    /// Many compressed chunks, each under the per-chunk ceiling, stop at the file's budget.
    @Test func compressedTextHasAPerFileBudget() throws {
        let chunk = Self.storedZlib([UInt8](repeating: 0x41, count: 3000))
        var budget = 5000
        var warnings: [String] = []
        let first = PNGChunks.text(type: "zTXt", data: (Array("A\u{0}\u{0}".utf8) + chunk)[...], budget: &budget, warnings: &warnings)
        let second = PNGChunks.text(type: "zTXt", data: (Array("B\u{0}\u{0}".utf8) + chunk)[...], budget: &budget, warnings: &warnings)
        let third = PNGChunks.text(type: "zTXt", data: (Array("C\u{0}\u{0}".utf8) + chunk)[...], budget: &budget, warnings: &warnings)
        #expect(first?.bytes.count == 3000 && second == nil && third == nil)
        #expect(warnings.count == 2)
    }

    /// Without groups the last of several same-named tags wins in a PNG, as in exiftool: a
    /// tEXt Software after the eXIf chunk beats EXIF's, one before it does not.
    @Test func laterChunksWinWithoutGroups() throws {
        let exif = Self.exifWithSoftware("exifsoft")
        let text = PNGBuilder.chunk("tEXt", Array("Software\u{0}pngsoft".utf8))
        let textLast = try read([PNGBuilder.chunk("eXIf", exif), text])
        let exifLast = try read([text, PNGBuilder.chunk("eXIf", exif)])
        func ungrouped(_ metadata: FileMetadata) -> TagValue? { metadata.keyedTags(grouped: false).first { $0.key == "Software" }?.value }
        #expect(ungrouped(textLast) == .string("pngsoft"))
        #expect(ungrouped(exifLast) == .string("exifsoft"))
        #expect(textLast.grouped("IFD0:Software") == .string("exifsoft"))
        #expect(textLast.grouped("PNG:Software") == .string("pngsoft"))
    }

    /// zTXt and compressed iTXt are inflated; damaged or oversized streams are warnings.
    @Test func compressedTextIsInflatedWithinBounds() throws {
        let description = String(repeating: "a long description ", count: 50)
        let metadata = try read([
            PNGBuilder.chunk("zTXt", Array("Description\u{0}\u{0}".utf8) + Self.storedZlib(Array(description.utf8))),
            PNGBuilder.chunk("iTXt", Array("Title\u{0}\u{1}\u{0}ar\u{0}\u{0}".utf8) + Self.storedZlib(Array("عنوان".utf8))),
            PNGBuilder.chunk("zTXt", Array("Comment\u{0}\u{0}".utf8) + [0x78, 0x01, 0xFF, 0xFF]),
        ])
        #expect(metadata.grouped("PNG:Description") == .string(description))
        #expect(metadata.grouped("PNG:Title-ar") == .string("عنوان"))
        #expect(metadata.grouped("PNG:Comment") == nil)
        #expect(metadata.warnings.contains { $0.contains("zTXt Comment: damaged") })

        let big = [UInt8](repeating: 0x41, count: 5000)
        #expect(Inflate.inflate(Self.storedZlib(big)[...]) == .success(big))
        #expect(Inflate.inflate(Self.storedZlib(big)[...], limit: 1000) == .failure(.tooLarge))
        #expect(Inflate.inflate(ArraySlice<UInt8>()) == .failure(.damaged))
    }

    /// ImageMagick's hex "Raw profile type" text: a damaged one is a warning, not a tag.
    @Test func rawProfilesDecodeOrWarn() throws {
        #expect(PNGChunks.rawProfile(Array("\nexif\n       4\n49492a00\n".utf8)) == [0x49, 0x49, 0x2A, 0x00])
        #expect(PNGChunks.rawProfile(Array("\nexif\n       4\n4949zz00\n".utf8)) == nil)
        let metadata = try read([PNGBuilder.chunk("tEXt", Array("Raw profile type exif\u{0}\nexif\n   2\nnot hex".utf8))])
        #expect(metadata.warnings.contains { $0.contains("Raw profile type exif: not a hex-encoded profile") })
        #expect(!metadata.keyedTags(grouped: true).contains { $0.key.hasPrefix("PNG:RawProfile") })
    }

    private func read(_ chunks: [[UInt8]]) throws -> FileMetadata {
        try MetadataReader.read(PNGBuilder.png(width: 2, height: 2, extraChunks: chunks))
    }

    /// A little-endian TIFF block with one IFD0 entry, Software.
    static func exifWithSoftware(_ software: String) -> [UInt8] {
        let value = Array(software.utf8) + [0]
        func le16(_ v: Int) -> [UInt8] { [UInt8(v & 0xFF), UInt8(v >> 8)] }
        func le32(_ v: Int) -> [UInt8] { le16(v & 0xFFFF) + le16(v >> 16) }
        return Array("II*\0".utf8) + le32(8) + le16(1) + le16(0x131) + le16(2) + le32(value.count) + le32(8 + 2 + 12 + 4) + le32(0) + value
    }

    /// A zlib stream of stored (uncompressed) blocks.
    static func storedZlib(_ data: [UInt8]) -> [UInt8] {
        var stream: [UInt8] = [0x78, 0x01]
        var index = 0
        repeat {
            let count = min(65535, data.count - index)
            let last: UInt8 = index + count == data.count ? 1 : 0
            stream += [last, UInt8(count & 0xFF), UInt8(count >> 8), UInt8(~count & 0xFF), UInt8((~count >> 8) & 0xFF)]
            stream += data[index..<index + count]
            index += count
        } while index < data.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in data { a = (a + UInt32(byte)) % 65521; b = (b + a) % 65521 }
        return stream + PNGBuilder.be32(b << 16 | a)
    }
}
