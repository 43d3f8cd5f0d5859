import FileNames
import Foundation
@testable import ImprintCommands
import Testing

/// Folder walks end, whatever links and nesting the folder holds.
@Suite struct PathWalkerTests {
    /// A fresh temporary folder holding one copy of a sample JPEG, removed by the caller.
    static func folderWithOneImage() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-walk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sample = CommandLineRunner.repository.appendingPathComponent("samples/river-palms.jpg")
        try FileManager.default.copyItem(at: sample, to: folder.appendingPathComponent("river-palms.jpg"))
        return folder
    }

    static func walk(_ paths: [String], limits: PathWalker.Limits = .init()) -> [BatchInput] {
        Array(PathWalker(paths, limits: limits))
    }

    /// A name that is not UTF-8 (Latin-1 "laté.jpg", as an old archive unpacks it) keeps its
    /// bytes: the file is read, shown with U+FFFD in text, written losslessly in JSON (each such
    /// byte as the private-use character that stands for it, so that the output can be read back
    /// and the file opened: CLI probe round 13), and stays in the case on the next ingest.
    @Test func namesThatAreNotUTF8AreRead() throws {
        let name = FileSystemName.string([0x6C, 0x61, 0x74, 0xE9, 0x2E, 0x6A, 0x70, 0x67] as [UInt8])
        #expect(FileSystemName.displayed(name) == "lat\u{FFFD}.jpg")
        #expect(FileSystemName.withBytes(name) { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) }
                == [0x6C, 0x61, 0x74, 0xE9, 0x2E, 0x6A, 0x70, 0x67])
        // Valid UTF-8 is itself, and a character in the kept bytes' own range keeps its bytes too.
        #expect(FileSystemName.string(Array("قناة.jpg".utf8)) == "قناة.jpg")
        let awkward = Array("a\u{10FF85}b".utf8)
        #expect(FileSystemName.withBytes(FileSystemName.string(awkward)) { Array(UnsafeBufferPointer(start: UnsafeRawPointer($0).assumingMemoryBound(to: UInt8.self), count: strlen($0))) } == awkward)

        let folder = try Self.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let image = try Data(contentsOf: folder.appendingPathComponent("river-palms.jpg"))
        let written = FileSystemName.withBytes(folder.path + "/" + name) { path -> Bool in
            let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
            defer { close(descriptor) }
            return descriptor >= 0 && image.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) } == image.count
        }
        try #require(written)
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try CommandLineRunner.objects(result)
        #expect(records.map { $0["path"] as? String } == [folder.path + "/" + name, folder.path + "/river-palms.jpg"])
        #expect(Set(records.compactMap { $0["pdq"] as? String }).count == 1, "the same picture under both names")
        let text = try CommandLineRunner.run(["hash", "--format", "text", "--no-trim", folder.path])
        #expect(text.stdout.contains("lat\u{FFFD}.jpg"))
        // Read back, the hash output opens the file again for its time, as hashing the folder does.
        let fromOutput = try CommandLineRunner.run(["cluster", "--format", "jsonl", "-"], input: Data(result.stdout.utf8))
        #expect(!fromOutput.stderr.contains("gone"), "\(fromOutput.stderr)")
        #expect(try CommandLineRunner.objects(fromOutput).compactMap { $0["time_source"] as? String }.count == 2)
        let casePath = folder.appendingPathComponent("x.case").path
        for run in 0..<2 {
            let ingest = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
            #expect(ingest.status == 0, "\(ingest.stderr)")
            let summary = try #require(try CommandLineRunner.objects(ingest).first)
            #expect(summary["files_read"] as? Int == (run == 0 ? 2 : 0) && summary["removed"] as? Int == 0)
        }
    }

    /// A folder named twice is walked once, without a failure; a --files-from list takes
    /// exiftool's comments and blanks.
    @Test func aFolderNamedTwiceAndCommentsInAListAreNoFailures() throws {
        let folder = try Self.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let twice = try CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", folder.path, folder.path + "/"])
        #expect(twice.status == 0, "\(twice.stderr)")
        #expect(try CommandLineRunner.objects(twice).count == 1)
        let list = folder.appendingPathComponent("list.txt")
        try "# evidence batch 1\n  \(folder.appendingPathComponent("river-palms.jpg").path)  \n\n".write(to: list, atomically: true, encoding: .utf8)
        let listed = try CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", "--files-from", list.path])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(try CommandLineRunner.objects(listed).count == 1)
    }

    /// Pictures of formats Imprint does not read are not failures, but the run says how many
    /// it passed over, so that "0 failed" is not read as the whole folder.
    @Test func picturesOfOtherFormatsAreCountedAsPassedOver() throws {
        let folder = try Self.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("GIF89a".utf8).write(to: folder.appendingPathComponent("clip.gif"))
        try Data("not read".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", folder.path])
        #expect(result.status == 0)
        #expect(result.stderr.contains("passed over 1 picture of formats imprint does not read (GIF 1)"))
        // cluster and match walk folders too, and say the same.
        let list = folder.appendingPathComponent("list.txt")
        try Data((String(repeating: "0", count: 64) + "\n").utf8).write(to: list)
        for arguments in [["cluster", folder.path], ["match", "--list", list.path, folder.path]] {
            let other = try CommandLineRunner.run(arguments + ["--format", "jsonl"])
            #expect(other.stderr.contains("passed over 1 picture of formats imprint does not read (GIF 1)"), "\(arguments): \(other.stderr)")
        }
    }

    /// Hidden files with a picture's name (macOS's ._photo.jpg, a hidden copy) are not read
    /// inside folders, but counted, and read when named.
    @Test func hiddenPicturesAreCountedAndReadWhenNamed() throws {
        let folder = try Self.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let hidden = folder.appendingPathComponent(".copy.jpg")
        try FileManager.default.copyItem(at: folder.appendingPathComponent("river-palms.jpg"), to: hidden)
        let walked = try CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", folder.path])
        #expect(try CommandLineRunner.objects(walked).count == 1)
        #expect(walked.stderr.contains("passed over 1 hidden file"), "\(walked.stderr)")
        let named = try CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", hidden.path])
        #expect(try CommandLineRunner.objects(named).count == 1)
    }

    @Test func symlinkLoopInsideAWalkedFolderDoesNotHangImprintHash() throws {
        let folder = try Self.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        // loop → the folder itself, and nested/up → the folder's parent chain.
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("nested/up").path, withDestinationPath: "..")
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try CommandLineRunner.objects(result)
        #expect(records.map { $0["path"] as? String } == [folder.appendingPathComponent("river-palms.jpg").path])
        #expect((records.first?["pdq"] as? String)?.count == 64)
    }

    /// A case folder with `a.jpg` and `telegram → ../downloads/telegram` holding two pictures
    /// (plus a hidden one), inside a fresh folder the caller removes.
    static func caseWithALinkedFolder() throws -> (base: URL, caseFolder: URL) {
        let base = try folderWithOneImage()
        let image = base.appendingPathComponent("river-palms.jpg")
        let downloads = base.appendingPathComponent("downloads/telegram")
        let caseFolder = base.appendingPathComponent("case")
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: caseFolder, withIntermediateDirectories: true)
        for name in ["tabqa.jpg", "mosul.jpg", ".hidden.jpg"] {
            try FileManager.default.copyItem(at: image, to: downloads.appendingPathComponent(name))
        }
        try FileManager.default.copyItem(at: image, to: caseFolder.appendingPathComponent("a.jpg"))
        try FileManager.default.createSymbolicLink(atPath: caseFolder.appendingPathComponent("telegram").path,
                                                   withDestinationPath: "../downloads/telegram")
        return (base, caseFolder)
    }

    /// A link to a folder is followed, as exiftool's `-r` does: its files are listed under the
    /// path as walked, in name order, hidden ones skipped, without a word on stderr.
    @Test func aLinkedFolderIsWalkedUnderItsLinksPath() throws {
        let (base, caseFolder) = try Self.caseWithALinkedFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        let expected = ["a.jpg", "telegram/mosul.jpg", "telegram/tabqa.jpg"].map { caseFolder.path + "/" + $0 }
        #expect(Self.walk([caseFolder.path]).compactMap { try? $0.get() } == expected)
        for command in ["hash", "exif"] {
            let result = try CommandLineRunner.run([command, "--format", "jsonl"] + (command == "hash" ? ["--no-trim"] : []) + [caseFolder.path])
            #expect(result.status == 0, "\(result.stderr)")
            let key = command == "exif" ? "SourceFile" : "path"
            #expect(try CommandLineRunner.objects(result).map { $0[key] as? String } == expected)
            #expect(!result.stderr.contains("link"), "\(result.stderr)")
        }
    }

    /// A link back to a folder being walked is passed over with one note each, and the run
    /// succeeds: every real folder is walked once.
    @Test func aLinkLoopIsWalkedOnceWithANote() throws {
        let folder = try Self.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("loop").path, withDestinationPath: ".")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("nested"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("river-palms.jpg"), to: folder.appendingPathComponent("nested/copy.jpg"))
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("nested/up").path, withDestinationPath: "..")
        let passedOver = PathWalker.PassedOver()
        let inputs = Array(PathWalker([folder.path], passedOver: passedOver))
        #expect(inputs.compactMap { try? $0.get() } == [folder.path + "/nested/copy.jpg", folder.path + "/river-palms.jpg"])
        #expect(inputs.allSatisfy { (try? $0.get()) != nil }, "a loop is no failure: \(inputs)")
        #expect(passedOver.notes.count == 2)
        #expect(passedOver.notes.first?.hasPrefix(folder.path + "/loop: ") == true, "\(passedOver.notes)")

        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CommandLineRunner.objects(result).count == 2)
        let notes = result.stderr.split(separator: "\n").filter { $0.contains("loop") }
        #expect(notes.count == 2, "\(result.stderr)")
    }

    /// Two links to one folder: the folder is walked once, through the first link in name
    /// order, and the second is named in a note.
    @Test func aFolderLinkedTwiceIsWalkedOnce() throws {
        let (base, caseFolder) = try Self.caseWithALinkedFolder()
        defer { try? FileManager.default.removeItem(at: base) }
        try FileManager.default.createSymbolicLink(atPath: caseFolder.appendingPathComponent("zz-again").path,
                                                   withDestinationPath: "../downloads/telegram")
        let passedOver = PathWalker.PassedOver()
        let inputs = Array(PathWalker([caseFolder.path], passedOver: passedOver))
        #expect(inputs.compactMap { try? $0.get() } == ["a.jpg", "telegram/mosul.jpg", "telegram/tabqa.jpg"].map { caseFolder.path + "/" + $0 })
        #expect(inputs.count == 3)
        #expect(passedOver.notes.count == 1)
        #expect(passedOver.notes.first?.contains(caseFolder.path + "/telegram") == true, "\(passedOver.notes)")
    }

    @Test func explicitSymlinkedFolderThatLoopsBackIsWalkedOnce() throws {
        let folder = try Self.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let link = folder.appendingPathComponent("again").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: folder.path)
        // The link names the folder it sits in: walked through the link, then passed over
        // quietly by name (named twice, as a shell glob may), not walked a second time.
        let inputs = Self.walk([link, folder.path])
        let files = inputs.compactMap { try? $0.get() }
        #expect(files == [link + "/river-palms.jpg"])
        let failures = inputs.compactMap { input -> PathWalker.Failure? in
            if case .failure(let failure) = input { return failure } else { return nil }
        }
        #expect(failures.isEmpty)

        let result = try CommandLineRunner.run(["exif", "--format", "jsonl", link])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CommandLineRunner.objects(result).count == 1)
    }

    @Test func foldersDeeperThanTheLimitAreReported() throws {
        let folder = try Self.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let deep = folder.appendingPathComponent("a/b/c")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder.appendingPathComponent("river-palms.jpg"), to: deep.appendingPathComponent("deep.jpg"))
        var limits = PathWalker.Limits()
        limits.maxDepth = 3
        let inputs = Self.walk([folder.path], limits: limits)
        #expect(inputs.compactMap { try? $0.get() } == [folder.path + "/river-palms.jpg"])
        guard case .failure(let failure)? = inputs.first(where: { (try? $0.get()) == nil }) else {
            Issue.record("no failure for the folder past the depth limit: \(inputs)")
            return
        }
        #expect(failure.path == folder.path + "/a/b/c")
        #expect(failure.reason == "folders nested deeper than 3; not walked")
        // With the default limit the deep file is found.
        #expect(Self.walk([folder.path]).compactMap { try? $0.get() }.count == 2)
    }

    @Test func pathsLongerThanTheLimitAreReported() throws {
        var limits = PathWalker.Limits()
        limits.maxPathBytes = 16
        let long = "/tmp/" + String(repeating: "x", count: 40) + ".jpg"
        let inputs = Self.walk([long], limits: limits)
        guard case .failure(let failure)? = inputs.first, inputs.count == 1 else {
            Issue.record("expected one failure, got \(inputs)")
            return
        }
        #expect(failure.reason == "path longer than 16 bytes; not read")
        // The real limit, through the command: a 5,000-byte path is refused, not passed to open().
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "/" + String(repeating: "y/", count: 2_500) + "a.jpg"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("path longer than 4096 bytes"))
    }
}

/// Files are read whole, so their size is bounded before anything is allocated.
@Suite struct ReadFileLimitTests {
    @Test func aFileLargerThanTheLimitIsRefusedUnread() throws {
        let folder = try PathWalkerTests.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        let sample = folder.appendingPathComponent("river-palms.jpg").path
        guard case .failure(let failure) = readFile(sample, limit: 1_000) else {
            Issue.record("an 85 KB file was read under a 1,000-byte limit")
            return
        }
        #expect(failure.reason == "file of 85184 bytes is larger than the 1000-byte read limit; not read")
        #expect((try? readFile(sample).get())?.count == 85_184)
    }

    @Test func aSparseFileOfThreeGigabytesIsReportedNotRead() throws {
        let folder = try PathWalkerTests.folderWithOneImage()
        defer { try? FileManager.default.removeItem(at: folder) }
        // Sparse: three gigabytes long, no disk blocks, all zeros.
        let huge = folder.appendingPathComponent("huge.jpg").path
        #expect(FileManager.default.createFile(atPath: huge, contents: Data([0xFF, 0xD8])))
        #expect(truncate(huge, 3 << 30) == 0)
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", folder.path])
        #expect(result.status == 1)
        let records = try CommandLineRunner.objects(result)
        #expect(records.count == 2)
        #expect(records.first?["error"] as? String == "file of 3221225472 bytes is larger than the 2147483648-byte read limit; not read")
        #expect((records.last?["pdq"] as? String)?.count == 64)
    }
}
