import Foundation
import Testing

/// `imprint case stats|files|show` over a case of samples/ (facts from samples/manifest.csv).
@Suite(.serialized) struct CaseCommandTests {
    static let casePath: String = {
        // A name of its own, not the process id: ids come round again, and an old run's case
        // left under the same name would hold another checkout's files too.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-case-tests-\(UUID().uuidString).case").path
        _ = try? CommandLineRunner.run(["ingest", "--case", path, "samples"])
        return path
    }()

    static func manifest() throws -> [[String: String]] {
        let text = try String(contentsOf: CommandLineRunner.repository.appendingPathComponent("samples/manifest.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = lines[0]
        // The site column holds commas inside parentheses; the columns used here come before it.
        return lines.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header.prefix(8), $0.prefix(8))) }
    }

    func files(_ conditions: [String]) throws -> [String] {
        let result = try CommandLineRunner.run(["case", "files", "--format", "jsonl", "--case", Self.casePath]
                                               + conditions.flatMap { ["--where", $0] })
        #expect(result.status == 0, "\(result.stderr)")
        return try CommandLineRunner.objects(result).compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) }
    }

    /// The text table sizes its columns by its first rows, not the first alone: every camera
    /// model of samples/ is shown whole (they are short), whichever file comes first.
    @Test func theTextTableShowsCameraModelsWhole() throws {
        let result = try CommandLineRunner.run(["case", "files", "--format", "text", "--case", Self.casePath])
        #expect(result.status == 0)
        let models = Set(try Self.manifest().compactMap { $0["model"] }.filter { !$0.isEmpty })
        #expect(models.count >= 5)
        for model in models { #expect(result.stdout.contains(model + " "), "\(model)") }
        #expect(!result.stdout.contains("Can…"))
    }

    /// `imprint help NAME` for a command that does not exist fails as `imprint NAME` does,
    /// so a typo in a wrapper script is seen; a real one prints its help.
    @Test func helpForAnUnknownCommandFails() throws {
        for arguments in [["help", "scan"], ["help", "case", "bogus"]] {
            let result = try CommandLineRunner.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("is not a command"), "\(arguments)")
        }
        let known = try CommandLineRunner.run(["help", "case", "files"])
        #expect(known.status == 0)
        #expect(known.stdout.contains("--where"))
    }

    /// A command is parsed on its own, without `imprint`'s arguments, only when its arguments
    /// are valid: help, a bad option and a root-only flag still come from the whole command
    /// line, as `imprint …` with the command's full path.
    @Test func helpAndErrorsNameTheWholeCommand() throws {
        for arguments in [["ingest", "--help"], ["hash", "-h"], ["help", "ingest"]] {
            let result = try CommandLineRunner.run(arguments)
            #expect(result.status == 0, "\(arguments)")
            #expect(result.stdout.contains("USAGE: imprint \(arguments.contains("hash") ? "hash" : "ingest") "), "\(arguments)")
        }
        for arguments in [["hash", "--bogus", "x.jpg"], ["ingest", "--batch-size", "0", "x"]] {
            let result = try CommandLineRunner.run(arguments)
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr.contains("Usage: imprint \(arguments[0]) "), "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
        #expect(try CommandLineRunner.run(["hash", "--version"]).stdout == "0.1.0\n")
    }

    /// A short option's value may be attached (`-j1`, `-fjsonl`, `-apdq`), as make and most Unix
    /// tools take it (CLI probe round 14); after `--` an argument is a path, whatever it looks like.
    @Test func shortOptionsTakeAttachedValues() throws {
        let attached = try CommandLineRunner.run(["hash", "-j1", "-fjsonl", "-apdq", "samples/desert-road.jpg"])
        let spaced = try CommandLineRunner.run(["hash", "-j", "1", "-f", "jsonl", "-a", "pdq", "samples/desert-road.jpg"])
        #expect(attached.status == 0, "\(attached.stderr)")
        #expect(attached.stdout == spaced.stdout && !attached.stdout.isEmpty)
        let path = try CommandLineRunner.run(["hash", "-f", "jsonl", "--", "-j1"])
        #expect(try CommandLineRunner.objects(path).first?["path"] as? String == "-j1")
    }

    @Test func statsCountWhatTheSamplesHold() throws {
        let result = try CommandLineRunner.run(["case", "stats", "--format", "jsonl", "--case", Self.casePath])
        #expect(result.status == 0, "\(result.stderr)")
        let stats = try #require(try CommandLineRunner.objects(result).first)
        let manifest = try Self.manifest()
        #expect(stats["files"] as? Int == manifest.count)
        #expect(stats["with_gps"] as? Int == manifest.filter { !($0["gps_lat"] ?? "").isEmpty }.count)
        #expect(stats["format_png"] as? Int == manifest.filter { $0["file"]!.hasSuffix(".png") }.count)
        #expect(stats["hashes_pdq"] as? Int == manifest.count)
        #expect((stats["posts"] as? Int ?? 0) >= 10)
    }

    @Test func whereSelectsByGPSDateFormatAndFolder() throws {
        let manifest = try Self.manifest()
        let withGPS = manifest.filter { !($0["gps_lat"] ?? "").isEmpty }.map { $0["file"]! }.sorted()
        #expect(try files(["gps=yes"]) == withGPS)
        #expect(try files(["format=webp"]) == manifest.filter { $0["file"]!.hasSuffix(".webp") }.map { $0["file"]! })
        // Dates taken in 2017 (UTC; the samples record offsets, none crossing a year).
        let in2017 = manifest.filter { ($0["datetime_original"] ?? "").hasPrefix("2017") }.map { $0["file"]! }.sorted()
        #expect(try files(["taken>=2017", "taken<2018"]) == in2017)
        // A date names its whole period: "<= 2017" includes 2017, "> 2016" starts with 2017.
        #expect(try files(["taken>2016", "taken<=2017"]) == in2017)
        #expect(try files(["taken>=2017-01-01", "taken<=2017-12-31"]) == in2017)
        #expect(try files(["folder=samples/posts"]).isEmpty)
        #expect(try files(["folder=samples", "make=Canon"]) == manifest.filter { $0["make"] == "Canon" }.map { $0["file"]! }.sorted())
        #expect(try files(["status=error"]).isEmpty)
    }

    @Test func unknownConditionsAreUsageErrors() throws {
        let result = try CommandLineRunner.run(["case", "files", "--where", "colour=red", "--case", Self.casePath])
        #expect(result.status == 2)
        #expect(result.stderr.contains("colour=red"))
        // A format the case cannot hold is refused, not answered with nothing; jpg means JPEG.
        #expect(try CommandLineRunner.run(["case", "files", "--where", "format=gif", "--case", Self.casePath]).status == 2)
        #expect(try files(["format=jpg"]) == files(["format=JPEG"]))
        for date in ["2017/07/01", "yesterday", "2017-13", "2017-02-30", "2017-07-02T09:41:17+03:00", "17-07-01"] {
            #expect(try CommandLineRunner.run(["case", "files", "--where", "taken>=" + date, "--case", Self.casePath]).status == 2, "\(date)")
        }
    }

    /// JSON nests what jq users reach for (`.posts[0].text`, `.tags["IFD0:Make"]`,
    /// `.posts[0].extra.hashtags`); CSV and text keep one flat column each.
    @Test func showNestsPostsAndTagsInJSONAndFlattensThemElsewhere() throws {
        let arguments = ["case", "show", "--case", Self.casePath, "samples/mosul-runway_banner.jpg"]
        for format in ["jsonl", "json"] {
            let result = try CommandLineRunner.run(arguments + ["--format", format])
            #expect(result.status == 0, "\(result.stderr)")
            let records = format == "json"
                ? try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []
                : try CommandLineRunner.objects(result)
            let record = try #require(records.first)
            let posts = try #require(record["posts"] as? [[String: Any]], "\(format)")
            #expect(!posts.isEmpty && posts.allSatisfy { $0["platform"] is String && $0["text"] != nil })
            #expect(posts.allSatisfy { $0["extra"] is [String: Any] }, "extra is an object, not JSON in a string")
            #expect((record["tags"] as? [String: Any])?["File:FileType"] as? String == "JPEG")
            #expect(!record.keys.contains { $0.hasPrefix("post1.") || $0.hasPrefix("tag.") })
        }
        let csv = try CommandLineRunner.run(arguments + ["--format", "csv"])
        let header = try #require(csv.stdout.split(separator: "\n").first).split(separator: ",")
        #expect(header.contains("post1.text") && header.contains("tag.File:FileType") && !header.contains("posts"))
    }

    @Test func showFindsAFileByPathOrDigestAndListsItsTags() throws {
        let byPath = try CommandLineRunner.objects(CommandLineRunner.run(
            ["case", "show", "--format", "jsonl", "--case", Self.casePath, "samples/tabqa-hangars.jpg"]))
        let record = try #require(byPath.first)
        #expect(record["model"] as? String == "iPhone 7")
        #expect((record["tags"] as? [String: Any])?["ExifIFD:DateTimeOriginal"] as? String == "2017:05:11 17:22:05")
        #expect(record["date_taken"] as? String == "2017-05-11T14:22:05Z")
        let sha = try #require(record["sha256"] as? String)
        let hashed = try CommandLineRunner.objects(CommandLineRunner.run(["hash", "--format", "jsonl", "samples/tabqa-hangars.jpg"]))
        #expect(hashed.first?["sha256"] as? String == sha)
        #expect(hashed.first?["pdq"] as? String == record["pdq"] as? String)
        #expect(hashed.first?["phash"] as? String == record["phash"] as? String)
        let bySHA = try CommandLineRunner.objects(CommandLineRunner.run(["case", "show", "--format", "jsonl", "--case", Self.casePath, sha]))
        #expect(bySHA.first?["path"] as? String == record["path"] as? String)
        let missing = try CommandLineRunner.run(["case", "show", "--case", Self.casePath, "samples/nope.jpg"])
        #expect(missing.status == 1)
    }

    /// Two cases (mine and a colleague's) are clustered together when `--case` is repeated.
    @Test func clusterAcrossTwoCases() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-two-cases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let mine = folder.appendingPathComponent("mine.case").path, theirs = folder.appendingPathComponent("theirs.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", mine, "samples/mosul-runway.jpg"]).status == 0)
        #expect(try CommandLineRunner.run(["ingest", "--case", theirs, "samples/mosul-runway_q40.jpg"]).status == 0)
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--case", mine, "--case", theirs])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try CommandLineRunner.objects(result).compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) }
        #expect(names.sorted() == ["mosul-runway.jpg", "mosul-runway_q40.jpg"])
    }

    /// `cluster --case` reads the stored hashes and finds the same groups as hashing again.
    @Test func clusterFromTheCaseMatchesClusterFromTheImages() throws {
        func groups(_ arguments: [String]) throws -> [[String]] {
            let result = try CommandLineRunner.run(["cluster", "--format", "jsonl"] + arguments)
            #expect(result.status == 0, "\(result.stderr)")
            var byCluster: [Int: [String]] = [:]
            for record in try CommandLineRunner.objects(result) {
                guard let cluster = record["cluster"] as? Int, let path = record["path"] as? String else { continue }
                byCluster[cluster, default: []].append(String(path.split(separator: "/").last!))
            }
            return byCluster.values.map { $0.sorted() }.sorted { $0.first! < $1.first! }
        }
        let fromCase = try groups(["--case", Self.casePath])
        #expect(!fromCase.isEmpty)
        #expect(fromCase == (try groups(["samples"])))
        // The case and the same folder named too: each file once, none a repost of itself.
        #expect(fromCase == (try groups(["--case", Self.casePath, "samples"])))
        // Files with neither a date taken nor a post fall back to their mtime, as from a folder.
        let records = try CommandLineRunner.objects(CommandLineRunner.run(["cluster", "--format", "jsonl", "--case", Self.casePath]))
        #expect(records.allSatisfy { $0["time"] is String }, "every file has a time")
        #expect(records.contains { $0["time_source"] as? String == "mtime" })
        // A date taken is the same from the case and from the files (UTC, with its Z, where an
        // offset was recorded), and so is the tag named as its source (`ExifIFD:DateTimeOriginal`).
        func takenTimes(_ records: [[String: Any]]) -> [String: String] {
            var times: [String: String] = [:]
            for record in records {
                guard let source = record["time_source"] as? String, source.contains(":") else { continue }
                times[String((record["path"] as? String ?? "").split(separator: "/").last ?? "")] = "\(record["time"] ?? "") \(source)"
            }
            return times
        }
        let fromFiles = try CommandLineRunner.objects(CommandLineRunner.run(["cluster", "--format", "jsonl", "samples"]))
        #expect(!takenTimes(records).isEmpty)
        #expect(takenTimes(records) == takenTimes(fromFiles))
        // A file named on the command line as well keeps what the case knows of its time:
        // when its post went up.
        func postTimes(_ records: [[String: Any]]) -> [String: String] {
            var times: [String: String] = [:]
            for record in records where record["time_source"] as? String == "posted_at" {
                times[String((record["path"] as? String ?? "").split(separator: "/").last ?? "")] = record["time"] as? String
            }
            return times
        }
        let both = try CommandLineRunner.objects(CommandLineRunner.run(["cluster", "--format", "jsonl", "--case", Self.casePath, "samples"]))
        #expect(!postTimes(records).isEmpty)
        #expect(postTimes(both) == postTimes(records))
        // A case ingested without dHash says so when asked to cluster by it.
        let noDHash = try CommandLineRunner.run(["cluster", "-a", "dhash", "--case", Self.casePath])
        #expect(noDHash.stderr.contains("the case holds no dhash hashes"))
        // An empty case (an ingest of a mistyped path makes one) says it holds no files at all.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("empty-\(UUID().uuidString).case").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: empty + suffix) } }
        _ = try CommandLineRunner.run(["ingest", "--case", empty, "no-such-folder"])
        let none = try CommandLineRunner.run(["cluster", "--case", empty])
        #expect(none.stderr.contains("the case holds no files"), "\(none.stderr)")
        #expect(!none.stderr.contains("--algorithms"), "\(none.stderr)")
        // match --case: a list holding mosul-runway.jpg's PDQ finds it in the case without hashing.
        let hashed = try CommandLineRunner.objects(CommandLineRunner.run(["hash", "--format", "jsonl", "samples/mosul-runway.jpg"]))
        let pdq = try #require(hashed.first?["pdq"] as? String)
        let list = FileManager.default.temporaryDirectory.appendingPathComponent("list-\(UUID().uuidString).txt")
        try (pdq + "\n").write(to: list, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: list) }
        let matched = try CommandLineRunner.run(["match", "--format", "jsonl", "--case", Self.casePath, "--list", list.path])
        let names = try CommandLineRunner.objects(matched).compactMap { ($0["path"] as? String)?.split(separator: "/").last.map(String.init) }
        #expect(names.contains("mosul-runway.jpg"), "\(matched.stderr)")
        #expect(!names.contains("river-palms.jpg"))
    }

    @Test func queriesNeverCreateACase() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).case").path
        let result = try CommandLineRunner.run(["case", "stats", "--case", path])
        #expect(result.status == 2)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
