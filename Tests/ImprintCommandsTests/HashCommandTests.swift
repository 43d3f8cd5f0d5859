import Foundation
import Testing

@Suite(.serialized) struct HashCommandTests {
    @Test func samplesHashDeterministicallyWhateverTheJobCount() throws {
        let one = try CommandLineRunner.run(["hash", "--format", "jsonl", "--jobs", "1", "samples"])
        let two = try CommandLineRunner.run(["hash", "--format", "jsonl", "--jobs", "2", "samples"])
        #expect(one.status == 0, "\(one.stderr)")
        #expect(one.stdout == two.stdout)
        let records = try CommandLineRunner.objects(one)
        #expect(!records.isEmpty)
        for record in records {
            #expect((record["pdq"] as? String)?.count == 64)
            #expect((record["phash"] as? String)?.count == 16)
            #expect((record["sha256"] as? String)?.count == 64)
        }
    }

    /// A folder of sidecars and videos holds nothing to hash: said on stderr, exit status 1.
    /// Output that cannot be written (a full disk) ends the run with status 2 and says so,
    /// rather than leaving a list cut short that passes for a complete one.
    @Test func anOutputThatCannotBeWrittenStopsTheRun() throws {
        guard FileManager.default.fileExists(atPath: "/dev/full") else {
            print("skipped: this system has no /dev/full to stand for a full disk")
            return
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" hash --format jsonl samples > /dev/full", CommandLineRunner.executable.path]
        process.currentDirectoryURL = CommandLineRunner.repository
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 2, "\(stderr)")
        #expect(stderr.contains("cannot write the output: No space left on device"), "\(stderr)")
    }

    @Test func aFolderWithoutImagesSaysSo() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-noimages-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a.jpg.json", "clip.mp4", "notes.txt"] {
            FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data("x".utf8))
        }
        for command in ["hash", "exif"] {
            let result = try CommandLineRunner.run([command, "--format", "jsonl", folder.path])
            #expect(result.status == 1 && result.stdout.isEmpty, "\(command)")
            #expect(result.stderr.contains("no image files under"), "\(command)")
        }
    }

    /// A truncated JPEG is hashed from what it holds, and the warning reaches stderr too.
    @Test func aTruncatedJPEGIsHashedWithAWarningOnStderr() throws {
        guard let corpus = CommandLineRunner.corpus else { return }
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", corpus.appendingPathComponent("bad/jpeg_truncated_half.jpg").path])
        #expect(result.status == 0)
        #expect(try CommandLineRunner.objects(result).first?["warning"] is String)
        #expect(result.stderr.contains("jpeg_truncated_half.jpg: warning:"))
    }

    /// A text table that cuts a long path says so at the end, since two files in different
    /// folders may then look alike (CLI probe round 9, L7); a table that cuts none says nothing.
    @Test func aTableThatShortensPathsSaysSo() throws {
        let folder = try PathWalkerTests.folderWithOneImage()  // /tmp/imprint-walk-<UUID>/…: over the column's 42
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = try CommandLineRunner.run(["hash", "--format", "text", "--algorithms", "pdq", folder.path])
        #expect(long.status == 0, "\(long.stderr)")
        #expect(long.lines.dropFirst().first?.hasPrefix("…") == true && long.stdout.contains("river-palms.jpg"), "\(long.stdout)")
        #expect(long.stderr.contains("1 path(s) shortened with … to fit the table; --format csv or jsonl gives them whole"))
        let short = try CommandLineRunner.run(["hash", "--format", "text", "--algorithms", "pdq", "samples/river-palms.jpg"])
        #expect(short.status == 0)
        #expect(!short.stderr.contains("shortened"), "\(short.stderr)")
    }

    /// The trimmed region is given in the file's own pixels, whatever size it was decoded at.
    @Test func theTrimmedRegionIsInTheFilesPixels() throws {
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "--algorithms", "pdq", "samples/mosul-runway_banner.jpg"])
        let record = try #require(try CommandLineRunner.objects(result).first)
        let region = try #require(record["trimmed_region"] as? String).split(separator: ",").compactMap { Int($0) }
        let (width, height) = (try #require(record["width"] as? Int), try #require(record["height"] as? Int))
        #expect(region.count == 4 && region[0] == 0 && region[2] == width, "a banner spans the whole width")
        #expect(region[1] + region[3] <= height && region[3] > height / 2)
    }

    /// Ctrl-C stops starting files; what was hashed is written whole, and the status is 130.
    @Test func ctrlCKeepsEveryRecordWhole() throws {
        let images = try FileManager.default.contentsOfDirectory(atPath: CommandLineRunner.repository.appendingPathComponent("samples").path)
            .filter { $0.hasSuffix(".jpg") }.map { "samples/" + $0 }
        let list = Array(repeating: images, count: 300).flatMap { $0 }
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "--files-from", "-"],
                                               input: Data(list.joined(separator: "\n").utf8), interruptAfter: 1.5)
        #expect(result.status == 130, "\(result.stderr)")
        let records = try CommandLineRunner.objects(result)  // every line is whole JSON
        #expect(!records.isEmpty && records.count < list.count)
        #expect(records.allSatisfy { ($0["pdq"] as? String)?.count == 64 })
        #expect(result.stderr.contains("interrupted: \(records.count) files done"))
        // Said at once, since the files in progress may take seconds to finish.
        #expect(result.stderr.contains("Ctrl-C again to stop at once"))
    }

    /// SIGHUP (the terminal closed) ends a run as Ctrl-C does, its records whole and written;
    /// before, the records waiting in the output buffer were lost (CLI probe round 9).
    @Test func aClosedTerminalKeepsEveryRecordWhole() throws {
        let images = try FileManager.default.contentsOfDirectory(atPath: CommandLineRunner.repository.appendingPathComponent("samples").path)
            .filter { $0.hasSuffix(".jpg") }.map { "samples/" + $0 }
        let list = Array(repeating: images, count: 300).flatMap { $0 }
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "--files-from", "-"],
                                               input: Data(list.joined(separator: "\n").utf8), signalAfter: (SIGHUP, 1.5))
        #expect(result.status == 129, "128 + SIGHUP, as shells report it: \(result.stderr)")
        let records = try CommandLineRunner.objects(result)
        #expect(!records.isEmpty && records.count < list.count)
        #expect(result.stderr.contains("interrupted: \(records.count) files done"))
    }

    @Test func algorithmsAndDihedralChooseColumns() throws {
        let result = try CommandLineRunner.run(["hash", "--format", "csv", "--algorithms", "dhash,ahash,whash,pdq", "--dihedral", "samples"])
        #expect(result.status == 0, "\(result.stderr)")
        let header = result.lines.first ?? ""
        #expect(header == "path,bytes,sha256,md5,format,width,height,pdq_quality,dhash,ahash,whash,pdq,pdq_dihedral,"
                 + "trimmed_region,dhash_trimmed,ahash_trimmed,whash_trimmed,pdq_trimmed,pdq_c95,pdq_c90,pdq_c80,pdq_r-2,pdq_r+2,"
                 + "pdq_tl90,pdq_tr90,pdq_bl90,pdq_br90,pdq_et94,pdq_eb94,pdq_el94,pdq_er94,pdq_et88,pdq_eb88,pdq_el88,pdq_er88,"
                 + "pdq_a1x1,pdq_a4x5,pdq_a9x16,pdq_a16x9,warning,error")
        let central = try CommandLineRunner.run(["hash", "--format", "csv", "--algorithms", "pdq", "--central", "85", "--rotations=-3",
                                                 "--corners", "none", "--edges", "90", "--aspects", "9:16", "samples"])
        #expect(central.lines.first == "path,bytes,sha256,md5,format,width,height,pdq_quality,pdq,trimmed_region,pdq_trimmed,pdq_c85,pdq_r-3,"
                 + "pdq_et90,pdq_eb90,pdq_el90,pdq_er90,pdq_a9x16,warning,error")
        #expect(try CommandLineRunner.run(["hash", "--edges", "100", "samples"]).status == 2)
        #expect(try CommandLineRunner.run(["hash", "--aspects", "9x16", "samples"]).status == 2)
        #expect(try CommandLineRunner.run(["hash", "--rotations", "0", "samples"]).status == 2)
        #expect(try CommandLineRunner.run(["hash", "--corners", "40", "samples"]).status == 2)
        #expect(try CommandLineRunner.run(["hash", "--central", "100", "samples"]).status == 2)
        let plain = try CommandLineRunner.run(["hash", "--format", "csv", "--algorithms", "pdq", "--no-trim", "samples"])
        #expect(plain.lines.first == "path,bytes,sha256,md5,format,width,height,pdq_quality,pdq,warning,error")
        let json = try CommandLineRunner.objects(CommandLineRunner.run(["hash", "--dihedral", "--algorithms", "pdq", "samples"]))
        let dihedral = try #require(json.first?["pdq_dihedral"] as? [String])
        #expect(dihedral.count == 8)
        #expect(dihedral.first == json.first?["pdq"] as? String)
    }

    /// `imprint hash` over bad/ mixed with good files finishes, reports each bad file, exits 1.
    @Test func badFilesAreReportedAndTheBatchGoesOn() throws {
        guard let corpus = CommandLineRunner.corpus else { return }
        let bad = corpus.appendingPathComponent("bad").path
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "samples", bad])
        #expect(result.status == 1)
        let records = try CommandLineRunner.objects(result)
        let badRecords = records.filter { ($0["path"] as? String)?.hasPrefix(bad) == true }
        let badFiles = try FileManager.default.contentsOfDirectory(atPath: bad).filter { $0 != "README.md" }
        #expect(badRecords.count == badFiles.count)
        // Only the truncated JPEG decodes (with a warning); the EXIF-hostile ones have valid pixels.
        for record in badRecords {
            let path = try #require(record["path"] as? String)
            let name = URL(fileURLWithPath: path).lastPathComponent
            if name.hasPrefix("exif_") {
                #expect(record["error"] == nil && record["pdq"] != nil, "\(name)")
            } else if name == "jpeg_truncated_half.jpg" {
                #expect(record["warning"] != nil && record["pdq"] != nil)
            } else {
                #expect(record["error"] != nil, "\(name)")
                #expect(result.stderr.contains(path))
            }
        }
    }

    /// Photos are digested several at a time on the writing thread, large files by their
    /// worker: every record's SHA-256 and MD5 are still its own file's, as coreutils computes
    /// them, whether the file decodes or not.
    @Test func everyRecordCarriesItsOwnFilesDigests() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-digests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        let photos = try FileManager.default.contentsOfDirectory(atPath: samples.path).filter { $0.hasSuffix(".jpg") }.sorted()
        for (index, name) in photos.enumerated() {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: folder.appendingPathComponent("photo-\(index)-\(name)"))
        }
        // Not images: lengths around MD5's block edges, and one larger than a photo waits for.
        for length in [1, 55, 56, 63, 64, 65, 127, 128, 4_097, 70_001, 4_500_000] {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ length) }
            try Data(bytes).write(to: folder.appendingPathComponent("junk-\(length).jpg"))
        }
        for index in 0..<30 {
            try Data((0..<(index * 997 + 5)).map { UInt8(truncatingIfNeeded: $0 ^ index) }).write(to: folder.appendingPathComponent("junk-n\(index).jpg"))
        }
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "--jobs", "2", folder.path])
        let records = try CommandLineRunner.objects(result)
        #expect(records.count == photos.count + 41)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).map { folder.appendingPathComponent($0).path }
        let sha256 = try CommandLineRunner.coreutilsDigests("sha256sum", of: files), md5 = try CommandLineRunner.coreutilsDigests("md5sum", of: files)
        #expect(sha256.count == records.count)
        for record in records {
            let path = try #require(record["path"] as? String)
            #expect(record["sha256"] as? String == sha256[path], "\(path)")
            #expect(record["md5"] as? String == md5[path], "\(path)")
        }
    }

    @Test func unknownAlgorithmIsAUsageError() throws {
        #expect(try CommandLineRunner.run(["hash", "--algorithms", "md5", "samples"]).status == 2)
    }
}
