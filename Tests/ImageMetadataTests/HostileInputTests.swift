import Foundation
import ImageMetadata
import Testing

/// corpus/bad: every file either throws a clear error or returns with the warning
/// bad/README.md describes; none may crash or hang.
@Suite struct HostileInputTests {
    static func read(_ name: String) throws -> Result<FileMetadata, MetadataError>? {
        guard let corpus = CorpusLocation.available() else { return nil }
        let bytes = try CorpusLocation.bytes(corpus.appendingPathComponent("bad/" + name))
        do { return .success(try MetadataReader.read(bytes)) } catch { return .failure(error) }
    }

    @Test func everyBadFileThrowsOrReturns() throws {
        guard let corpus = CorpusLocation.available() else { return }
        let folder = corpus.appendingPathComponent("bad")
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension != "md" }.sorted { $0.path < $1.path }
        try #require(files.count >= 18)
        for file in files {
            let bytes = try CorpusLocation.bytes(file)
            do {
                let metadata = try MetadataReader.read(bytes)
                print("\(file.lastPathComponent): read, warnings \(metadata.warnings)")
            } catch {
                #expect(!error.description.isEmpty)
                print("\(file.lastPathComponent): \(error)")
            }
        }
    }

    @Test(arguments: ["empty.jpg", "empty.png"])
    func emptyFilesThrow(name: String) throws {
        guard let result = try Self.read(name) else { return }
        #expect(throws: MetadataError.empty) { try result.get() }
    }

    @Test(arguments: ["html_error_page_named.jpg", "jpeg_bad_soi.jpg"])
    func notAnImageThrowsUnsupported(name: String) throws {
        guard let result = try Self.read(name) else { return }
        #expect {
            try result.get()
        } throws: { error in
            guard case MetadataError.unsupportedFormat = error else { return false }
            return true
        }
    }

    /// README: IFD loops still give Orientation and Make.
    @Test(arguments: [("exif_ifd0_next_points_to_itself.jpg", 6, "LOO"), ("exif_ifd0_ifd1_next_cycle.jpg", 3, "CYC")])
    func ifdCyclesKeepIFD0(name: String, orientation: Int, make: String) throws {
        guard let result = try Self.read(name) else { return }
        let metadata = try result.get()
        #expect(metadata.orientation == orientation)
        #expect(metadata.grouped("IFD0:Make") == .string(make))
        #expect(metadata.warnings.contains { $0.contains("pointer references previous IFD") }, "\(metadata.warnings)")
        #expect(!metadata.tags.contains { $0.group == "IFD1" && $0.name == "Make" })
    }

    @Test func subIFDCycleTerminates() throws {
        guard let result = try Self.read("exif_subifd_pointer_cycle.jpg") else { return }
        let metadata = try result.get()
        #expect(metadata.tags.contains { $0.group == "IFD0" })
        #expect(metadata.tags.count < 100)
    }

    @Test func hugeEntryCountReadsWhatIsThere() throws {
        guard let result = try Self.read("exif_ifd0_entry_count_65535.jpg") else { return }
        let metadata = try result.get()
        #expect(metadata.tags.filter { $0.group == "IFD0" }.count == 1)
        #expect(metadata.warnings.contains { $0.contains("libexif") })
    }

    /// README: "libexif drops Make and keeps Orientation=8".
    @Test func outOfBoundsValueDropsMakeKeepsOrientation() throws {
        guard let result = try Self.read("exif_entry_value_offset_out_of_bounds.jpg") else { return }
        let metadata = try result.get()
        #expect(metadata.grouped("IFD0:Make") == nil)
        #expect(metadata.orientation == 8)
        #expect(metadata.warnings.contains { $0.contains("past end") })
    }

    @Test func truncatedJPEGStillGivesGPS() throws {
        guard let corpus = CorpusLocation.available(), let result = try Self.read("jpeg_truncated_half.jpg") else { return }
        let metadata = try result.get()
        // Made from exif/jpg/gps/DSCN0010.jpg: compare with exiftool's values for the original.
        let original = try #require(try ExiftoolReference.records()["exif/jpg/gps/DSCN0010.jpg"])
        _ = corpus
        for key in ["Composite:GPSLatitude", "Composite:GPSLongitude"] {
            let want = try #require((original[key] as? NSNumber)?.doubleValue)
            let got = try #require(metadata.grouped(key)?.numericValue)
            #expect(abs(got - want) < 1e-9)
        }
    }

    @Test func app1PastEndOfFileIsAWarning() throws {
        guard let result = try Self.read("jpeg_app1_length_past_eof.jpg") else { return }
        let metadata = try result.get()
        #expect(metadata.warnings.contains { $0.contains("past the end of the file") })
    }

    @Test func zeroDimensionsAreReportedWithAWarning() throws {
        guard let result = try Self.read("jpeg_sof0_zero_dimensions.jpg") else { return }
        let metadata = try result.get()
        #expect(metadata.imageWidth == 0 && metadata.imageHeight == 0)
        #expect(metadata.warnings.contains { $0.contains("0×0") })
    }

    @Test func bogusDQTIsAWarning() throws {
        guard let result = try Self.read("jpeg_dqt_bogus_length.jpg") else { return }
        let metadata = try result.get()
        #expect(metadata.warnings.contains { $0.contains("DQT") })
    }

    @Test(arguments: [("png_bad_crc_ihdr.png", "IHDR: CRC error"), ("png_bad_crc_idat.png", "IDAT: CRC error"),
                      ("png_truncated_half.png", "no IEND")])
    func damagedPNGWarns(name: String, warning: String) throws {
        guard let result = try Self.read(name) else { return }
        let metadata = try result.get()
        #expect(metadata.warnings.contains { $0.contains(warning) }, "\(metadata.warnings)")
    }

    /// Header dimensions come from IHDR without allocating anything for pixels.
    @Test(arguments: [("png_ihdr_100000x100000_rgba_two_rows.png", 100_000), ("png_bomb_20000x20000_gray8_zeros.png", 20_000)])
    func hugeHeadersAreReadNotDecoded(name: String, side: Int) throws {
        guard let result = try Self.read(name) else { return }
        let metadata = try result.get()
        #expect(metadata.imageWidth == side && metadata.imageHeight == side)
    }
}
