import Foundation
import GRDB
import Testing
import ImageMetadata
import PerceptualHash
import PostSidecars
@testable import CaseStore

@Suite struct CaseDatabaseTests {
    static let samples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("samples")

    /// A sample picture as the ingest worker would hand it to the writer.
    static func ingested(_ name: String, as path: String? = nil) throws -> IngestedFile {
        let bytes = try [UInt8](Data(contentsOf: samples.appendingPathComponent(name)))
        let metadata = try MetadataReader.read(bytes)
        let pipeline = HashPipeline(HashRequest(algorithms: [.pdq, .phash]))
        let hashes = try pipeline.hash(bytes: bytes, orientation: metadata.effectiveOrientation)
        let file = FileRecord(path: path ?? "/case/\(name)", size: Int64(bytes.count), mtimeNanoseconds: 1,
                              sha256: metadata.sha256, md5: metadata.md5, format: metadata.format?.rawValue,
                              width: metadata.imageWidth, height: metadata.imageHeight, decodeStatus: .ok, decodeError: nil)
        return IngestedFile(file: file, metadata: MetadataRecord(metadata),
                            hashes: HashRecord.records(hashes, algorithms: [.pdq, .phash]))
    }

    /// Another tool's SQLite database (gallery-dl's download archive) is refused, and left as
    /// it was; an empty file becomes a case.
    @Test func anotherToolsDatabaseIsNotMadeACase() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-foreign-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let archive = folder.appendingPathComponent("archive.sqlite3").path
        try DatabaseQueue(path: archive).write { db in
            try db.execute(sql: "CREATE TABLE archive (entry TEXT PRIMARY KEY)")
        }
        #expect {
            _ = try CaseDatabase(path: archive)
        } throws: { error in
            "\(error)".contains("another tool's SQLite database (tables: archive)")
        }
        let (tables, journal) = try DatabaseQueue(path: archive).read { db in
            (try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'"),
             try String.fetchOne(db, sql: "PRAGMA journal_mode"))
        }
        #expect(tables == ["archive"])
        #expect(journal == "delete", "its journal mode is left as the other tool set it")
        let empty = folder.appendingPathComponent("empty.case").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        _ = try CaseDatabase(path: empty)
        let reopened = try CaseDatabase(path: empty)  // and opens again as a case
        #expect(try reopened.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }

    /// A full disk is said as such, with what was kept, not as SQLite's "error 13"; the case
    /// keeps what was committed before it. (The page limit stands in for the disk: SQLite
    /// reports both as SQLITE_FULL.)
    @Test func aFullDiskIsSaidPlainlyAndLosesOnlyTheBatch() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-full-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try CaseDatabase(path: folder.appendingPathComponent("full.case").path)
        try store.store([try Self.ingested("mosul-runway.jpg")])
        try store.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        let batch = try (0..<50).map { try Self.ingested("river-palms.jpg", as: "/case/copy-\($0).jpg") }
        #expect {
            try store.store(batch)
        } throws: { error in
            "\(error)".hasPrefix("the disk that holds the case is full: the batch being written was not saved")
        }
        #expect(try store.known(path: "/case/mosul-runway.jpg") != nil)
        #expect(try store.known(path: "/case/copy-0.jpg") == nil)
    }

    /// A camera whose clock was never set records its factory date: that dates nothing.
    @Test func unsetCameraClocksAreRecognised() {
        for iso in ["2000-01-01T00:00:00", "1970-01-01T00:00:00Z", "1980-01-01T00:00:00", "2010-01-01T00:00:00Z", "1994-06-30T12:00:00"] {
            #expect(DateTaken.looksUnset(iso), "\(iso)")
        }
        for iso in ["2000-01-01T00:00:07", "2015-05-21T10:00:00Z", "2014-01-01T13:45:00", "1999-12-31T23:59:59"] {
            #expect(!DateTaken.looksUnset(iso), "\(iso)")
        }
    }

    /// Only a file that does not exist is gone; one that cannot be reached keeps its records.
    @Test func onlyMissingFilesAreGone() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-gone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a.jpg").path
        FileManager.default.createFile(atPath: file, contents: Data([1]))
        #expect(!CaseDatabase.isGone(file))
        #expect(CaseDatabase.isGone(folder.appendingPathComponent("b.jpg").path))
        #expect(CaseDatabase.isGone(file + "/c.jpg"), "a file where a folder was")
        let locked = folder.appendingPathComponent("locked")
        try FileManager.default.createDirectory(at: locked, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: locked.appendingPathComponent("d.jpg").path, contents: Data([1]))
        chmod(locked.path, 0)
        defer { chmod(locked.path, 0o755) }
        guard getuid() != 0 else {
            print("skipping the unreadable-folder case: root reads every folder")
            return
        }
        #expect(!CaseDatabase.isGone(locked.appendingPathComponent("d.jpg").path))
    }

    @Test func storesFilesMetadataAndHashesAndReadsThemBack() throws {
        let store = try CaseDatabase()
        let item = try Self.ingested("tabqa-hangars.jpg")
        let counts = try store.store([item])
        #expect(counts.added == 1)
        var summaries: [CaseDatabase.FileSummary] = []
        try store.files(matching: CaseFileFilter()) { summaries.append($0) }
        let summary = try #require(summaries.first)
        #expect(summary.file.sha256 == item.file.sha256)
        // samples/manifest.csv: Apple iPhone 7, 2017:05:11 17:22:05 at +03:00, 35.7547 38.566799.
        #expect(summary.metadata?.make == "Apple")
        #expect(summary.metadata?.model == "iPhone 7")
        #expect(summary.metadata?.dateTaken == "2017-05-11T14:22:05Z")
        #expect(summary.metadata?.dateTakenIsUTC == true)
        #expect(abs((summary.metadata?.gpsLatitude ?? 0) - 35.7547) < 1e-5)
        #expect(abs((summary.metadata?.gpsLongitude ?? 0) - 38.566799) < 1e-5)
        let tags = try JSONSerialization.jsonObject(with: Data(try #require(summary.metadata?.tags).utf8)) as? [String: Any]
        #expect(tags?["ExifIFD:DateTimeOriginal"] as? String == "2017:05:11 17:22:05")
        #expect(Set(summary.hashes.map(\.algorithm)) == ["pdq", "phash"])
        for stored in summary.hashes {
            let original = try #require(item.hashes.first { $0.algorithm == stored.algorithm })
            #expect(stored.value == original.value)
        }
    }

    /// Tag values quoted for the case's JSON read back as the same strings through Foundation's
    /// parser, whether or not they need escapes.
    @Test(arguments: ["Canon EOS 5D", "مطار دمشق الدولي", "a \"quoted\" \\ path", "line\nbreak\ttab\r",
                      "\u{01}\u{1F}ctl", "flag 🇸🇾 e\u{301}", ""])
    func quotedTextReadsBackAsItWas(_ text: String) throws {
        var json = ""
        TagJSON.quote(text, into: &json)
        let parsed = try JSONSerialization.jsonObject(with: Data(json.utf8), options: .fragmentsAllowed)
        #expect(parsed as? String == text)
        #expect(json.hasPrefix("\"") && json.hasSuffix("\""))
    }

    /// Region hashes printed as hex are stored as the bytes the digits spell.
    @Test func hexDigitsBecomeTheirBytes() {
        #expect(HashRecord.bytes(hex: "00ff7A") == [0x00, 0xFF, 0x7A])
        #expect(HashRecord.bytes(hex: "") == [])
        let pdq = Hash256(words: (0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, 1, UInt64.max))
        #expect(HashRecord.bytes(hex: pdq.hex) == pdq.bytes)
    }

    @Test func sixtyFourBitHashesWithTheTopBitSetRoundTrip() throws {
        let store = try CaseDatabase()
        var item = try Self.ingested("river-palms.jpg")
        item.hashes = [HashRecord(fileID: 0, algorithm: "phash", value: .bits64(0xFEDC_BA98_7654_3210), quality: nil)]
        try store.store([item])
        let hashes = try store.storedHashes(algorithm: "phash")
        #expect(hashes.count == 1)
        #expect(hashes.first?.uint64 == 0xFEDC_BA98_7654_3210)
        #expect(try store.read { db in try HashRecord.fetchOne(db) }?.hex == "fedcba9876543210")
    }

    @Test func storedPDQMatchesHash256Words() throws {
        let store = try CaseDatabase()
        let bytes = try [UInt8](Data(contentsOf: Self.samples.appendingPathComponent("mosul-runway.jpg")))
        let pdq = try #require(try HashPipeline(HashRequest(algorithms: [.pdq])).hash(bytes: bytes).pdq)
        try store.store([try Self.ingested("mosul-runway.jpg")])
        let stored = try #require(try store.storedHashes(algorithm: "pdq").first)
        let words = try #require(stored.words256)
        #expect(Hash256(words: words) == pdq)
        #expect(stored.dateTaken == "2017-07-02T06:41:17Z" || stored.dateTaken == "2017-07-02T09:41:17")
        // The stored hash prints as PerceptualHash's own hex of it.
        #expect(HashRecord(fileID: 0, algorithm: "pdq", value: stored.value, quality: nil).hex == pdq.hex)
        #expect(HashRecord(fileID: 0, algorithm: "phash", value: .bits64(0x00AB_0000_0000_0001), quality: nil).hex == "00ab000000000001")
    }

    /// A path typed in NFC finds the file stored in NFD (as macOS writes names), and the other
    /// way round, in `case show` and in `case files --where folder=` (CLI probe round 13, L8).
    @Test func aPathIsFoundInEitherUnicodeForm() throws {
        let store = try CaseDatabase()
        let decomposed = "/case/Alep – Re\u{301}/Cre\u{301}mieux.jpg"
        try store.store([try Self.ingested("qaim-crossing.jpg", as: decomposed)])
        let typed = "/case/Alep – Ré/Crémieux.jpg"
        #expect(Array(typed.utf8) != Array(decomposed.utf8))
        #expect(try store.details(pathOrDigest: typed).map(\.summary.file.path) == [decomposed])
        #expect(try store.details(pathOrDigest: decomposed).count == 1)
        for folder in ["/case/Alep – Ré", "/case/Alep – Re\u{301}"] {
            var filter = CaseFileFilter()
            filter.folder = folder
            var found: [String] = []
            try store.files(matching: filter) { found.append($0.file.path) }
            #expect(found == [decomposed], "\(folder)")
        }
    }

    @Test func samePathIsUpdatedInPlace() throws {
        let store = try CaseDatabase()
        try store.store([try Self.ingested("mosul-runway.jpg", as: "/case/a.jpg")])
        let firstID = try #require(try store.known(path: "/case/a.jpg")?.fileID)
        let counts = try store.store([try Self.ingested("river-palms.jpg", as: "/case/a.jpg")])
        #expect(counts.updated == 1 && counts.added == 0)
        #expect(try store.known(path: "/case/a.jpg")?.fileID == firstID)
        let details = try store.details(pathOrDigest: "/case/a.jpg")
        #expect(details.first?.summary.metadata?.make == nil, "river-palms has no camera")
        #expect(try store.read { db in try HashRecord.fetchCount(db) } == 2)
    }

    @Test func sameContentIsCopiedAndAVanishedPathIsMoved() throws {
        let store = try CaseDatabase()
        try store.store([try Self.ingested("qaim-crossing.jpg", as: "/gone/old.jpg")])
        let source = try #require(try store.known(sha256: try Self.ingested("qaim-crossing.jpg").file.sha256, algorithms: ["pdq", "phash"]))
        var moved = try Self.ingested("qaim-crossing.jpg", as: "/case/new.jpg")
        moved.metadata = nil
        moved.hashes = []
        moved.sameContentAs = KnownContent(fileID: source.fileID, path: source.path, pathVanished: true)
        var copy = moved
        copy.file = FileRecord(path: "/case/copy.jpg", size: moved.file.size, mtimeNanoseconds: 1, sha256: moved.file.sha256,
                               md5: moved.file.md5, format: nil, width: nil, height: nil, decodeStatus: .ok, decodeError: nil)
        let counts = try store.store([moved, copy])
        #expect(counts.moved == 1)
        #expect(counts.copied == 1)
        #expect(try store.known(path: "/gone/old.jpg") == nil)
        #expect(try store.known(path: "/case/new.jpg")?.fileID == source.fileID)
        let copied = try #require(try store.details(pathOrDigest: "/case/copy.jpg").first)
        #expect(copied.summary.file.format == "JPEG")
        #expect(copied.summary.metadata?.model == "NIKON D7100")
        #expect(copied.summary.hashes.count == 2)
        #expect(copied.sameContent == ["/case/new.jpg"])
    }

    @Test func postsAreLinkedByRelativePathAndByName() throws {
        let store = try CaseDatabase()
        try store.store([try Self.ingested("desert-road.jpg", as: "/case/photos/desert-road.jpg"),
                         try Self.ingested("river-palms.jpg", as: "/case/other/river-palms.jpg")])
        // A scraper's platform media name is found anywhere in the case; a table's bare name
        // only under the table's folder.
        let post = Post(platform: "vk", postID: "wall-1_2", text: "طريق الصحراء", language: "ar",
                        media: ["../photos/desert-road.jpg", "river-palms.jpg", "missing.jpg"], mediaSearch: .wholeCase)
        var table = post
        table.mediaSearch = .underSidecarFolder
        let tableCounts = try store.storeSidecar(path: "/case/notes/y.csv", size: 1, mtimeNanoseconds: 1, format: .plainCSV, posts: [table])
        #expect(tableCounts.posts == 1 && tableCounts.links == 1 && tableCounts.unlinkedPosts == 0)
        try store.forgetSidecars(["/case/notes/y.csv"])
        let counts = try store.storeSidecar(path: "/case/notes/x.csv", size: 1, mtimeNanoseconds: 1, format: .snscrape, posts: [post])
        #expect(counts.posts == 1 && counts.links == 2 && counts.unlinkedPosts == 0)
        // Reading the same sidecar again updates the post; links are not doubled.
        try store.storeSidecar(path: "/case/notes/x.csv", size: 1, mtimeNanoseconds: 1, format: .snscrape, posts: [post])
        let details = try store.details(pathOrDigest: "/case/photos/desert-road.jpg")
        #expect(details.first?.posts.map(\.text) == ["طريق الصحراء"])
        #expect(try store.statistics().first { $0.name == "posts" }?.value == 1)
        #expect(try store.knownSidecar(path: "/case/notes/x.csv")?.size == 1)
    }

    /// A sidecar read again replaces the links it gave; a link another sidecar gives too
    /// stays. A case made before links had sources credits each to its post's sidecar.
    @Test func aSidecarReadAgainReplacesOnlyItsOwnLinks() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-links-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("links.case").path
        let store = try CaseDatabase(path: path)
        try store.store([try Self.ingested("desert-road.jpg", as: "/case/a/desert-road.jpg"),
                         try Self.ingested("river-palms.jpg", as: "/case/a/river-palms.jpg")])
        let post = Post(platform: "vk", postID: "wall-1_2", text: "x", media: ["desert-road.jpg", "river-palms.jpg"])
        try store.storeSidecar(path: "/case/a/x.csv", size: 1, mtimeNanoseconds: 1, format: .plainCSV, posts: [post])
        // Made as an older imprint left it: no sources, the last migration not yet run.
        try store.writer.write { db in
            try db.execute(sql: "DROP TABLE link_sources")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v4:%'")
        }
        let reopened = try CaseDatabase(path: path)
        func linked() throws -> [String] {
            try ["desert-road.jpg", "river-palms.jpg"].filter { name in
                try reopened.details(pathOrDigest: "/case/a/" + name).first?.posts.isEmpty == false
            }
        }
        #expect(try linked() == ["desert-road.jpg", "river-palms.jpg"])
        var other = post
        other.media = ["river-palms.jpg"]
        try reopened.storeSidecar(path: "/case/a/y.csv", size: 1, mtimeNanoseconds: 1, format: .plainCSV, posts: [other])
        var fewer = post
        fewer.media = ["desert-road.jpg"]
        try reopened.storeSidecar(path: "/case/a/x.csv", size: 2, mtimeNanoseconds: 2, format: .plainCSV, posts: [fewer])
        #expect(try linked() == ["desert-road.jpg", "river-palms.jpg"], "y.csv still links river-palms.jpg")
        fewer.media = []
        try reopened.storeSidecar(path: "/case/a/x.csv", size: 3, mtimeNanoseconds: 3, format: .plainCSV, posts: [fewer])
        #expect(try linked() == ["river-palms.jpg"])
        try reopened.forgetSidecars(["/case/a/y.csv"])
        #expect(try linked() == [])
    }

    /// A case made when posts without an id were keyed by their sidecar's bare name
    /// (`posts.csv#1`, two weeks' tables merged into one post) has the sidecars that can hold
    /// such posts marked as changed, so that the next ingest forgets their posts and reads
    /// them again under the new keys: no old post is left beside the new ones.
    @Test func aCaseFromBeforePathKeysReadsItsSidecarsAgain() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("keys.case").path
        let store = try CaseDatabase(path: path)
        try store.store([try Self.ingested("desert-road.jpg", as: "/case/week1/p.jpg"),
                         try Self.ingested("river-palms.jpg", as: "/case/week2/p.jpg")])
        let tables = ["/case/week1/posts.csv", "/case/week2/posts.csv"]
        for (table, text) in zip(tables, ["Tabqa airbase captured", "Deir ez-Zor airport is ours"]) {
            let old = Post(platform: "unknown", postID: "posts.csv#1", text: text, media: ["p.jpg"])
            try store.storeSidecar(path: table, size: 10, mtimeNanoseconds: 1, format: .plainCSV, posts: [old])
        }
        try store.storeSidecar(path: "/case/arc/tweets.js", size: 10, mtimeNanoseconds: 1, format: .twitterArchive, posts: [])
        #expect(try store.statistics().first { $0.name == "posts" }?.value == 1, "the old keys merged the two weeks")
        // As an older imprint left it: the last migration not yet run.
        try store.writer.write { db in
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier LIKE 'v5:%'")
        }
        let reopened = try CaseDatabase(path: path)
        #expect(try tables.map { try reopened.knownSidecar(path: $0)?.size } == [-1, -1], "no file has this size: both read again")
        #expect(try reopened.knownSidecar(path: "/case/arc/tweets.js")?.size == 10, "an archive's posts always had ids")
        // What ingest does with changed sidecars: forget them, then store what they now give.
        try reopened.forgetSidecars(tables)
        for (table, text) in zip(tables, ["Tabqa airbase captured", "Deir ez-Zor airport is ours"]) {
            let post = Post(platform: "unknown", postID: table + "#1", text: text, media: ["p.jpg"])
            try reopened.storeSidecar(path: table, size: 10, mtimeNanoseconds: 1, format: .plainCSV, posts: [post])
        }
        #expect(try reopened.statistics().first { $0.name == "posts" }?.value == 2)
        for (picture, text) in [("/case/week1/p.jpg", "Tabqa airbase captured"), ("/case/week2/p.jpg", "Deir ez-Zor airport is ours")] {
            #expect(try reopened.details(pathOrDigest: picture).first?.posts.map(\.text) == [text])
        }
    }

    /// The same tweet read by gallery-dl and then named in an analyst's table keeps what the
    /// scraper knew; the table only fills what is missing, and an edited scraper file still
    /// replaces its own post.
    @Test func aPostSeenByTwoSidecarsKeepsTheScrapersFacts() throws {
        let store = try CaseDatabase()
        try store.store([try Self.ingested("desert-road.jpg", as: "/case/x/1701_1.jpg")])
        let date = Date(timeIntervalSince1970: 1_694_412_239)
        let scraped = Post(platform: "twitter", postID: "1701", url: "https://x.com/AleppoNow_/status/1701", author: "AleppoNow_",
                           postedAt: date, text: "رفع العلم", language: "ar", media: ["1701_1.jpg"], mediaSearch: .besideSidecar)
        let typed = Post(platform: "twitter", postID: "1701", url: "https://x.com/AleppoNow_/status/1701/photo/2",
                         author: "someone", postedAt: Date(timeIntervalSince1970: 0), text: "", extra: #"{"note":"seen elsewhere"}"#,
                         media: ["1701_1.jpg"])
        func post() throws -> PostRecord? { try store.details(pathOrDigest: "/case/x/1701_1.jpg").first?.posts.first }
        try store.storeSidecar(path: "/case/x/1701_1.jpg.json", size: 1, mtimeNanoseconds: 1, format: .galleryDL, posts: [scraped])
        try store.storeSidecar(path: "/case/notes.csv", size: 1, mtimeNanoseconds: 1, format: .plainCSV, posts: [typed])
        #expect(try post()?.author == "AleppoNow_")
        #expect(try post()?.text == "رفع العلم")
        #expect(try post()?.language == "ar")
        #expect(try post()?.postedAt == "2023-09-11T06:03:59Z")
        var edited = scraped
        edited.text = "رفع العلم فوق المطار"
        try store.storeSidecar(path: "/case/x/1701_1.jpg.json", size: 2, mtimeNanoseconds: 2, format: .galleryDL, posts: [edited])
        #expect(try post()?.text == "رفع العلم فوق المطار")
        #expect(try store.statistics().first { $0.name == "posts" }?.value == 1)

        // The table's own columns (extra) are kept too, and survive the scraper's re-read.
        let extra = try #require(try post()?.extra)
        #expect(extra.contains("seen elsewhere"))

        // The other way round: the table first, then the scraper, which overrides what it has.
        let other = try CaseDatabase()
        try other.store([try Self.ingested("desert-road.jpg", as: "/case/x/1701_1.jpg")])
        try other.storeSidecar(path: "/case/notes.csv", size: 1, mtimeNanoseconds: 1, format: .plainCSV, posts: [typed])
        try other.storeSidecar(path: "/case/x/1701_1.jpg.json", size: 1, mtimeNanoseconds: 1, format: .galleryDL, posts: [scraped])
        let merged = try #require(try other.details(pathOrDigest: "/case/x/1701_1.jpg").first?.posts.first)
        #expect(merged.author == "AleppoNow_" && merged.text == "رفع العلم" && merged.postedAt == "2023-09-11T06:03:59Z")
    }

    @Test func anIPTCDateAndTimeAreTheDateTakenWhenNothingElseIs() {
        let metadata = FileMetadata(format: .jpeg, fileSize: 1, sha256: "", md5: "", tags: [
            MetadataTag(group: "IPTC", name: "DateCreated", value: .string("2017:05:02")),
            MetadataTag(group: "IPTC", name: "TimeCreated", value: .string("14:30:00+03:00")),
        ])
        #expect(MetadataRecord(metadata).dateTaken == "2017-05-02T11:30:00Z")
    }

    /// Each EXIF date takes its own offset, as exiftool's composites do: OffsetTime belongs to
    /// ModifyDate (whatever last saved the file), so a DateTimeOriginal without
    /// OffsetTimeOriginal stays local time; CreateDate takes OffsetTimeDigitized (CLI probe
    /// round 14).
    @Test func eachDateTakesItsOwnOffset() {
        func taken(_ tags: [MetadataTag]) -> String? {
            MetadataRecord(FileMetadata(format: .jpeg, fileSize: 1, sha256: "", md5: "", tags: tags)).dateTaken
        }
        #expect(taken([MetadataTag(group: "ExifIFD", name: "DateTimeOriginal", value: .string("2016:08:01 10:00:00")),
                       MetadataTag(group: "ExifIFD", name: "OffsetTime", value: .string("-05:00"))]) == "2016-08-01T10:00:00")
        #expect(taken([MetadataTag(group: "ExifIFD", name: "DateTimeOriginal", value: .string("2016:08:01 10:00:00")),
                       MetadataTag(group: "ExifIFD", name: "OffsetTime", value: .string("-05:00")),
                       MetadataTag(group: "ExifIFD", name: "OffsetTimeOriginal", value: .string("+03:00"))]) == "2016-08-01T07:00:00Z")
        #expect(taken([MetadataTag(group: "ExifIFD", name: "CreateDate", value: .string("2016:08:01 10:00:00")),
                       MetadataTag(group: "ExifIFD", name: "OffsetTimeOriginal", value: .string("-05:00")),
                       MetadataTag(group: "ExifIFD", name: "OffsetTimeDigitized", value: .string("+03:00"))]) == "2016-08-01T07:00:00Z")
    }

    /// GPS without its N/E references (an editor that kept the coordinates only) is kept as
    /// stored, north and east, as exiftool's GPSPosition shows it, rather than dropped (CLI probe
    /// round 14); with references the Composite's sign wins.
    @Test func gpsWithoutReferencesIsNorthAndEast() {
        func position(_ tags: [MetadataTag]) -> [Double?] {
            let record = MetadataRecord(FileMetadata(format: .jpeg, fileSize: 1, sha256: "", md5: "", tags: tags))
            return [record.gpsLatitude, record.gpsLongitude]
        }
        let bare = [MetadataTag(group: "GPS", name: "GPSLatitude", value: .double(35.75)),
                    MetadataTag(group: "GPS", name: "GPSLongitude", value: .double(38.57))]
        #expect(position(bare) == [35.75, 38.57])
        #expect(position(bare + [MetadataTag(group: "Composite", name: "GPSLatitude", value: .double(-35.75)),
                                 MetadataTag(group: "Composite", name: "GPSLongitude", value: .double(-38.57))]) == [-35.75, -38.57])
    }

    @Test func mediaBesideTheSidecarAreNotLookedForElsewhere() throws {
        let store = try CaseDatabase()
        try store.store([try Self.ingested("desert-road.jpg", as: "/case/other_channel/613.jpg")])
        // yt-dlp's 613.info.json names 613.jpg, 613.mp4…: the other channel's 613.jpg is another picture.
        let post = Post(platform: "telegram", postID: "badia_front/613", media: ["613.jpg", "613.mp4"], mediaSearch: .besideSidecar)
        let counts = try store.storeSidecar(path: "/case/badia_front/613.info.json", size: 1, mtimeNanoseconds: 1, format: .ytDLP, posts: [post])
        #expect(counts.links == 0 && counts.unlinkedPosts == 1)
    }

    @Test func mediaPrefixesLinkEveryFileBesideTheSidecarThatStartsWithThem() throws {
        let store = try CaseDatabase()
        try store.store([try Self.ingested("desert-road.jpg", as: "/case/yt/clip_1%.webp"),
                         try Self.ingested("river-palms.jpg", as: "/case/yt/clip_1%.3.jpg"),
                         try Self.ingested("night-street.jpg", as: "/case/yt/clip_10.jpg")])
        // yt-dlp's clip_1%.info.json: the thumbnail and a numbered one, not clip_10 (no LIKE wildcards).
        let post = Post(platform: "youtube", postID: "abc", mediaSearch: .besideSidecar, mediaPrefixes: ["clip_1%."])
        let counts = try store.storeSidecar(path: "/case/yt/clip_1%.info.json", size: 1, mtimeNanoseconds: 1, format: .ytDLP, posts: [post])
        #expect(counts.links == 2)
        #expect(try store.details(pathOrDigest: "/case/yt/clip_10.jpg").first?.posts.isEmpty == true)
    }

    @Test func filtersSelectByFolderDateGPSFormatAndStatus() throws {
        let store = try CaseDatabase()
        var failed = try Self.ingested("night-street.jpg", as: "/b/broken.jpg")
        failed.file.decodeStatus = .failed
        failed.file.decodeError = "corrupt"
        failed.hashes = []
        try store.store([try Self.ingested("mosul-runway.jpg", as: "/a/mosul-runway.jpg"),
                         try Self.ingested("desert-road.jpg", as: "/a/sub/desert-road.jpg"),
                         try Self.ingested("kuweires-flag.png", as: "/ab/kuweires-flag.png"), failed])
        func paths(_ configure: (inout CaseFileFilter) -> Void) throws -> [String] {
            var filter = CaseFileFilter()
            configure(&filter)
            var result: [String] = []
            try store.files(matching: filter) { result.append($0.file.path) }
            return result
        }
        #expect(try paths { $0.folder = "/a" } == ["/a/mosul-runway.jpg", "/a/sub/desert-road.jpg"])
        #expect(try paths { $0.hasGPS = false } == ["/a/sub/desert-road.jpg"])
        #expect(try paths { $0.format = "png" } == ["/ab/kuweires-flag.png"])
        #expect(try paths { $0.statuses = [.failed] } == ["/b/broken.jpg"])
        // Taken: mosul 2017-07-02, desert road 2018-09-20, kuweires 2015-11-12, night street 2017-08-01.
        #expect(try paths { $0.takenFrom = "2017-07"; $0.takenBefore = "2018" } == ["/a/mosul-runway.jpg", "/b/broken.jpg"])
        #expect(try paths { $0.make = "dji" } == ["/ab/kuweires-flag.png"])
    }

    @Test(arguments: [
        ("2017:07:02 09:41:17", "+03:00", "2017-07-02T06:41:17Z", true),
        ("2017:01:01 01:00:00", "+03:00", "2016-12-31T22:00:00Z", true),
        ("2016:02:29 23:30:00", "-05:00", "2016-03-01T04:30:00Z", true),
        ("2017:07:02 09:41:17", nil, "2017-07-02T09:41:17", false),
        ("2019-03-23T16:40:12+04:30", nil, "2019-03-23T12:10:12Z", true),
        // XMP without seconds: the zone follows the minutes (CLI probe round 10, M1: read as
        // 10:00:03, local, before).
        ("2017-07-02T10:00+03:00", nil, "2017-07-02T07:00:00Z", true),
        ("2012:06:29 09:29-04:00", nil, "2012-06-29T13:29:00Z", true),
        ("2017-07-02T10:00", nil, "2017-07-02T10:00:00", false),
        // A date without a time of day stays one (XMP-photoshop:DateCreated, IPTC without TimeCreated).
        ("2017:01:05", "+03:00", "2017-01-05", false),
        ("2017-01-05", nil, "2017-01-05", false),
    ] as [(String, String?, String, Bool)])
    func datesTakenBecomeUTCWhenTheOffsetIsKnown(exif: String, offset: String?, iso: String, utc: Bool) throws {
        let date = try #require(DateTaken(exif: exif, offset: offset))
        #expect(date.iso == iso)
        #expect(date.isUTC == utc)
    }

    @Test(arguments: ["", "0000:00:00 00:00:00", "    :  :     :  :  ", "garbage"])
    func unusableDatesAreNone(exif: String) {
        #expect(DateTaken(exif: exif, offset: "+03:00") == nil)
    }

    @Test func aCaseFileReopensWithItsData() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("case-\(UUID().uuidString).case").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try CaseDatabase(path: path).store([try Self.ingested("mosul-runway.jpg")])
        let reopened = try CaseDatabase(path: path)
        #expect(try reopened.statistics().first { $0.name == "files" }?.value == 1)
        #expect(try reopened.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") } == "wal")
    }

    /// A case another tool switched to a rollback journal (sqlite3's `PRAGMA journal_mode`)
    /// is in WAL mode again once opened, so that a killed ingest loses nothing committed.
    @Test func aCaseReturnsToWALMode() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("case-\(UUID().uuidString).case").path
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try CaseDatabase(path: path).store([try Self.ingested("mosul-runway.jpg")])
        let mode = try DatabaseQueue(path: path).writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE") }
        #expect(mode == "delete")
        let reopened = try CaseDatabase(path: path)
        #expect(try reopened.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(try reopened.statistics().first { $0.name == "files" }?.value == 1)
    }

    /// A run that only reads (a second ingest of an unchanged folder) must not write: no
    /// transaction on opening, so nothing to checkpoint (and fsync) on closing.
    @Test func reopeningACaseToReadWritesNothing() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("case-\(UUID().uuidString).case").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try CaseDatabase(path: path).store([try Self.ingested("mosul-runway.jpg")])
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"), "the last close checkpoints and removes the WAL")
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let reopened = try CaseDatabase(path: path)
            #expect(try reopened.knownPaths(under: ["/case"]).count == 1)
            let walSize = try FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int ?? -1
            #expect((0...32).contains(walSize), "a WAL of at most a bare header holds no frame")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        // And the case still takes writes after such a reopening.
        try CaseDatabase(path: path).store([try Self.ingested("desert-road.jpg")])
        #expect(try CaseDatabase(path: path).statistics().first { $0.name == "files" }?.value == 2)
    }

    /// A reader who may not write the case (a teammate, write-protected media) opens it
    /// without creating anything beside it, whatever its name, and cannot change it.
    @Test(arguments: ["team", "عين الأسد ?#%20 case"])
    func readingACaseOthersOwnLeavesNothingBesideIt(name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-ro-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(name + ".case").path
        try CaseDatabase(path: path).store([try Self.ingested("mosul-runway.jpg"), try Self.ingested("desert-road.jpg")])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name + ".case"])
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            let reader = try CaseDatabase(readingFrom: path, writable: false)
            #expect(try reader.statistics().first { $0.name == "files" }?.value == 2)
            #expect(try reader.knownPaths(under: ["/case"]).count == 2)
            #expect(throws: CaseStoreError.self) { try reader.store([try Self.ingested("desert-road.jpg", as: "/case/again.jpg")]) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == [name + ".case"], "no -wal or -shm left")
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// While the owner's ingest has the case open, a reader sees what it has committed (through
    /// the owner's `-shm`); a `-wal` whose `-shm` is gone (a copied case) cannot be read without
    /// writing one, so the reader is told and reads the case file alone.
    @Test func readersSeeCommittedChangesOrAreToldTheyCannot() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("team.case").path
        try CaseDatabase(path: path).store([try Self.ingested("mosul-runway.jpg")])
        let owner = try CaseDatabase(path: path)
        try owner.writer.writeWithoutTransaction { try $0.execute(sql: "PRAGMA wal_autocheckpoint = 0") }
        try owner.store([try Self.ingested("desert-road.jpg")])
        var warnings: [String] = []
        let live = try CaseDatabase(readingFrom: path, writable: false, warn: { warnings.append($0) })
        #expect(try live.statistics().first { $0.name == "files" }?.value == 2)
        #expect(warnings.isEmpty)

        // The case and its WAL copied without the -shm.
        let copy = folder.appendingPathComponent("copy.case").path
        try FileManager.default.copyItem(atPath: path, toPath: copy)
        try FileManager.default.copyItem(atPath: path + "-wal", toPath: copy + "-wal")
        let stale = try CaseDatabase(readingFrom: copy, writable: false, warn: { warnings.append($0) })
        #expect(try stale.statistics().first { $0.name == "files" }?.value == 1)
        #expect(warnings.count == 1 && warnings[0].contains("-wal"))
        #expect(!FileManager.default.fileExists(atPath: copy + "-shm"))
    }

    /// A read-only case made by an older imprint cannot be brought up to date by its reader:
    /// the error says who can, instead of a query failing on a missing column.
    @Test func anOlderReadOnlyCaseSaysWhoCanUpdateIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-old-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("old.case").path
        try CaseDatabase(path: path).writer.write { db in
            let last = try String.fetchOne(db, sql: "SELECT identifier FROM grdb_migrations ORDER BY rowid DESC LIMIT 1")
            try db.execute(sql: "DELETE FROM grdb_migrations WHERE identifier = ?", arguments: [last])
        }
        #expect {
            try CaseDatabase(readingFrom: path, writable: false)
        } throws: { error in
            "\(error)".contains("older imprint")
        }
    }

    /// A file that is not a case (named by mistake) gets no `-wal` companion left beside it.
    @Test func aFileThatIsNotACaseGetsNoWAL() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-case-\(UUID().uuidString).txt").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try Data("just some text, not a database".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: CaseStoreError.self) { try CaseDatabase(path: path) }
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }
}
