import Foundation
import Testing

@Suite(.serialized) struct ExifCommandTests {
    @Test func samplesGiveOneRecordPerFileInPathOrder() throws {
        let result = try CommandLineRunner.run(["exif", "--format", "jsonl", "samples"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try CommandLineRunner.objects(result)
        let sources = records.compactMap { $0["SourceFile"] as? String }
        let onDisk = try FileManager.default.contentsOfDirectory(atPath: CommandLineRunner.repository.appendingPathComponent("samples").path)
            .filter { ["jpg", "png", "webp"].contains(URL(fileURLWithPath: $0).pathExtension) }
        #expect(Set(sources).isSuperset(of: onDisk.map { "samples/" + $0 }))
        #expect(sources == sources.sorted())
        #expect(records.allSatisfy { $0["Error"] == nil })
    }

    @Test func groupsPrefixTags() throws {
        let result = try CommandLineRunner.run(["exif", "-G", "--format", "jsonl", "samples"])
        let records = try CommandLineRunner.objects(result)
        let keys = Set(records.flatMap { $0.keys })
        #expect(keys.contains("File:MIMEType"))
        #expect(keys.contains("Imprint:SHA256"))
        #expect(keys.filter { $0 != "SourceFile" }.allSatisfy { $0.contains(":") })
    }

    @Test func jsonIsAnArrayAndCSVHasTheUnionHeader() throws {
        let json = try CommandLineRunner.run(["exif", "--format", "json", "samples"])
        let array = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]]
        let lines = try CommandLineRunner.run(["exif", "--format", "jsonl", "samples"]).lines
        #expect(array?.count == lines.count)
        let csv = try CommandLineRunner.run(["exif", "--format", "csv", "samples"])
        let header = csv.lines.first?.split(separator: ",").map(String.init) ?? []
        let allKeys = Set((array ?? []).flatMap { $0.keys })
        #expect(Set(header) == allKeys)
        #expect(header.first == "SourceFile")
    }

    /// A batch with every hostile file finishes, reports each failure, and exits 1.
    @Test func badFilesAreReportedAndTheBatchGoesOn() throws {
        guard let corpus = CommandLineRunner.corpus else { return }
        let bad = corpus.appendingPathComponent("bad").path
        let result = try CommandLineRunner.run(["exif", "--format", "jsonl", bad, "samples"])
        #expect(result.status == 1)
        let records = try CommandLineRunner.objects(result)
        let badFiles = try FileManager.default.contentsOfDirectory(atPath: bad).filter { $0 != "README.md" }
        let badRecords = records.filter { ($0["SourceFile"] as? String)?.hasPrefix(bad) == true }
        #expect(badRecords.count == badFiles.count) // README.md is not an image: skipped
        let failed = records.filter { $0["Error"] != nil }
        #expect(!failed.isEmpty)
        for record in failed {
            let path = try #require(record["SourceFile"] as? String)
            #expect(result.stderr.contains(path))
        }
        #expect(records.contains { ($0["SourceFile"] as? String)?.hasPrefix("samples/") == true })
    }

    /// Every record's SHA256 and MD5, plain or grouped, are its own file's as coreutils
    /// computes them, over more files than one batch of the workers holds.
    @Test func everyRecordCarriesItsOwnFilesDigests() throws {
        guard let corpus = CommandLineRunner.corpus else { return }
        let folders = [corpus.appendingPathComponent("exif").path, "samples"]
        for grouped in [false, true] {
            let result = try CommandLineRunner.run(["exif", "--format", "jsonl", "--jobs", "2"] + (grouped ? ["-G"] : []) + folders)
            let records = try CommandLineRunner.objects(result).filter { $0["Error"] == nil }
            #expect(records.count > 64)
            let paths = records.compactMap { $0["SourceFile"] as? String }
            let sha256 = try CommandLineRunner.coreutilsDigests("sha256sum", of: paths), md5 = try CommandLineRunner.coreutilsDigests("md5sum", of: paths)
            for record in records {
                let path = try #require(record["SourceFile"] as? String)
                #expect(record[grouped ? "Imprint:SHA256" : "SHA256"] as? String == sha256[path], "\(path)")
                #expect(record[grouped ? "Imprint:MD5" : "MD5"] as? String == md5[path], "\(path)")
            }
        }
    }

    @Test func filesFromReadsNULSeparatedPaths() throws {
        let names = ["samples/mosul-runway.jpg", "samples/tabqa-hangars.jpg"]
        let input = Data(names.joined(separator: "\0").utf8)
        let result = try CommandLineRunner.run(["exif", "--format", "jsonl", "-0", "--files-from", "-"], input: input)
        #expect(try CommandLineRunner.objects(result).compactMap { $0["SourceFile"] as? String } == names)
    }

    /// A list saved by Windows Notepad starts with a byte-order mark and ends its lines with
    /// CR LF; neither is part of a name.
    @Test func filesFromSkipsAByteOrderMark() throws {
        let names = ["samples/mosul-runway.jpg", "samples/tabqa-hangars.jpg"]
        let input = Data("\u{FEFF}\(names.joined(separator: "\r\n"))\r\n".utf8)
        #expect(input.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let result = try CommandLineRunner.run(["exif", "--format", "jsonl", "--files-from", "-"], input: input)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CommandLineRunner.objects(result).compactMap { $0["SourceFile"] as? String } == names)
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try CommandLineRunner.run(["exif"]).status == 2)
        #expect(try CommandLineRunner.run(["exif", "--format", "xml", "samples"]).status == 2)
    }

    /// A file read but not understood (an HTML page saved as .jpg, an empty file) still has
    /// its size, as exiftool gives it.
    @Test func anUnreadableImageKeepsItsSize() throws {
        let page = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-page-\(UUID().uuidString).jpg")
        defer { try? FileManager.default.removeItem(at: page) }
        try Data("<html>x</html>".utf8).write(to: page)
        let result = try CommandLineRunner.run(["exif", "-G", "--format", "jsonl", page.path])
        let record = try #require(try CommandLineRunner.objects(result).first)
        #expect(record["System:FileSize"] as? Int == 14 && record["Error"] != nil)
    }

    @Test func missingFileIsAnErrorRecord() throws {
        let result = try CommandLineRunner.run(["exif", "--format", "jsonl", "samples/no-such-file.jpg"])
        #expect(result.status == 1)
        let record = try #require(try CommandLineRunner.objects(result).first)
        #expect(record["Error"] != nil)
    }
}
