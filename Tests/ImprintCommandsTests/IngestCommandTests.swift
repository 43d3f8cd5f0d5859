import CaseStore
import Foundation
import Testing

/// `imprint ingest` through the built binary: incremental runs, sidecar links, kills.
@Suite(.serialized) struct IngestCommandTests {
    /// A fresh folder for one test's case and files, removed afterwards by the caller.
    static func scratch(copying names: [String] = []) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-ingest-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for name in names {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    static let samples = CommandLineRunner.repository.appendingPathComponent("samples")

    static func summary(_ result: CommandLineRunner.Result) throws -> [String: Any] {
        try #require(try CommandLineRunner.objects(result).last)
    }

    /// Everything the case holds about its files, one JSON line per file.
    static func dump(_ casePath: String) throws -> String {
        let result = try CommandLineRunner.run(["case", "files", "--full", "--format", "jsonl", "--case", casePath])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout
    }

    @Test func aSecondRunReadsNothingAndLeavesTheCaseAsItWas() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let casePath = folder.appendingPathComponent("samples.case").path
        let first = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, "samples"])
        #expect(first.status == 0, "\(first.stderr)")
        let images = try FileManager.default.contentsOfDirectory(atPath: CommandLineRunner.repository.appendingPathComponent("samples").path)
            .filter { ["jpg", "png", "webp"].contains(URL(fileURLWithPath: $0).pathExtension) }
        let firstSummary = try Self.summary(first)
        #expect(firstSummary["files_read"] as? Int == images.count)
        #expect(firstSummary["added"] as? Int == images.count)
        let before = try Self.dump(casePath)
        let stats = try CommandLineRunner.run(["case", "stats", "--format", "jsonl", "--case", casePath]).stdout

        let second = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, "samples"])
        #expect(second.status == 0, "\(second.stderr)")
        let secondSummary = try Self.summary(second)
        #expect(secondSummary["files_read"] as? Int == 0)
        #expect(secondSummary["files_unchanged"] as? Int == images.count)
        #expect(secondSummary["sidecars_read"] as? Int == 0)
        #expect(second.stderr.contains("0 files read, \(images.count) unchanged"))
        #expect(try Self.dump(casePath) == before)
        let statsAfter = try CommandLineRunner.run(["case", "stats", "--format", "jsonl", "--case", casePath]).stdout
        func withoutSize(_ text: String) throws -> [String: Int] {
            var object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
            object["case_bytes"] = nil
            object["case"] = nil
            return object.compactMapValues { $0 as? Int }
        }
        #expect(try withoutSize(statsAfter) == withoutSize(stats))
    }

    /// Each sample sidecar's post ends up linked to the picture(s) it names.
    @Test(arguments: [
        ("mosul-runway_banner.jpg", "twitter", "1426553791140831232"),       // gallery-dl
        ("qaim-crossing_false-claim.jpg", "telegram", "deirezzor_now/48213"),  // gallery-dl: message numbers count per channel
        ("jirah-aerial.webp", "youtube", "q7Xc2LmT0aE"),                      // yt-dlp
        ("mosul-runway_crop10.jpg", "twitter", "1427012288441090051"),        // snscrape
        ("qaim-crossing_mirror.jpg", "twitter", "1427101934401957890"),       // snscrape, Arabic
        ("kuweires-flag.png", "twitter", "1199332211009988776"),              // Twitter archive
        ("tabqa-hangars_banner.jpg", "twitter", "1230405060708090123"),       // Twitter archive
        ("qaim-crossing_crop10.jpg", "telegram", "border_news_iq/9127"),      // CSV, the channel from the URL
        ("river-palms.jpg", "vk", "wall-177000001_5521"),                     // CSV, second file of a post
        ("mosul-ruins-edited.jpg", "telegram", "mosul_eye_news/3310"),         // JSONL
    ])
    func sidecarPostsAreLinkedToTheirPictures(picture: String, platform: String, postID: String) throws {
        let casePath = try Self.sharedSamplesCase()
        let result = try CommandLineRunner.run(["case", "show", "--format", "jsonl", "--case", casePath, "samples/" + picture])
        #expect(result.status == 0, "\(result.stderr)")
        let record = try #require(try CommandLineRunner.objects(result).first)
        let post = try #require((record["posts"] as? [[String: Any]])?.first)
        #expect(post["platform"] as? String == platform)
        #expect(post["post_id"] as? String == postID)
    }

    /// The case of samples/ the read-only tests share: named once per test process (not by
    /// its id, which comes round again and would find an old run's case).
    static let sharedSamplesCasePath = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-samples-\(UUID().uuidString).case").path

    /// One case of samples/ shared by the read-only tests.
    static func sharedSamplesCase() throws -> String {
        let path = sharedSamplesCasePath
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", path, "samples"])
        #expect(result.status == 0, "\(result.stderr)")
        return path
    }

    /// `folder/photos` holding `files` (name and bytes).
    static func photos(in folder: URL, _ files: [(name: String, bytes: Data)]) throws -> URL {
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        for file in files { try file.bytes.write(to: photos.appendingPathComponent(file.name)) }
        return photos
    }

    /// A sample photo's bytes.
    static func photo() throws -> Data {
        try Data(contentsOf: CommandLineRunner.repository.appendingPathComponent("samples/mosul-runway_q40.jpg"))
    }

    /// An error page saved under an image's name.
    static let errorPage = Data("<html>not found</html>".utf8)

    @Test func aBrokenFileIsStoredWithItsErrorAndTheRunGoesOn() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = try Self.photo()
        let photos = try Self.photos(in: folder, [("a.jpg", photo), ("b-truncated.jpg", photo.prefix(600)), ("c-html.jpg", Self.errorPage),
                                                  ("d-half.jpg", photo.prefix(photo.count / 2))])
        let casePath = folder.appendingPathComponent("x.case").path
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, photos.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("c-html.jpg"))
        // A half-downloaded picture libjpeg still returns is kept, and said (CLI probe round 12).
        #expect(result.stderr.contains("d-half.jpg: warning: "), "\(result.stderr)")
        #expect(result.stderr.contains("b-truncated.jpg: warning: "), "\(result.stderr)")
        #expect(try Self.summary(result)["decode_warnings"] as? Int == 2, "\(result.stdout)")
        let failed = try CommandLineRunner.objects(CommandLineRunner.run(
            ["case", "files", "--where", "status=error", "--format", "jsonl", "--case", casePath]))
        let names = failed.compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) }
        #expect(names.contains("c-html.jpg"))
        #expect(!names.contains("a.jpg"))
        #expect(failed.allSatisfy { ($0["error"] as? String)?.isEmpty == false })
        // A copy of the damaged picture, taken from its twin in the case without decoding, is
        // said and counted as a fresh ingest would (CLI probe round 13).
        try FileManager.default.copyItem(at: photos.appendingPathComponent("d-half.jpg"), to: photos.appendingPathComponent("e-copy.jpg"))
        let again = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, photos.path])
        #expect(again.stderr.contains("e-copy.jpg: warning: "), "\(again.stderr)")
        let summary = try Self.summary(again)
        #expect(summary["copied_same_content"] as? Int == 1 && summary["decode_warnings"] as? Int == 1, "\(again.stdout)")
    }

    /// A file refused by the run's --max-pixels is stored as failed, and read again by the
    /// next run, which may allow more (CLI probe round 9: it stayed failed for good); a file
    /// broken in itself is not read again while unchanged.
    @Test func aFileOverTheLimitIsTriedAgainByTheNextRun() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = try Self.photos(in: folder, [("a.jpg", try Self.photo()), ("b-html.jpg", Self.errorPage)])
        let casePath = folder.appendingPathComponent("x.case").path
        let limited = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, "--max-pixels", "1000", photos.path])
        #expect(limited.status == 1)
        let refused = try CommandLineRunner.objects(CommandLineRunner.run(
            ["case", "files", "--where", "status=failed", "--format", "jsonl", "--case", casePath]))
        #expect(refused.count == 2)
        #expect(refused.contains { ($0["error"] as? String)?.contains("--max-pixels") == true })
        let again = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, photos.path])
        let summary = try Self.summary(again)
        #expect(summary["files_read"] as? Int == 1, "\(summary)")  // the photo, not the HTML page
        let failed = try CommandLineRunner.objects(CommandLineRunner.run(
            ["case", "files", "--where", "status=failed", "--format", "jsonl", "--case", casePath]))
        #expect(failed.compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) } == ["b-html.jpg"])
        // The wording the case recognises a limit's refusal by.
        let limits = FileRecord.limitFailurePrefixes
        #expect(limits.contains { refused.compactMap { $0["error"] as? String }.first { $0.contains("--max-pixels") }?.hasPrefix($0) == true })
    }

    @Test func movedChangedAndDeletedFilesAreRecognised() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        for name in ["mosul-runway_q40.jpg", "tabqa-hangars_q40.jpg", "river-palms.jpg"] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: photos.appendingPathComponent(name))
        }
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, photos.path]).status == 0)
        try FileManager.default.moveItem(at: photos.appendingPathComponent("mosul-runway_q40.jpg"),
                                         to: photos.appendingPathComponent("sub/moved.jpg"))
        try FileManager.default.removeItem(at: photos.appendingPathComponent("river-palms.jpg"))
        try FileManager.default.removeItem(at: photos.appendingPathComponent("tabqa-hangars_q40.jpg"))
        try FileManager.default.copyItem(at: samples.appendingPathComponent("desert-road.jpg"),
                                         to: photos.appendingPathComponent("tabqa-hangars_q40.jpg"))
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, photos.path])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try Self.summary(result)
        #expect(summary["moved"] as? Int == 1)
        #expect(summary["updated"] as? Int == 1)
        #expect(summary["removed"] as? Int == 1)
        let files = try CommandLineRunner.objects(CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", casePath]))
        #expect(files.compactMap { $0["path"] as? String } == [photos.path + "/sub/moved.jpg", photos.path + "/tabqa-hangars_q40.jpg"])
        // The replaced file now carries desert-road's camera (FUJIFILM X-T2 in samples/manifest.csv).
        #expect(files.last?["model"] as? String == "X-T2")
    }

    /// A file renamed and another saved under its old name, or two files swapping names, in
    /// one run: each row describes the bytes at its path, as a fresh ingest's does (the
    /// renamed file's twin in the case holds the new picture by the time it is stored).
    @Test(arguments: [false, true])
    func renamesAndSwapsInOneRunKeepEachFilesOwnData(swap: Bool) throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        func put(_ sample: String, as name: String) throws {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(sample), to: photos.appendingPathComponent(name))
        }
        try put("river-palms.jpg", as: "a.jpg")
        if swap { try put("desert-road.jpg", as: "b.jpg") }
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, photos.path]).status == 0)
        let a = photos.appendingPathComponent("a.jpg"), b = photos.appendingPathComponent("b.jpg")
        if swap {
            let parked = photos.appendingPathComponent("parked")
            try FileManager.default.moveItem(at: a, to: parked)
            try FileManager.default.moveItem(at: b, to: a)
            try FileManager.default.moveItem(at: parked, to: b)
        } else {
            try FileManager.default.moveItem(at: a, to: b)
            try put("desert-road.jpg", as: "a.jpg")
        }
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, photos.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.summary(result)["deferred"] as? Int == 0)
        let freshCase = folder.appendingPathComponent("fresh.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", freshCase, photos.path]).status == 0)
        #expect(try Self.dump(casePath) == Self.dump(freshCase))
        let files = try CommandLineRunner.objects(CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", casePath]))
        // desert-road is the FUJIFILM X-T2 photo (samples/manifest.csv).
        #expect(files.first { ($0["path"] as? String)?.hasSuffix("/a.jpg") ?? false }?["model"] as? String == "X-T2")
        #expect(files.first { ($0["path"] as? String)?.hasSuffix("/b.jpg") ?? false }?["model"] as? String != "X-T2")
    }

    /// A folder moved and ingested where it now is, then its old place ingested: the post its
    /// sidecar gives stays, since the sidecar is still on disk.
    @Test func aMovedFolderKeepsItsPostsWhenItsOldPlaceIsIngested() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let downloads = folder.appendingPathComponent("downloads"), sorted = folder.appendingPathComponent("sorted")
        try FileManager.default.createDirectory(at: downloads.appendingPathComponent("tabqa"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: sorted, withIntermediateDirectories: true)
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        for name in ["mosul-runway_banner.jpg", "mosul-runway_banner.jpg.json"] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: downloads.appendingPathComponent("tabqa/" + name))
        }
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest(_ root: URL) throws {
            let result = try CommandLineRunner.run(["ingest", "--case", casePath, root.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func posts() throws -> Int? {
            try CommandLineRunner.objects(CommandLineRunner.run(["case", "stats", "--format", "jsonl", "--case", casePath])).first?["posts"] as? Int
        }
        try ingest(downloads)
        #expect(try posts() == 1)
        try FileManager.default.moveItem(at: downloads.appendingPathComponent("tabqa"), to: sorted.appendingPathComponent("tabqa"))
        try ingest(sorted)
        try ingest(downloads)
        #expect(try posts() == 1)
        let shown = try CommandLineRunner.objects(CommandLineRunner.run(
            ["case", "show", "--format", "jsonl", "--case", casePath, sorted.appendingPathComponent("tabqa/mosul-runway_banner.jpg").path]))
        #expect((shown.first?["posts"] as? [[String: Any]])?.count == 1)
    }

    /// A picture replaced by a folder of its name (an archive unpacked under it) or by a FIFO
    /// is gone from the case, as a deleted one is; the folder's own picture comes in.
    @Test func aPictureReplacedByAFolderOrAFIFOLeavesTheCase() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let top = folder.appendingPathComponent("top")
        try FileManager.default.createDirectory(at: top, withIntermediateDirectories: true)
        for (sample, name) in [("river-palms.jpg", "a.jpg"), ("desert-road.jpg", "b.jpg"), ("night-street.jpg", "c.jpg")] {
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent(sample), to: top.appendingPathComponent(name))
        }
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, top.path]).status == 0)
        try FileManager.default.removeItem(at: top.appendingPathComponent("a.jpg"))
        try FileManager.default.createDirectory(at: top.appendingPathComponent("a.jpg"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("river-palms.jpg"),
                                         to: top.appendingPathComponent("a.jpg/inner.jpg"))
        try FileManager.default.removeItem(at: top.appendingPathComponent("c.jpg"))
        #expect(mkfifo(top.appendingPathComponent("c.jpg").path, 0o644) == 0)
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, top.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.summary(result)["removed"] as? Int == 2)
        let files = try CommandLineRunner.objects(CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", casePath]))
        #expect(files.compactMap { $0["path"] as? String } == [top.path + "/a.jpg/inner.jpg", top.path + "/b.jpg"])
    }

    /// A drive ingested, copied to the local disk and ingested there while unplugged, then
    /// ingested again: its pictures come back as copies, and the post tables below them
    /// (`posts/…` naming `../photo.jpg`), unchanged on the drive, are read again for them, so
    /// that every picture has its posts, as in a fresh case of both folders.
    @Test func aReturningDrivesPicturesGetTheirPostsBack() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let usb = folder.appendingPathComponent("usb"), unplugged = folder.appendingPathComponent("usb.unplugged")
        let local = folder.appendingPathComponent("local")
        try FileManager.default.createDirectory(at: usb, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: local, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.samples, to: usb.appendingPathComponent("p"))
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest(_ roots: [URL], case path: String = casePath) throws {
            let result = try CommandLineRunner.run(["ingest", "--case", path] + roots.map(\.path))
            #expect(result.status == 0, "\(result.stderr)")
        }
        func filesWithPosts(_ path: String) throws -> Int? {
            try CommandLineRunner.objects(CommandLineRunner.run(["case", "stats", "--format", "jsonl", "--case", path])).first?["files_with_posts"] as? Int
        }
        try ingest([usb.appendingPathComponent("p")])
        let perFolder = try #require(try filesWithPosts(casePath))
        try FileManager.default.copyItem(at: usb.appendingPathComponent("p"), to: local.appendingPathComponent("p"))
        try FileManager.default.moveItem(at: usb, to: unplugged)
        try ingest([local.appendingPathComponent("p")])
        try FileManager.default.moveItem(at: unplugged, to: usb)
        try ingest([usb.appendingPathComponent("p")])
        let fresh = folder.appendingPathComponent("fresh.case").path
        try ingest([local.appendingPathComponent("p"), usb.appendingPathComponent("p")], case: fresh)
        #expect(try filesWithPosts(fresh) == 2 * perFolder)
        #expect(try filesWithPosts(casePath) == 2 * perFolder)
    }

    /// A named folder found empty (a drive not mounted) keeps the case's files under it, with
    /// a warning; its parent ingested removes them.
    @Test func anEmptyFolderDoesNotEmptyTheCase() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let evidence = folder.appendingPathComponent("evidence")
        try FileManager.default.createDirectory(at: evidence, withIntermediateDirectories: true)
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        try FileManager.default.copyItem(at: samples.appendingPathComponent("river-palms.jpg"), to: evidence.appendingPathComponent("a.jpg"))
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, evidence.path]).status == 0)
        try FileManager.default.removeItem(at: evidence.appendingPathComponent("a.jpg"))
        let empty = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, evidence.path])
        #expect(empty.status == 0, "\(empty.stderr)")
        #expect(try Self.summary(empty)["removed"] as? Int == 0)
        #expect(empty.stderr.contains("empty on disk"))
        let parent = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, evidence.path, folder.path])
        #expect(try Self.summary(parent)["removed"] as? Int == 1)
    }

    /// A folder reached through a symbolic link is the same folder: ingesting it both ways
    /// reads nothing twice and adds no rows.
    @Test func aFolderThroughALinkIsTheSameFolder() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CommandLineRunner.repository.appendingPathComponent("samples/river-palms.jpg"),
                                         to: photos.appendingPathComponent("river-palms.jpg"))
        let link = folder.appendingPathComponent("evidence")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: photos)
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, photos.path]).status == 0)
        let again = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, link.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try Self.summary(again)["files_unchanged"] as? Int == 1)
        let files = try CommandLineRunner.objects(CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", casePath]))
        #expect(files.count == 1)
        let shown = try CommandLineRunner.run(["case", "show", "--format", "jsonl", "--case", casePath, link.path + "/river-palms.jpg"])
        #expect(shown.status == 0, "the link's path finds the file too")
    }

    /// A folder linked into the case folder is ingested under the link's path with its
    /// sidecars; a second ingest reads nothing, and removing the link removes its files.
    @Test func aLinkedSubfolderIsIngestedAndASecondRunReadsNothing() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let caseFolder = folder.appendingPathComponent("case")
        let downloads = folder.appendingPathComponent("downloads/telegram")
        try FileManager.default.createDirectory(at: caseFolder, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: downloads, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("river-palms.jpg"), to: caseFolder.appendingPathComponent("river-palms.jpg"))
        for name in ["mosul-runway_banner.jpg", "mosul-runway_banner.jpg.json", "tabqa-hangars_q40.jpg"] {
            try FileManager.default.copyItem(at: Self.samples.appendingPathComponent(name), to: downloads.appendingPathComponent(name))
        }
        let link = caseFolder.appendingPathComponent("telegram")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "../downloads/telegram")
        let casePath = folder.appendingPathComponent("x.case").path
        let first = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, caseFolder.path])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try Self.summary(first)["files_read"] as? Int == 3)
        #expect(try Self.summary(first)["sidecars_read"] as? Int == 1)
        let files = try CommandLineRunner.objects(CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", casePath]))
        #expect(files.compactMap { $0["path"] as? String }.sorted()
                == [caseFolder.path + "/river-palms.jpg", link.path + "/mosul-runway_banner.jpg", link.path + "/tabqa-hangars_q40.jpg"])

        let second = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, caseFolder.path])
        #expect(second.status == 0, "\(second.stderr)")
        let summary = try Self.summary(second)
        #expect(summary["files_read"] as? Int == 0)
        #expect(summary["files_unchanged"] as? Int == 3)
        #expect(summary["removed"] as? Int == 0)
        #expect(summary["sidecars_read"] as? Int == 0)

        try FileManager.default.removeItem(at: link)
        let third = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, caseFolder.path])
        #expect(third.status == 0, "\(third.stderr)")
        #expect(try Self.summary(third)["removed"] as? Int == 2)
        #expect(try Self.summary(third)["sidecars_removed"] as? Int == 1)
    }

    /// An image named on its own brings its downloader's sidecar; a sidecar named on its own
    /// is read as one, not decoded as a broken image.
    @Test func namedFilesBringTheirSidecars() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let casePath = folder.appendingPathComponent("x.case").path
        let image = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, "samples/mosul-runway_banner.jpg"])
        #expect(image.status == 0, "\(image.stderr)")
        let summary = try Self.summary(image)
        #expect(summary["files_read"] as? Int == 1 && summary["sidecars_read"] as? Int == 1 && summary["post_links"] as? Int == 1)
        let otherCase = folder.appendingPathComponent("y.case").path
        let named = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", otherCase,
                                               "samples/jirah-aerial.webp", "samples/jirah-aerial.info.json"])
        #expect(named.status == 0, "\(named.stderr)")
        let namedSummary = try Self.summary(named)
        #expect(namedSummary["files_read"] as? Int == 1 && namedSummary["decode_failed"] as? Int == 0)
        #expect(namedSummary["sidecars_read"] as? Int == 1 && namedSummary["post_links"] as? Int == 1)
    }

    /// How sidecars find their pictures: a bare name in a table under the table's own folder
    /// first, either Unicode spelling of a name, gallery-dl's sidecars in a `metadata` folder.
    @Test func sidecarsFindTheirOwnPictures() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        let fm = FileManager.default
        for sub in ["a/sub", "b", "c/metadata"] { try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true) }
        let nfd = "cafe\u{0301}.jpg"  // é as e + combining accent, as a macOS disk keeps it
        for (name, sample) in [("a/sub/z2.jpg", "river-palms.jpg"), ("b/z2.jpg", "desert-road.jpg"), ("a/" + nfd, "night-street.jpg"),
                               ("c/photo.jpg", "mosul-runway_banner.jpg")] {
            try fm.copyItem(at: samples.appendingPathComponent(sample), to: folder.appendingPathComponent(name))
        }
        try Data("file,url\nz2.jpg,https://t.me/chan/1\ncaf\u{00E9}.jpg,https://t.me/chan/2\n".utf8)
            .write(to: folder.appendingPathComponent("a/notes.csv"))
        try fm.copyItem(at: samples.appendingPathComponent("mosul-runway_banner.jpg.json"),
                        to: folder.appendingPathComponent("c/metadata/photo.jpg.json"))
        let casePath = folder.appendingPathComponent("x.case").path
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        func posts(_ path: String) throws -> Set<String> {
            Set(try Self.posts(of: folder.appendingPathComponent(path).path, case: casePath).compactMap { $0["post_id"] as? String })
        }
        #expect(try posts("a/sub/z2.jpg") == ["chan/1"])
        #expect(try posts("b/z2.jpg").isEmpty, "another folder's z2.jpg is another picture")
        #expect(try posts("a/" + nfd) == ["chan/2"])
        #expect(try posts("c/photo.jpg") == ["1426553791140831232"])
    }

    /// Sidecars under names of their own: gallery-dl's `{tweet_id}.json` for a tweet's numbered
    /// pictures, a Telegram Desktop export's `result.json`; any other JSON file is remembered as
    /// no sidecar, not reported, and not read again.
    @Test func sidecarsUnderNamesOfTheirOwn() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        let fm = FileManager.default
        for sub in ["d", "t/photos"] { try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true) }
        for (name, sample) in [("d/1665934575399862275_1.jpg", "river-palms.jpg"), ("d/1665934575399862275_2.jpg", "desert-road.jpg"),
                               ("t/photos/photo_1@05-03-2019_17-02-11.jpg", "night-street.jpg")] {
            try fm.copyItem(at: samples.appendingPathComponent(sample), to: folder.appendingPathComponent(name))
        }
        let tweet = #"{"category": "twitter", "subcategory": "timeline", "tweet_id": 1665934575399862275, "num": 2, "filename": "x", "extension": "jpg", "author": {"name": "front_watch"}, "content": "Dam breached"}"#
        try Data(tweet.utf8).write(to: folder.appendingPathComponent("d/1665934575399862275.json"))
        try Data(#"{"todo": ["check the runway photo"]}"#.utf8).write(to: folder.appendingPathComponent("d/notes.json"))
        let export = #"{"name": "Channel", "type": "public_channel", "id": 99, "messages": [{"id": 5, "type": "message", "date_unixtime": "1551794531", "photo": "photos/photo_1@05-03-2019_17-02-11.jpg", "text": "Blast site"}]}"#
        try Data(export.utf8).write(to: folder.appendingPathComponent("t/result.json"))
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest() throws -> [String: Any] {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
            #expect(result.status == 0, "\(result.stderr)")
            return try Self.summary(result)
        }
        let first = try ingest()
        #expect(first["sidecars_read"] as? Int == 3 && first["sidecar_errors"] as? Int == 0)
        func posts(_ path: String) throws -> Set<String> {
            Set(try Self.posts(of: folder.appendingPathComponent(path).path, case: casePath).compactMap { $0["post_id"] as? String })
        }
        #expect(try posts("d/1665934575399862275_1.jpg") == ["1665934575399862275"])
        #expect(try posts("d/1665934575399862275_2.jpg") == ["1665934575399862275"])
        #expect(try posts("t/photos/photo_1@05-03-2019_17-02-11.jpg") == ["c/99/5"])
        let second = try ingest()
        #expect(second["sidecars_read"] as? Int == 0 && second["sidecars_unchanged"] as? Int == 3)
        let stats = try #require(try CommandLineRunner.objects(CommandLineRunner.run(["case", "stats", "--format", "jsonl", "--case", casePath])).first)
        #expect(stats["sidecars"] as? Int == 2, "notes.json is no sidecar")
    }

    /// The `.case` file alone holds the case after a run: what the run committed is not left
    /// in the `-wal` beside it, which a copy of the case file would miss.
    @Test func theCaseFileAloneHoldsTheCase() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let casePath = folder.appendingPathComponent("x.case").path
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, "samples"])
        #expect(result.status == 0, "\(result.stderr)")
        let copy = folder.appendingPathComponent("copy.case").path
        try FileManager.default.copyItem(atPath: casePath, toPath: copy)
        let stats = try #require(try CommandLineRunner.objects(CommandLineRunner.run(["case", "stats", "--format", "jsonl", "--case", copy])).first)
        #expect(stats["files"] as? Int == (try Self.summary(result))["added"] as? Int)
    }

    /// A sidecar deleted from disk takes the posts it stored with it; a post another sidecar
    /// names too comes back with what that one says.
    @Test func aDeletedSidecarTakesItsPostsWithIt() throws {
        let folder = try Self.scratch(copying: ["mosul-runway_banner.jpg", "mosul-runway_banner.jpg.json"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let table = "file,url,text\nmosul-runway_banner.jpg,https://x.com/nineveh_frontline/status/1426553791140831232,Copied from the channel\n"
        try Data(table.utf8).write(to: folder.appendingPathComponent("notes.csv"))
        let casePath = folder.appendingPathComponent("x.case").path
        let image = folder.appendingPathComponent("mosul-runway_banner.jpg").path
        func ingest() throws -> [String: Any] {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
            #expect(result.status == 0, "\(result.stderr)")
            return try Self.summary(result)
        }
        func post() throws -> [String: Any] {
            try Self.posts(of: image, case: casePath).first ?? [:]
        }
        _ = try ingest()
        #expect(try post()["author"] as? String == "nineveh_frontline", "gallery-dl's record over the table's")

        try FileManager.default.removeItem(at: folder.appendingPathComponent("mosul-runway_banner.jpg.json"))
        let afterOne = try ingest()
        #expect(afterOne["sidecars_removed"] as? Int == 1)
        #expect(afterOne["sidecars_read"] as? Int == 1, "the table is read again")
        let fromTable = try post()
        #expect(fromTable["post_id"] as? String == "1426553791140831232")
        #expect(fromTable["text"] as? String == "Copied from the channel")
        #expect(fromTable["author"] is NSNull, "nothing of the deleted sidecar is left")

        try FileManager.default.removeItem(at: folder.appendingPathComponent("notes.csv"))
        #expect(try ingest()["sidecars_removed"] as? Int == 1)
        #expect(try post().isEmpty)
        #expect(try ingest()["sidecars_read"] as? Int == 0, "nothing left to remove, nothing read again")
    }

    /// A tweet in two sidecars (gallery-dl's beside one copy, the account archive's beside
    /// another): deleting the gallery-dl sidecar takes its link and its fields with it, though
    /// the archive stored the post, and the case is then what a fresh ingest makes.
    @Test func aDeletedSidecarTakesWhatItGaveAPostStoredByAnother() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        for sub in ["gdl", "arc/data/tweets_media"] { try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true) }
        let id = "1213912345678901248"
        try fm.copyItem(at: samples.appendingPathComponent("river-palms.jpg"), to: folder.appendingPathComponent("gdl/\(id)_1.jpg"))
        try fm.copyItem(at: samples.appendingPathComponent("river-palms.jpg"), to: folder.appendingPathComponent("arc/data/tweets_media/\(id)-ENk3xYZaUAA1b2c.jpg"))
        let gallery = folder.appendingPathComponent("gdl/\(id)_1.jpg.json")
        try Data(#"{"tweet_id": \#(id), "date": "2020-01-06 09:00:00", "content": "مطار كويرس العسكري الآن", "category": "twitter", "subcategory": "tweet", "author": {"name": "someone"}}"#.utf8).write(to: gallery)
        try Data(#"window.YTD.tweets.part0 = [{"tweet": {"id_str": "\#(id)", "created_at": "Mon Jan 06 09:00:00 +0000 2020", "full_text": "مطار كويرس العسكري الآن", "extended_entities": {"media": [{"media_url_https": "https://pbs.twimg.com/media/ENk3xYZaUAA1b2c.jpg"}]}}}]"#.utf8)
            .write(to: folder.appendingPathComponent("arc/data/tweets.js"))
        func ingest(_ casePath: String) throws {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func posts(_ casePath: String) throws -> [String] {
            try Self.posts(of: folder.appendingPathComponent("gdl/\(id)_1.jpg").path, case: casePath)
                .map { "\($0["post_id"] ?? "") \($0["author"] ?? "")" }
        }
        let incremental = folder.appendingPathComponent("inc.case").path
        try ingest(incremental)
        #expect(try posts(incremental).count == 1)
        try fm.removeItem(at: gallery)
        try ingest(incremental)
        let fresh = folder.appendingPathComponent("fresh.case").path
        try ingest(fresh)
        #expect(try posts(incremental) == [])
        #expect(try posts(incremental) == (try posts(fresh)))
        func claims(_ casePath: String) throws -> String {
            try CommandLineRunner.run(["claims", "list", "--format", "csv", "--case", casePath]).stdout
        }
        #expect(try claims(incremental) == (try claims(fresh)))
        #expect(try claims(fresh).contains("kuweires"))
    }

    /// A table naming a bare file name that two different pictures in two folders carry links
    /// neither, and says so; two copies of one picture under that name are both linked.
    @Test func aBareNameOfSeveralDifferentFilesLinksNone() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        for sub in ["photos", "other", "copies/a", "copies/b"] {
            try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try fm.copyItem(at: samples.appendingPathComponent("river-palms.jpg"), to: folder.appendingPathComponent("photos/photo_1.jpg"))
        try fm.copyItem(at: samples.appendingPathComponent("desert-road.jpg"), to: folder.appendingPathComponent("other/photo_1.jpg"))
        for sub in ["a", "b"] {
            try fm.copyItem(at: samples.appendingPathComponent("night-street.jpg"), to: folder.appendingPathComponent("copies/\(sub)/photo_2.jpg"))
        }
        try Data("file,text,posted_at,url\nphoto_1.jpg,Central Bank of Iraq Mosul,2014-06-11,https://t.me/a/1\ncopies/a/../b/photo_2.jpg,x,2014-06-12,https://t.me/a/2\nphoto_2.jpg,y,2014-06-12,https://t.me/a/3\n".utf8)
            .write(to: folder.appendingPathComponent("posts.csv"))
        let casePath = folder.appendingPathComponent("x.case").path
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("'photo_1.jpg' is 2 different files, so none is linked"), "\(result.stderr)")
        #expect(!result.stderr.contains("name no file"), "\(result.stderr)")
        #expect(try Self.summary(result)["posts_unlinked"] as? Int == 1, "the ambiguous post is linked to nothing")
        func posts(_ path: String) throws -> Set<String> {
            Set(try Self.posts(of: folder.appendingPathComponent(path).path, case: casePath).compactMap { $0["url"] as? String })
        }
        #expect(try posts("photos/photo_1.jpg").isEmpty)
        #expect(try posts("other/photo_1.jpg").isEmpty)
        #expect(try posts("copies/a/photo_2.jpg") == ["https://t.me/a/3"])
        #expect(try posts("copies/b/photo_2.jpg") == ["https://t.me/a/2", "https://t.me/a/3"])
    }

    /// A table row whose own picture is missing links to nothing, not to a namesake in another
    /// folder of the case (a camera's IMG_0001.jpg there is another picture), and says so; a
    /// row that names a picture by its absolute path links that file, whatever else shares
    /// its name. When a linked picture is deleted, its post is left unlinked, not moved.
    @Test func aRowWhosePictureIsMissingLinksNoNamesake() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        let root = folder.appendingPathComponent("inv")
        for sub in ["caseA", "caseB/photos", "caseC/media", "caseD/b"] {
            try fm.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true)
        }
        try fm.copyItem(at: samples.appendingPathComponent("river-palms.jpg"), to: root.appendingPathComponent("caseA/IMG_0001.jpg"))
        try fm.copyItem(at: samples.appendingPathComponent("desert-road.jpg"), to: root.appendingPathComponent("caseD/b/IMG_0001.jpg"))
        try Data("file,text,posted_at,url\nIMG_0001.jpg,Convoy at Tal Abyad crossing today,2023-05-01T12:00:00Z,https://t.me/a/1\n".utf8)
            .write(to: root.appendingPathComponent("caseA/posts.csv"))
        try Data("file,text,posted_at,url\nphotos/IMG_0001.jpg,Airstrike on Hmeimim airbase today,2023-06-01T12:00:00Z,https://t.me/b/1\nIMG_0001.jpg,x,2023-06-02T12:00:00Z,https://t.me/b/2\n".utf8)
            .write(to: root.appendingPathComponent("caseB/posts.csv"))
        try Data(#"{"file":"media/IMG_0001.jpg","text":"Airstrike on Shayrat airbase today","posted_at":"2023-07-01T12:00:00Z","url":"https://t.me/c/1"}"#.utf8)
            .write(to: root.appendingPathComponent("caseC/posts.jsonl"))
        let absolute = root.appendingPathComponent("caseD/b/IMG_0001.jpg").path
        try Data("file,text,posted_at,url\n\(absolute),Strike on Tiyas airbase,2023-08-01T12:00:00Z,https://t.me/d/1\n".utf8)
            .write(to: root.appendingPathComponent("caseD/posts.csv"))
        let casePath = folder.appendingPathComponent("x.case").path
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, root.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Self.summary(result)["posts_unlinked"] as? Int == 3, "\(result.stdout)")
        #expect(result.stderr.contains("caseB/posts.csv: 2 post(s) name no file in the case: photos/IMG_0001.jpg, IMG_0001.jpg"), "\(result.stderr)")
        #expect(result.stderr.contains("caseC/posts.jsonl: 1 post(s) name no file in the case: media/IMG_0001.jpg"), "\(result.stderr)")
        #expect(!result.stderr.contains("different files"), "an absolute path is one file: \(result.stderr)")
        func posts(_ path: String) throws -> [String] {
            try Self.posts(of: root.appendingPathComponent(path).path, case: casePath).compactMap { $0["url"] as? String }.sorted()
        }
        #expect(try posts("caseA/IMG_0001.jpg") == ["https://t.me/a/1"])
        #expect(try posts("caseD/b/IMG_0001.jpg") == ["https://t.me/d/1"])
        // The picture caseA's table names is deleted: its post is unlinked, not moved to caseD's.
        try fm.removeItem(at: root.appendingPathComponent("caseA/IMG_0001.jpg"))
        let again = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, root.path])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stderr.contains("caseA/posts.csv: 1 post(s) name no file in the case: IMG_0001.jpg"), "\(again.stderr)")
        #expect(try posts("caseD/b/IMG_0001.jpg") == ["https://t.me/d/1"])
    }

    /// One tweet downloaded twice with different texts (edited in between): the later
    /// download's text is kept whatever the folders are called, and the difference is said.
    @Test func aPostTwoSidecarsTellDifferentlyKeepsTheLaterOne() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        func text(in root: URL, _ casePath: String) throws -> [String] {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, root.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("has another text in"), "\(result.stderr)")
            let files = try CommandLineRunner.objects(CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", casePath]))
            return try files.map { file in
                let path = try #require(file["path"] as? String)
                return try #require(try Self.posts(of: path, case: casePath).first?["text"] as? String)
            }
        }
        for (name, saying, date) in [("newsbot", "Flag over Menagh air base", "2023-05-01T10:00:00Z"),
                                     ("search", "Flag over Hama air base", "2023-05-02T10:00:00Z")] {
            let sub = folder.appendingPathComponent("twitter/\(name)")
            try fm.createDirectory(at: sub, withIntermediateDirectories: true)
            try fm.copyItem(at: samples.appendingPathComponent("desert-road.jpg"), to: sub.appendingPathComponent("7_1.jpg"))
            let sidecar = sub.appendingPathComponent("7_1.jpg.json")
            try Data(#"{"category": "twitter", "subcategory": "tweet", "tweet_id": 7, "content": "\#(saying)", "author": {"name": "x"}, "date": "2023-04-30 10:00:00", "filename": "7_1", "extension": "jpg"}"#.utf8)
                .write(to: sidecar)
            try fm.setAttributes([.modificationDate: try #require(ISO8601DateFormatter().date(from: date))], ofItemAtPath: sidecar.path)
        }
        #expect(try text(in: folder, folder.appendingPathComponent("a.case").path) == ["Flag over Hama air base", "Flag over Hama air base"])
        // The later download's folder renamed to sort first: the same text.
        try fm.moveItem(at: folder.appendingPathComponent("twitter/search"), to: folder.appendingPathComponent("twitter/a_search"))
        #expect(try text(in: folder, folder.appendingPathComponent("b.case").path) == ["Flag over Hama air base", "Flag over Hama air base"])
    }

    /// A hand-made table with a quote never closed keeps its later rows (the quote read as a
    /// letter) and reports the line, as a sidecar error.
    @Test func anUnclosedQuoteInATableLosesNoRows() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        for (name, sample) in [("a.jpg", "river-palms.jpg"), ("b.jpg", "desert-road.jpg"), ("c.jpg", "night-street.jpg")] {
            try fm.copyItem(at: samples.appendingPathComponent(sample), to: folder.appendingPathComponent(name))
        }
        try Data("""
            file,text,posted_at,url,author
            a.jpg,"Strike on Tabqa airbase ""today"" at dawn,2023-05-01T10:00:00Z,https://t.me/x/1,x
            b.jpg,Flag over Menagh air base,2023-05-02T10:00:00Z,https://t.me/x/2,x
            c.jpg,"Kuweires, again",2023-05-03T10:00:00Z,https://t.me/x/3,x

            """.utf8).write(to: folder.appendingPathComponent("posts.csv"))
        let casePath = folder.appendingPathComponent("x.case").path
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
        #expect(result.status == 1, "a sidecar error: \(result.stderr)")
        #expect(result.stderr.contains("posts.csv: line 2: a quoted field that is never closed"), "\(result.stderr)")
        let summary = try Self.summary(result)
        #expect(summary["posts"] as? Int == 3 && summary["post_links"] as? Int == 3 && summary["sidecar_errors"] as? Int == 1, "\(summary)")
        #expect(try Self.posts(of: folder.appendingPathComponent("c.jpg").path, case: casePath).first?["text"] as? String == "Kuweires, again")
    }

    /// Post tables as spreadsheets save them are read: Excel's `sep=;` line before the header,
    /// and other names for the columns (`filename,caption,date,link,channel`). A post table
    /// whose header names no column for the pictures is a sidecar error (exit 1), said on
    /// stderr; a table that is no post table (notes) is still passed over in silence.
    @Test func postTablesAsSpreadsheetsSaveThemAreReadOrReported() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        let tables = [
            "excel": "sep=;\nfile;text;posted_at;url;author\np.jpg;Mosul airport today;2022-01-01 10:00;https://t.me/mosul_now/123;mosul_now\n",
            "renamed": "filename,caption,date,link,channel\np.jpg,Tabqa airbase captured,2022-04-15 05:20,https://t.me/raqqa_now/7,raqqa_now\n",
            "path": "path,text,posted_at,url,author\np.jpg,Menagh airbase,2022-05-01 10:00,https://t.me/aleppo_now/9,aleppo_now\n",
            "notes": "who,when\nAli,Monday\n",
        ]
        for (sub, table) in tables {
            try fm.createDirectory(at: folder.appendingPathComponent(sub), withIntermediateDirectories: true)
            try fm.copyItem(at: samples.appendingPathComponent("river-palms.jpg"), to: folder.appendingPathComponent("\(sub)/p.jpg"))
            try Data(table.utf8).write(to: folder.appendingPathComponent("\(sub)/posts.csv"))
        }
        let casePath = folder.appendingPathComponent("x.case").path
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
        #expect(result.status == 1, "a sidecar error: \(result.stderr)")
        #expect(result.stderr.contains("path/posts.csv: no column names the pictures"), "\(result.stderr)")
        #expect(!result.stderr.contains("notes/posts.csv"), "\(result.stderr)")
        let summary = try Self.summary(result)
        #expect(summary["posts"] as? Int == 2 && summary["post_links"] as? Int == 2 && summary["sidecar_errors"] as? Int == 1, "\(summary)")
        func post(_ sub: String) throws -> [String: String] {
            (try Self.posts(of: folder.appendingPathComponent("\(sub)/p.jpg").path, case: casePath).first ?? [:]).compactMapValues { $0 as? String }
        }
        let excel = try post("excel"), renamed = try post("renamed")
        #expect(excel["text"] == "Mosul airport today" && excel["post_id"] == "mosul_now/123" && excel["posted_at"] == "2022-01-01T10:00:00Z")
        #expect(renamed["text"] == "Tabqa airbase captured" && renamed["author"] == "raqqa_now" && renamed["posted_at"] == "2022-04-15T05:20:00Z")
        #expect(renamed["url"] == "https://t.me/raqqa_now/7")
        #expect(try post("path").isEmpty)
    }

    /// A bare name's link follows the files on disk, not the order of ingests: a second,
    /// different picture of that name undoes the link the table gave, and deleting it again
    /// restores it, each time as a fresh ingest of the folder links it. A link another sidecar
    /// gives by a relative path stays throughout.
    @Test func aBareNamesLinkFollowsNamesakesComingAndGoing() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        let root = folder.appendingPathComponent("c")
        for sub in ["a", "b"] { try fm.createDirectory(at: root.appendingPathComponent(sub), withIntermediateDirectories: true) }
        try fm.copyItem(at: samples.appendingPathComponent("river-palms.jpg"), to: root.appendingPathComponent("a/photo.jpg"))
        try Data("file,text,posted_at,url\nphoto.jpg,Menagh air base today,2024-01-01,https://t.me/a/1\n".utf8)
            .write(to: root.appendingPathComponent("posts.csv"))
        try Data("file,text,posted_at,url\nphoto.jpg,same post,2024-01-01,https://t.me/a/1\n".utf8)
            .write(to: root.appendingPathComponent("a/more.csv"))
        let incremental = folder.appendingPathComponent("inc.case").path
        func ingest(_ casePath: String) throws {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, root.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func linked(_ casePath: String) throws -> [String] {
            let files = try CommandLineRunner.objects(CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", casePath]))
            return try files.compactMap { file in
                let path = try #require(file["path"] as? String)
                return try Self.posts(of: path, case: casePath).isEmpty ? nil : String(path.dropFirst(root.path.count + 1))
            }.sorted()
        }
        func fresh() throws -> [String] {
            let casePath = folder.appendingPathComponent("fresh.case").path
            for suffix in ["", "-wal", "-shm"] { try? fm.removeItem(atPath: casePath + suffix) }
            try ingest(casePath)
            return try linked(casePath)
        }
        try ingest(incremental)
        #expect(try linked(incremental) == ["a/photo.jpg"])
        // The second table is beside the first picture, so its bare name is that one throughout.
        // Without it the namesake below leaves the picture unlinked:
        try fm.removeItem(at: root.appendingPathComponent("a/more.csv"))
        try ingest(incremental)
        #expect(try linked(incremental) == ["a/photo.jpg"])
        try fm.copyItem(at: samples.appendingPathComponent("desert-road.jpg"), to: root.appendingPathComponent("b/photo.jpg"))
        try ingest(incremental)
        #expect(try linked(incremental) == [], "two different pictures of that name: none linked")
        #expect(try linked(incremental) == (try fresh()))
        try fm.removeItem(at: root.appendingPathComponent("b/photo.jpg"))
        try ingest(incremental)
        #expect(try linked(incremental) == ["a/photo.jpg"], "the namesake gone, the name is one picture again")
        #expect(try linked(incremental) == (try fresh()))
        // A second sidecar's link survives the first one's being read again without it.
        try Data("file,text,posted_at,url\nphoto.jpg,same post,2024-01-01,https://t.me/a/1\n".utf8)
            .write(to: root.appendingPathComponent("a/more.csv"))
        try fm.copyItem(at: samples.appendingPathComponent("desert-road.jpg"), to: root.appendingPathComponent("b/photo.jpg"))
        try ingest(incremental)
        #expect(try linked(incremental) == ["a/photo.jpg"], "a/more.csv names the picture beside it")
        #expect(try linked(incremental) == (try fresh()))
    }

    /// A run that asks for a hash the case lacks (a new algorithm, or the regions after
    /// --no-trim) reads the unchanged files that lack it, once; a file that cannot be decoded
    /// is not read again for it.
    @Test func aNewAlgorithmIsHashedForFilesAlreadyInTheCase() throws {
        let folder = try Self.scratch(copying: ["river-palms.jpg", "desert-road.jpg"])
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("not an image".utf8).write(to: folder.appendingPathComponent("broken.jpg"))
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest(_ options: [String]) throws -> [String: Any] {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath] + options + [folder.path])
            return try Self.summary(result)
        }
        #expect(try ingest(["--no-trim", "-a", "pdq,phash"])["files_read"] as? Int == 3)
        #expect(try ingest(["--no-trim", "-a", "pdq,phash"])["files_read"] as? Int == 0)
        #expect(try ingest(["--no-trim", "-a", "pdq,phash,dhash"])["files_read"] as? Int == 2, "the two images, not the broken file")
        #expect(try ingest(["-a", "pdq,phash,dhash"])["files_read"] as? Int == 2, "the regions")
        #expect(try ingest(["-a", "pdq,phash,dhash"])["files_read"] as? Int == 0)
        let stats = try #require(try CommandLineRunner.objects(CommandLineRunner.run(["case", "stats", "--format", "jsonl", "--case", casePath])).first)
        #expect(stats["files"] as? Int == 3)
    }

    /// A picture that keeps no region hash (a flat grey frame, a fade: every region is of PDQ
    /// quality below 50 or mostly blank) is hashed with its regions once, like any other, and
    /// not read again by the next run (it was, by every run, while a region's presence stood
    /// for the regions having been computed).
    @Test func aPictureWithoutRegionHashesIsNotReadAgain() throws {
        let folder = try Self.scratch(copying: ["desert-road.jpg"])
        defer { try? FileManager.default.removeItem(at: folder) }
        // A flat grey 16×16 PNG (as in MatchCommandTests).
        let flat = try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAD0lEQVR4nGNoQAMMI1sAAAUMgAFaSOXNAAAAAElFTkSuQmCC"))
        try flat.write(to: folder.appendingPathComponent("flat.png"))
        func ingest(_ casePath: String, _ options: [String] = []) throws -> Int? {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath] + options + [folder.path])
            #expect(result.status == 0, "\(result.stderr)")
            return try Self.summary(result)["files_read"] as? Int
        }
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try ingest(casePath) == 2)
        let shown = try CommandLineRunner.run(["case", "show", "--format", "jsonl", "--case", casePath, folder.appendingPathComponent("flat.png").path])
        #expect(shown.status == 0 && !shown.stdout.contains("pdq_c95"), "the flat picture keeps no region hash")
        #expect(try ingest(casePath) == 0)
        // After a --no-trim run, the next run computes the regions once.
        let plain = folder.appendingPathComponent("plain.case").path
        #expect(try ingest(plain, ["--no-trim"]) == 2)
        #expect(try ingest(plain) == 2)
        #expect(try ingest(plain) == 0)
    }

    /// A run for a new algorithm adds its hashes beside those the case holds (it wiped every
    /// other hash: CLI probe round 11, H1); a file whose content changed keeps none of its old
    /// ones, which are of another picture.
    @Test func aRunForANewAlgorithmKeepsTheHashesItDidNotCompute() throws {
        let folder = try Self.scratch(copying: ["river-palms.jpg", "desert-road.jpg"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest(_ options: [String]) throws {
            _ = try Self.summary(try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath] + options + [folder.path]))
        }
        func stats() throws -> [String: Any] {
            try #require(try CommandLineRunner.objects(CommandLineRunner.run(["case", "stats", "--format", "jsonl", "--case", casePath])).first)
        }
        try ingest([])
        let before = try stats()
        #expect(before["hashes_pdq"] as? Int == 2 && before["hashes_phash"] as? Int == 2)
        try ingest(["-a", "dhash"])
        let after = try stats()
        #expect(after["hashes_dhash"] as? Int == 2)
        for (name, count) in before where name.hasPrefix("hashes_") {
            #expect(after[name] as? Int == count as? Int, "\(name)")
        }
        // New content under the same name: only the hashes of this run are its own.
        try FileManager.default.removeItem(at: folder.appendingPathComponent("desert-road.jpg"))
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("night-street.jpg"),
                                         to: folder.appendingPathComponent("desert-road.jpg"))
        try ingest(["-a", "dhash"])
        let changed = try stats()
        #expect(changed["hashes_dhash"] as? Int == 2)
        #expect(changed["hashes_pdq"] as? Int == 1, "the changed file's PDQ hash was of the old picture")
    }

    /// Runs started at once on a new case wait for each other instead of failing on
    /// "database is locked" or on a schema the other run is creating.
    @Test func ingestsStartedAtOnceAllSucceed() throws {
        for _ in 0..<3 {
            let folder = try Self.scratch()
            defer { try? FileManager.default.removeItem(at: folder) }
            let casePath = folder.appendingPathComponent("x.case").path
            let runs = (0..<4).map { _ -> Process in
                let process = Process()
                process.executableURL = CommandLineRunner.executable
                process.arguments = ["ingest", "--format", "jsonl", "--case", casePath, "samples"]
                process.currentDirectoryURL = CommandLineRunner.repository
                process.standardOutput = FileHandle.nullDevice
                process.standardError = FileHandle.nullDevice
                return process
            }
            for run in runs { try run.run() }
            for run in runs { run.waitUntilExit() }
            #expect(runs.allSatisfy { $0.terminationStatus == 0 }, "\(runs.map(\.terminationStatus))")
        }
    }

    /// A sidecar edited since it was read says what it now says: a field it empties and a
    /// row it drops are gone from the case, as in a fresh case of the same folder.
    @Test func anEditedSidecarSaysWhatItNowSays() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        for (name, sample) in [("a.jpg", "river-palms.jpg"), ("b.jpg", "desert-road.jpg")] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(sample), to: folder.appendingPathComponent(name))
        }
        let sidecar = folder.appendingPathComponent("a.jpg.json")
        let table = folder.appendingPathComponent("posts.csv")
        try Data(#"{"category": "twitter", "subcategory": "tweet", "tweet_id": 1700000000000000001, "content": "Tabqa airbase", "author": {"name": "front"}}"#.utf8).write(to: sidecar)
        try Data("file,text,url\nb.jpg,Menagh airbase,https://t.me/chan/7\n".utf8).write(to: table)
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest() throws {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func shown(_ name: String) throws -> [String: Any] {
            try Self.posts(of: folder.appendingPathComponent(name).path, case: casePath).first ?? [:]
        }
        try ingest()
        #expect(try shown("a.jpg")["text"] as? String == "Tabqa airbase")
        #expect(try shown("b.jpg")["post_id"] as? String == "chan/7")
        // A re-scrape empties the text; the table loses its row (sizes change, so no wait for the clock).
        try Data(#"{"category": "twitter", "subcategory": "tweet", "tweet_id": 1700000000000000001, "content": "", "author": {"name": "front"}}"#.utf8).write(to: sidecar)
        try Data("file,text,url\n".utf8).write(to: table)
        try ingest()
        #expect(try shown("a.jpg")["text"] is NSNull)
        #expect(try shown("a.jpg")["author"] as? String == "front")
        #expect(try shown("b.jpg")["post_id"] == nil, "the dropped row's post is gone")
    }

    /// Posts their sidecars give no id are their sidecar's own: each week's `posts.csv` and
    /// each channel's `photo.jpg.json` keep their texts, dates and pictures, none is said to
    /// have another's text, a second run changes nothing and an edited row updates its post.
    @Test func postsWithoutAnIDAreKeptApartByTheirSidecars() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let fm = FileManager.default
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        for (sub, sample) in [("week1/p.jpg", "tabqa-hangars_q40.jpg"), ("week2/p.jpg", "deir-ez-zor-apron.jpg"),
                              ("chanA/photo.jpg", "river-palms.jpg"), ("chanB/photo.jpg", "desert-road.jpg")] {
            try fm.createDirectory(at: folder.appendingPathComponent(sub).deletingLastPathComponent(), withIntermediateDirectories: true)
            try fm.copyItem(at: samples.appendingPathComponent(sample), to: folder.appendingPathComponent(sub))
        }
        let week2 = folder.appendingPathComponent("week2/posts.csv")
        try Data("file,text,posted_at\np.jpg,Tabqa airbase captured today,2022-04-15 05:20\n".utf8)
            .write(to: folder.appendingPathComponent("week1/posts.csv"))
        try Data("file,text,posted_at\np.jpg,Deir ez-Zor airport under our control,2017-11-04 12:00\n".utf8).write(to: week2)
        for (channel, text) in [("chanA", "Tabqa airbase captured"), ("chanB", "Palmyra airport liberated")] {
            try Data(#"{"category": "telegram", "channel": "\#(channel)", "date": "2022-04-15 05:20:00", "content": "\#(text)"}"#.utf8)
                .write(to: folder.appendingPathComponent("\(channel)/photo.jpg.json"))
        }
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest() throws -> CommandLineRunner.Result {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!result.stderr.contains("has another text"), "\(result.stderr)")
            return result
        }
        func post(_ path: String) throws -> [String: String] {
            let posts = try Self.posts(of: folder.appendingPathComponent(path).path, case: casePath)
            #expect(posts.count == 1, "\(path): \(posts)")
            return (posts.first ?? [:]).compactMapValues { $0 as? String }
        }
        #expect(try Self.summary(ingest())["posts"] as? Int == 4)
        let first = try post("week1/p.jpg"), second = try post("week2/p.jpg")
        #expect(first["text"] == "Tabqa airbase captured today" && first["posted_at"] == "2022-04-15T05:20:00Z")
        #expect(second["text"] == "Deir ez-Zor airport under our control" && second["posted_at"] == "2017-11-04T12:00:00Z")
        #expect(second["post_id"] == week2.path + "#1", "the table's path and row")
        #expect(try post("chanA/photo.jpg")["text"] == "Tabqa airbase captured")
        #expect(try post("chanB/photo.jpg")["text"] == "Palmyra airport liberated")
        #expect(try post("chanB/photo.jpg")["post_id"] == folder.appendingPathComponent("chanB/photo.jpg.json").path)
        let claimed = try CommandLineRunner.run(["claims", "--format", "csv", "--case", casePath]).lines
            .filter { $0.contains("/week2/p.jpg,claimed,") }
        #expect(!claimed.isEmpty && claimed.allSatisfy { $0.contains("deir-ez-zor") }, "week 2's own claim, not week 1's: \(claimed)")

        let before = try Self.dump(casePath)
        #expect(try Self.summary(ingest())["sidecars_read"] as? Int == 0)
        #expect(try Self.dump(casePath) == before, "a second run changes nothing")

        try Data("file,text,posted_at\np.jpg,Deir ez-Zor airport is ours,2017-11-05 12:00\n".utf8).write(to: week2)
        #expect(try Self.summary(ingest())["posts"] as? Int == 4, "every sidecar read again, each post once")
        let edited = try post("week2/p.jpg")
        #expect(edited["text"] == "Deir ez-Zor airport is ours" && edited["post_id"] == week2.path + "#1")
        #expect(try post("week1/p.jpg")["text"] == "Tabqa airbase captured today")
    }

    /// A post goes to whatever file its sidecar names now, as a fresh ingest would link it: a
    /// renamed picture leaves the post behind, and a picture saved later under the name the
    /// sidecar gives takes it, without the sidecar changing.
    @Test func postsFollowTheNamesTheirSidecarsGive() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        let picture = folder.appendingPathComponent("mosul-runway_banner.jpg")
        try FileManager.default.copyItem(at: samples.appendingPathComponent("mosul-runway_banner.jpg"), to: picture)
        try FileManager.default.copyItem(at: samples.appendingPathComponent("mosul-runway_banner.jpg.json"),
                                         to: folder.appendingPathComponent("mosul-runway_banner.jpg.json"))
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest(_ casePath: String) throws {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
            #expect(result.status == 0, "\(result.stderr)")
        }
        func posts(_ casePath: String) throws -> [String: Int] {
            let rows = try CommandLineRunner.objects(CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", casePath]))
            return Dictionary(uniqueKeysWithValues: rows.map { ((($0["path"] as? String ?? "") as NSString).lastPathComponent, $0["posts"] as? Int ?? -1) })
        }
        try ingest(casePath)
        #expect(try posts(casePath) == ["mosul-runway_banner.jpg": 1])
        let renamed = folder.appendingPathComponent("renamed.jpg")
        try FileManager.default.moveItem(at: picture, to: renamed)
        try ingest(casePath)
        #expect(try posts(casePath) == ["renamed.jpg": 0], "the sidecar names a file that is gone")
        try FileManager.default.copyItem(at: samples.appendingPathComponent("desert-road.jpg"), to: picture)
        try ingest(casePath)
        let fresh = folder.appendingPathComponent("fresh.case").path
        try ingest(fresh)
        #expect(try posts(casePath) == ["renamed.jpg": 0, "mosul-runway_banner.jpg": 1])
        #expect(try posts(casePath) == posts(fresh))
    }

    /// A table whose pictures are outside its folder (`posts/notes.csv` naming `../a.jpg`)
    /// links them when they come in later: its folder ingested before the one above it, or a
    /// picture saved afterwards under the name the table gives. The case ends as a fresh one.
    @Test func aTableLinksPicturesThatComeAfterIt() throws {
        let folder = try Self.scratch(copying: ["desert-road.jpg"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let posts = folder.appendingPathComponent("posts")
        try FileManager.default.createDirectory(at: posts, withIntermediateDirectories: true)
        try "file,text,posted_at,url\n../desert-road.jpg,Convoy near al-Qaim crossing,2024-05-01 10:00,https://t.me/chan/1\n../later.jpg,Tabqa air base today,2024-05-02 10:00,https://t.me/chan/2\n"
            .write(to: posts.appendingPathComponent("notes.csv"), atomically: true, encoding: .utf8)
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest(_ casePath: String, _ root: URL) throws -> [String: Any] {
            let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, root.path])
            #expect(result.status == 0, "\(result.stderr)")
            return try Self.summary(result)
        }
        func linked(_ casePath: String) throws -> [String: Int] {
            let rows = try CommandLineRunner.objects(CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", casePath]))
            return Dictionary(uniqueKeysWithValues: rows.map { ((($0["path"] as? String ?? "") as NSString).lastPathComponent, $0["posts"] as? Int ?? -1) })
        }
        #expect(try ingest(casePath, posts)["posts_unlinked"] as? Int == 2)
        _ = try ingest(casePath, folder)
        #expect(try linked(casePath) == ["desert-road.jpg": 1])
        try FileManager.default.copyItem(at: Self.samples.appendingPathComponent("tabqa-hangars.jpg"), to: folder.appendingPathComponent("later.jpg"))
        _ = try ingest(casePath, folder)
        #expect(try linked(casePath) == ["desert-road.jpg": 1, "later.jpg": 1])
        // Nothing new: the table is not read again.
        #expect(try ingest(casePath, folder)["sidecars_read"] as? Int == 0)
        let fresh = folder.appendingPathComponent("fresh.case").path
        _ = try ingest(fresh, folder)
        #expect(try Self.dump(casePath) == Self.dump(fresh))
    }

    /// `--verify` reads every file again and checks its SHA-256, so that a file changed without
    /// its size or mtime changing (a byte edited, the mtime put back) is found and updated.
    @Test func verifyFindsContentChangedUnderTheSameSizeAndTime() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let picture = folder.appendingPathComponent("desert-road.jpg")
        try FileManager.default.copyItem(at: CommandLineRunner.repository.appendingPathComponent("samples/desert-road.jpg"), to: picture)
        let casePath = folder.appendingPathComponent("x.case").path
        func ingest(_ extra: [String] = []) throws -> CommandLineRunner.Result {
            try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath] + extra + [folder.path])
        }
        _ = try ingest()
        var status = stat()
        #expect(stat(picture.path, &status) == 0)
        var bytes = try [UInt8](Data(contentsOf: picture))
        bytes[bytes.count - 100] ^= 0x01
        try Data(bytes).write(to: picture)
        // The mtime put back to the nanosecond, as `touch -d` or a careless copy tool does.
        var times = [status.st_atim, status.st_mtim]
        #expect(utimensat(AT_FDCWD, picture.path, &times, 0) == 0)
        #expect(try Self.summary(ingest())["files_read"] as? Int == 0, "size and mtime are trusted by default")
        let verified = try ingest(["--verify"])
        #expect(try Self.summary(verified)["updated"] as? Int == 1)
        #expect(verified.stderr.contains("its content changed though its size and mtime did not"))
        let again = try Self.summary(ingest(["--verify"]))
        #expect(again["files_verified"] as? Int == 1 && again["updated"] as? Int == 0)
        // A sidecar corrected under the same size and mtime is read again by --verify too.
        let sidecar = folder.appendingPathComponent("posts.csv")
        try Data("file,text,url\ndesert-road.jpg,Menagh air base,https://t.me/a/1\n".utf8).write(to: sidecar)
        _ = try ingest()
        var sidecarStatus = stat()
        #expect(stat(sidecar.path, &sidecarStatus) == 0)
        try Data("file,text,url\ndesert-road.jpg,Tiyas air base ,https://t.me/a/1\n".utf8).write(to: sidecar)
        var sidecarTimes = [sidecarStatus.st_atim, sidecarStatus.st_mtim]
        #expect(utimensat(AT_FDCWD, sidecar.path, &sidecarTimes, 0) == 0)
        func text() throws -> String? {
            try Self.posts(of: picture.path, case: casePath).first?["text"] as? String
        }
        _ = try ingest()
        #expect(try text() == "Menagh air base", "size and mtime are trusted by default")
        #expect(try Self.summary(ingest(["--verify"]))["sidecars_read"] as? Int == 1)
        #expect(try text() == "Tiyas air base")
    }

    /// Kills `imprint ingest` with SIGKILL at random moments, then lets it finish: the case
    /// must equal a clean ingest of the same folder.
    @Test func killedIngestsCompleteToTheSameCase() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = folder.appendingPathComponent("photos")
        let count = 1200
        try Self.makeDistinctJPEGs(count: count, in: photos)
        let killedCase = folder.appendingPathComponent("killed.case").path
        // Plain hashes only (--no-trim): this is about crash safety, and the region hashes would
        // only make each run slower to reach its first commit.
        let arguments = ["ingest", "--format", "jsonl", "--batch-size", "40", "--no-trim", "--case", killedCase, photos.path]
        var generator = SystemRandomNumberGenerator()
        var kills = 0
        // The last write to the case or its WAL, to nanoseconds.
        func lastWrite() -> [Int] {
            [killedCase, killedCase + "-wal"].map { path in
                var status = stat()
                return stat(path, &status) == 0 ? status.st_mtim.tv_sec * 1_000_000_000 + status.st_mtim.tv_nsec : 0
            }
        }
        // Each attempt is killed at a random moment after its first commit, however fast the
        // machine: work committed before every kill, and a batch in flight at it.
        for _ in 0..<20 where kills < 5 {
            let before = lastWrite()
            let process = Process()
            process.executableURL = CommandLineRunner.executable
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date() + 60
            while process.isRunning && lastWrite() == before && Date() < deadline { usleep(2_000) }
            usleep(UInt32.random(in: 0...150_000, using: &generator))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
        }
        #expect(kills >= 5)
        let finish = try CommandLineRunner.run(arguments)
        #expect(finish.status == 0, "\(finish.stderr)")
        let finishSummary = try Self.summary(finish)
        #expect((finishSummary["files_unchanged"] as? Int ?? 0) > 0, "earlier runs committed work that was not redone")

        let cleanCase = folder.appendingPathComponent("clean.case").path
        let clean = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--no-trim", "--case", cleanCase, photos.path])
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(try Self.summary(clean)["files_read"] as? Int == count)
        let killedDump = try Self.dump(killedCase), cleanDump = try Self.dump(cleanCase)
        #expect(killedDump.split(separator: "\n").count == count)
        #expect(killedDump == cleanDump)
    }

    /// `count` different JPEGs made quickly: small samples with a distinct tail after the end
    /// marker (decoders stop at EOI; the SHA-256 differs).
    static func makeDistinctJPEGs(count: Int, in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        let sources = try ["mosul-runway_resized480.jpg", "mosul-runway_q40.jpg", "tabqa-hangars_q40.jpg", "tabqa-hangars_resized480.jpg"]
            .map { try Data(contentsOf: samples.appendingPathComponent($0)) }
        for index in 0..<count {
            var bytes = sources[index % sources.count]
            bytes.append(contentsOf: Array("imprint-\(index)".utf8))
            let sub = folder.appendingPathComponent(String(format: "%02d", index / 100))
            if index % 100 == 0 { try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true) }
            try bytes.write(to: sub.appendingPathComponent(String(format: "%05d.jpg", index)))
        }
    }
}

/// Embedded EXIF thumbnails: stored as `thumbnail-pdq` and `thumbnail-phash` beside the file's
/// own hashes, near them when the thumbnail shows the picture, far when it shows another.
extension IngestCommandTests {
    /// Bits that differ between two hex hashes of the same length.
    static func distance(_ a: String, _ b: String) throws -> Int {
        try #require(a.count == b.count)
        return try zip(a, b).reduce(0) { sum, pair in
            let x = try #require(pair.0.hexDigitValue), y = try #require(pair.1.hexDigitValue)
            return sum + (x ^ y).nonzeroBitCount
        }
    }

    /// `picture`'s pixels behind `exifDonor`'s EXIF segment (and so its thumbnail): what an
    /// editor that keeps the EXIF block while replacing the pixels writes.
    static func splice(exifFrom exifDonor: [UInt8], pixelsFrom picture: [UInt8]) throws -> [UInt8] {
        var offset = 2
        while offset + 4 <= exifDonor.count, exifDonor[offset] == 0xFF {
            let length = Int(exifDonor[offset + 2]) << 8 | Int(exifDonor[offset + 3])
            if exifDonor[offset + 1] == 0xE1, Array(exifDonor[(offset + 4)..<(offset + 8)]) == Array("Exif".utf8) {
                return [0xFF, 0xD8] + exifDonor[offset..<(offset + 2 + length)] + picture.dropFirst(2)
            }
            offset += 2 + length
        }
        Issue.record("no EXIF segment")
        return []
    }

    /// `case show` for one file: its hashes by name.
    static func shown(_ path: String, case casePath: String) throws -> [String: Any] {
        let result = try CommandLineRunner.run(["case", "show", "--format", "jsonl", "--case", casePath, path])
        #expect(result.status == 0, "\(result.stderr)")
        return try #require(try CommandLineRunner.objects(result).first)
    }

    /// The posts `case show` gives for one file.
    static func posts(of path: String, case casePath: String) throws -> [[String: Any]] {
        try shown(path, case: casePath)["posts"] as? [[String: Any]] ?? []
    }

    @Test func aThumbnailOfAnotherPictureIsStoredFarFromTheFilesOwnHashes() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        let runway = try [UInt8](Data(contentsOf: samples.appendingPathComponent("mosul-runway.jpg")))
        let palms = try [UInt8](Data(contentsOf: samples.appendingPathComponent("river-palms.jpg")))
        try Data(runway).write(to: photos.appendingPathComponent("runway.jpg"))
        try Data(Self.splice(exifFrom: runway, pixelsFrom: palms)).write(to: photos.appendingPathComponent("palms-with-runway-exif.jpg"))
        let casePath = folder.appendingPathComponent("x.case").path
        let first = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, photos.path])
        #expect(first.status == 0, "\(first.stderr)")

        // Thresholds are ThumbnailHash.phashThreshold (12) and .pdqThreshold (72).
        let runwayRow = try Self.shown(photos.path + "/runway.jpg", case: casePath)
        let runwayPDQ = try #require(runwayRow["pdq"] as? String), runwayPHash = try #require(runwayRow["phash"] as? String)
        #expect(try Self.distance(runwayPDQ, #require(runwayRow["thumbnail-pdq"] as? String)) <= 31)
        #expect(try Self.distance(runwayPHash, #require(runwayRow["thumbnail-phash"] as? String)) <= 4)
        let spliced = try Self.shown(photos.path + "/palms-with-runway-exif.jpg", case: casePath)
        let splicedThumbnail = try #require(spliced["thumbnail-pdq"] as? String)
        #expect(try Self.distance(#require(spliced["pdq"] as? String), splicedThumbnail) > 72)
        #expect(try Self.distance(#require(spliced["phash"] as? String), #require(spliced["thumbnail-phash"] as? String)) > 12)
        // Same thumbnail, same hash: the thumbnail is hashed on its own, not from the pixels.
        #expect(splicedThumbnail == runwayRow["thumbnail-pdq"] as? String)

        // The thumbnail rows are no region of the picture: clustering the case keeps the spliced
        // file (river-palms' pixels) away from the runway whose thumbnail it carries.
        let clustered = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--case", casePath])
        #expect(clustered.status == 0, "\(clustered.stderr)")
        #expect(try CommandLineRunner.objects(clustered).allSatisfy { $0["size"] as? Int == 1 }, "\(clustered.stdout)")

        // What the claims indexer reads: both files paired with their thumbnails, one judged edited.
        do {
            let store = try CaseDatabase(path: casePath)
            let pairs = try store.thumbnailPairs()
            #expect(pairs.map { URL(fileURLWithPath: $0.path).lastPathComponent } == ["palms-with-runway-exif.jpg", "runway.jpg"])
            #expect(pairs.map(\.showsDifferentPicture) == [true, false])
            #expect(pairs.allSatisfy { $0.phashDistance != nil && $0.pdqDistance != nil && $0.framePDQ == nil })
            #expect(try store.thumbnailPairs(fileIDs: [pairs[1].fileID]).map(\.path) == [pairs[1].path])
        }

        // And what `imprint flags` makes of it: the spliced file is edited, the camera file is not.
        let flags = try CommandLineRunner.run(["flags", "--format", "jsonl", "--case", casePath])
        #expect(flags.status == 0, "\(flags.stderr)")
        let edited = try CommandLineRunner.objects(flags).filter { $0["kind"] as? String == "edited" }
        #expect(edited.map { ($0["files"] as? [String] ?? []).map { URL(fileURLWithPath: $0).lastPathComponent } } == [["palms-with-runway-exif.jpg"]])
        #expect((edited.first?["reason"] as? String ?? "").contains("thumbnail"))

        // A copy of a file already in the case takes its thumbnail rows with its other hashes.
        try Data(runway).write(to: photos.appendingPathComponent("runway-copy.jpg"))
        let second = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, photos.path])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(try Self.summary(second)["copied_same_content"] as? Int == 1)
        let copy = try Self.shown(photos.path + "/runway-copy.jpg", case: casePath)
        for name in ["pdq", "phash", "thumbnail-pdq", "thumbnail-phash"] {
            #expect(copy[name] as? String != nil && copy[name] as? String == runwayRow[name] as? String, "\(name)")
        }
    }

    /// A broken thumbnail never fails its file: the file is stored with its own hashes only.
    @Test func aBrokenThumbnailIsPassedOver() throws {
        let folder = try Self.scratch()
        defer { try? FileManager.default.removeItem(at: folder) }
        let photos = folder.appendingPathComponent("photos")
        try FileManager.default.createDirectory(at: photos, withIntermediateDirectories: true)
        var runway = try [UInt8](Data(contentsOf: CommandLineRunner.repository.appendingPathComponent("samples/mosul-runway.jpg")))
        // Overwrite the thumbnail's scan data (the second SOI's first kilobyte past its headers).
        let soi = try #require((4..<(runway.count - 2)).first { runway[$0] == 0xFF && runway[$0 + 1] == 0xD8 && runway[$0 + 2] == 0xFF })
        for index in (soi + 2)..<(soi + 1200) { runway[index] = 0x5A }
        try Data(runway).write(to: photos.appendingPathComponent("runway.jpg"))
        let casePath = folder.appendingPathComponent("x.case").path
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, photos.path])
        #expect(result.status == 0, "\(result.stderr)")
        let row = try Self.shown(photos.path + "/runway.jpg", case: casePath)
        #expect(row["pdq"] as? String != nil)
        #expect(row["thumbnail-pdq"] == nil && row["thumbnail-phash"] == nil)
    }
}
