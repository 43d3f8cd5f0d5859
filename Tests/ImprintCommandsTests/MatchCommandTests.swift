import Foundation
import Testing

@Suite(.serialized) struct MatchCommandTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// Every sample's own PDQ hash, from `imprint hash`.
    static func sampleHashes(_ algorithm: String = "pdq") throws -> [String: String] {
        let records = try CommandLineRunner.objects(CommandLineRunner.run(["hash", "--format", "jsonl", "-a", algorithm, "samples"]))
        return Dictionary(uniqueKeysWithValues: records.compactMap { record in
            (record["path"] as? String).flatMap { path in (record[algorithm] as? String).map { (path, $0) } }
        })
    }

    /// Runs `imprint match -l LIST arguments…` with `list` written to a file in the temporary
    /// folder (named with `suffix`), removed afterwards: the set-up most of these tests share.
    /// `input` goes to standard input (hash output to match, named "-").
    static func match(list: String, _ arguments: [String], suffix: String = "", input: Data? = nil) throws -> CommandLineRunner.Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-list-\(UUID().uuidString)\(suffix)")
        defer { try? FileManager.default.removeItem(at: file) }
        try list.write(to: file, atomically: true, encoding: .utf8)
        return try CommandLineRunner.run(["match", "-l", file.path] + arguments, input: input)
    }

    /// A list saved by Excel as "Unicode text" (UTF-16 with a byte-order mark, tab-separated,
    /// CR LF) is read as its UTF-8 copy is.
    @Test func aUTF16ListIsRead() throws {
        let hashed = try CommandLineRunner.objects(CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", "samples/mosul-runway.jpg"]))
        let pdq = try #require(hashed.first?["pdq"] as? String)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-utf16-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        var data = Data([0xFF, 0xFE])
        for unit in "hash\tquality\tpath\r\n\(pdq)\t100\tمطار الموصل.jpg\r\n".utf16 { data.append(contentsOf: [UInt8(unit & 0xFF), UInt8(unit >> 8)]) }
        try data.write(to: file)
        let result = try CommandLineRunner.run(["match", "-l", file.path, "--format", "jsonl", "samples/mosul-runway.jpg"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CommandLineRunner.objects(result).first?["distance"] as? Int == 0)
    }

    /// Hash output that cannot be read back (stderr mixed in with `2>&1`, a stray line) stops
    /// `match`, `cluster` and `hashes export` with exit 2: match's 1 says "nothing matched".
    @Test func unreadableHashOutputExitsTwo() throws {
        let hashed = try CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", "samples/mosul-runway.jpg"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-mixed-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        for mixed in ["broken.jpg: warning: Premature end of JPEG file\n" + hashed.stdout, hashed.stdout + "broken.jpg: not a JPEG\n"] {
            try mixed.write(to: file, atomically: true, encoding: .utf8)
            let pdq = try #require(try CommandLineRunner.objects(hashed).first?["pdq"] as? String)
            #expect(try Self.match(list: pdq + "\n", [file.path]).status == 2)
            #expect(try CommandLineRunner.run(["cluster", file.path]).status == 2)
            #expect(try CommandLineRunner.run(["hashes", "export", file.path]).status == 2)
        }
    }

    /// A list with no hash in it (a case ingested without dHash, asked for dHash) is an
    /// error, not an empty list sent on to a partner.
    @Test func exportingAHashNoImageHasFails() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-export-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, "samples"]).status == 0)
        let dhash = try CommandLineRunner.run(["hashes", "export", "--case", casePath, "--algorithm", "dhash"])
        #expect(dhash.status == 1 && dhash.stderr.contains("no dhash hash to export"), "\(dhash.stderr)")
        #expect(dhash.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("#") }, "\(dhash.stdout)")
        #expect(try CommandLineRunner.run(["hashes", "export", "--case", casePath, "--algorithm", "phash"]).status == 0)
    }

    /// `hashes export --no-orientation` writes what the reference tools compute for a turned
    /// photo (its stored pixels): hashed here, exactly `hash --no-orientation`; from a case,
    /// which keeps the picture as shown, the dihedral variant that undoes the turn.
    @Test func aListForAPartnerHoldsTheStoredPixelsHashes() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-stored-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let turned = ["samples/deir-ez-zor-apron.jpg", "samples/qaim-crossing.jpg", "samples/tabqa-hangars.jpg"]  // 3, 8, 6
        func pdq(_ arguments: [String]) throws -> [String] {
            try CommandLineRunner.run(arguments).stdout.split(separator: "\n").filter { !$0.hasPrefix("#") }.map { String($0.prefix(64)) }
        }
        func distance(_ a: String, _ b: String) -> Int {
            zip(a, b).map { (UInt8(String($0), radix: 16)! ^ UInt8(String($1), radix: 16)!).nonzeroBitCount }.reduce(0, +)
        }
        let stored = try CommandLineRunner.objects(CommandLineRunner.run(["hash", "--no-orientation", "--no-trim", "--format", "jsonl"] + turned))
            .map { $0["pdq"] as? String ?? "" }
        #expect(try pdq(["hashes", "export", "--format", "pdq-csv", "--no-orientation"] + turned) == stored)
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath] + turned).status == 0)
        let fromCase = try pdq(["hashes", "export", "--format", "pdq-csv", "--no-orientation", "--case", casePath])
        let shown = try pdq(["hashes", "export", "--format", "pdq-csv", "--case", casePath])
        try #require(fromCase.count == 3 && shown.count == 3)
        for index in 0..<3 {
            #expect(distance(fromCase[index], stored[index]) <= 16, "\(turned[index])")
            #expect(distance(shown[index], stored[index]) > 31, "\(turned[index]) as shown")
        }
    }

    @Test(arguments: ["hex", "pdq-csv", "hma-csv"])
    func everySampleMatchesAListExportedFromItself(format: String) throws {
        let export = try CommandLineRunner.run(["hashes", "export", "--format-list", format, "samples"])
        #expect(export.status == 0, "\(export.stderr)")
        // -f/--format names the list's format too; a records' format (jsonl) is refused.
        #expect(try CommandLineRunner.run(["hashes", "export", "-f", format, "samples"]).stdout == export.stdout)
        let mixedUp = try CommandLineRunner.run(["hashes", "export", "--format", "jsonl", "samples"])
        #expect(mixedUp.status == 2 && mixedUp.stderr.contains("pdq-csv"), "\(mixedUp.stderr)")
        // An imagehash list holds a 64-bit hash, not PDQ's.
        #expect(try CommandLineRunner.run(["hashes", "export", "-f", "imagehash", "samples"]).status == 2)
        // A list for a partner may name files without the case's folders.
        if format != "hex" {
            let bare = try CommandLineRunner.run(["hashes", "export", "-f", format, "--content-id", "name", "samples"])
            #expect(bare.status == 0 && !bare.stdout.contains("samples/") && bare.stdout.contains("desert-road.jpg"))
        }
        let result = try Self.match(list: export.stdout, ["--format", "jsonl", "samples"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try CommandLineRunner.objects(result)
        let hashes = try Self.sampleHashes()
        #expect(hashes.count == SampleManifest.rows.count)
        for (path, hash) in hashes {
            let own = records.filter { $0["path"] as? String == path && $0["entry"] as? String == hash }
            #expect(own.count == 1 && own.first?["distance"] as? Int == 0 && own.first?["algorithm"] as? String == "pdq",
                    "\(path) did not find itself in the \(format) list")
            if format != "hex" { #expect(own.first?["label"] as? String == path) }
        }
    }

    /// Samples matching the entry for `original` must include it and its resized and
    /// recompressed copies, and nothing made from another photo.
    func checkMatches(_ records: [[String: Any]], entryFor original: String, where isEntry: ([String: Any]) -> Bool) {
        let matched = Set(records.filter(isEntry).compactMap { $0["path"] as? String })
        let required = Set(["samples/" + original] + SampleManifest.variants(["resize-480", "recompress-q40"])
            .filter { $0.original == original }.map { "samples/" + $0.file })
        #expect(required.isSubset(of: matched), "\(original): missing \(required.subtracting(matched))")
        #expect(matched.allSatisfy { SampleManifest.original(of: $0) == original }, "\(original): \(matched)")
    }

    @Test func readsThePDQReferenceCSV() throws {
        let list = Self.fixtures.appendingPathComponent("known-pdq-reference.csv").path
        let records = try CommandLineRunner.objects(CommandLineRunner.run(["match", "--format", "jsonl", "-l", list, "samples"]))
        for original in ["mosul-runway.jpg", "tabqa-hangars.jpg"] {
            checkMatches(records, entryFor: original) { $0["label"] as? String == original }
        }
    }

    /// A file name in the reference's third column with an unquoted comma is one name, as written.
    @Test func aPDQReferenceFileNameWithACommaIsKeptWhole() throws {
        let path = "samples/river-palms.jpg"
        let hash = try #require(try Self.sampleHashes()[path])
        let records = try CommandLineRunner.objects(Self.match(list: "\(hash),100,/data/tabqa,airbase 2014.jpg\n",
                                                               ["--format", "jsonl", path], suffix: ".csv"))
        #expect(records.first?["label"] as? String == "/data/tabqa,airbase 2014.jpg")
    }

    @Test func readsTheHMABankCSVAndSkipsOtherSignalTypes() throws {
        let list = Self.fixtures.appendingPathComponent("known-hma-bank.csv").path
        let result = try CommandLineRunner.run(["match", "--format", "jsonl", "-l", list, "samples"])
        #expect(result.stderr.contains("1 rows of other signal types skipped"))
        let records = try CommandLineRunner.objects(result)
        // content_id and bank_name, joined with "|", which neither holds: the bank's name has a comma.
        checkMatches(records, entryFor: "mosul-runway.jpg") { $0["label"] as? String == "mosul-runway.jpg|Mosul, runway flag" }
        checkMatches(records, entryFor: "qaim-crossing.jpg") { $0["line"] as? Int == 4 }
    }

    @Test func readsHexListsForPDQAndImagehash() throws {
        let pdq = Self.fixtures.appendingPathComponent("known-hex.txt").path
        let pdqRecords = try CommandLineRunner.objects(CommandLineRunner.run(["match", "--format", "jsonl", "-l", pdq, "samples"]))
        checkMatches(pdqRecords, entryFor: "tabqa-hangars.jpg") { $0["line"] as? Int == 2 }
        checkMatches(pdqRecords, entryFor: "qaim-crossing.jpg") { $0["line"] as? Int == 3 }

        let phash = Self.fixtures.appendingPathComponent("known-imagehash-phash.txt").path
        let phashRecords = try CommandLineRunner.objects(CommandLineRunner.run(
            ["match", "--format", "jsonl", "-l", phash, "--list-format", "imagehash", "--list-algorithm", "phash", "samples"]))
        #expect(phashRecords.allSatisfy { $0["algorithm"] as? String == "phash" })
        checkMatches(phashRecords, entryFor: "mosul-runway.jpg") { $0["line"] as? Int == 1 }
        checkMatches(phashRecords, entryFor: "tabqa-hangars.jpg") { $0["line"] as? Int == 2 }
    }

    /// A hash written as a C literal (`0x…`, as some scripts print them) is the hash: a
    /// 64-digit one is still PDQ's, and matches.
    @Test func hashesWrittenWithA0xPrefixAreRead() throws {
        let path = "samples/river-palms.jpg"
        let hash = try #require(try Self.sampleHashes()[path])
        let result = try Self.match(list: "0x\(hash) palms\n", ["--format", "jsonl", path])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try CommandLineRunner.objects(result)
        #expect(records.count == 1)
        #expect(records.first?["algorithm"] as? String == "pdq")
        #expect(records.first?["distance"] as? Int == 0)
        #expect(records.first?["label"] as? String == "palms")
    }

    /// A list entry 20 bits from a sample's hash matches at exactly 20, within PDQ's 31.
    @Test func reportsTheDistanceToTheEntry() throws {
        let hashes = try Self.sampleHashes()
        let path = "samples/river-palms.jpg"
        var digits = Array(try #require(hashes[path]))
        for position in 0..<5 { digits[position] = digits[position] == "f" ? "0" : "f" }  // may flip fewer than 20
        let entry = String(digits)
        let expected = zip(Array(hashes[path]!), digits).reduce(0) { total, pair in
            total + (UInt8(String(pair.0), radix: 16)! ^ UInt8(String(pair.1), radix: 16)!).nonzeroBitCount
        }
        let records = try CommandLineRunner.objects(Self.match(list: entry + "\n", ["--format", "jsonl", path]))
        #expect(records.count == 1)
        #expect(records.first?["distance"] as? Int == expected)
    }

    @Test func malformedListsAreReportedWithTheirLine() throws {
        let result = try Self.match(list: "abc\n", ["samples"])
        #expect(result.status == 2, "a list that cannot be read is an error, as grep's 2")
        #expect(result.stderr.contains("line 1"))
        // A PDQ hash cut short by a digit is said to be one digit short of PDQ's 64, and a line
        // of prose before the hashes is reported, not taken for a header that blames line 2.
        let pdq = String(repeating: "2d6b", count: 16)
        for (text, said) in [(String(pdq.dropLast()) + "\n", "is 63 hex digits: neither a PDQ hash (64)"),
                             ("not a hash\n" + pdq + "\n", "line 1: 'not a hash' is not a hash")] {
            let failed = try Self.match(list: text, ["samples"])
            #expect(failed.status == 2)
            #expect(failed.stderr.contains(said), "\(failed.stderr)")
        }
    }

    /// A list may come down a pipe: standard input as "-", a FIFO, a shell's `<(…)`; a list
    /// that cannot be read (a folder) is an error (2), never "nothing matched" (1).
    @Test func listsComeFromPipesAndUnreadableOnesAreErrors() throws {
        let hashes = try Self.sampleHashes()
        let pdq = try #require(hashes.first { $0.key.hasSuffix("desert-road.jpg") }?.value)
        let fromStdin = try CommandLineRunner.run(["match", "--format", "jsonl", "-l", "-", "samples/desert-road.jpg"],
                                                  input: Data((pdq + "\n").utf8))
        #expect(fromStdin.status == 0, "\(fromStdin.stderr)")
        #expect(try CommandLineRunner.objects(fromStdin).first?["distance"] as? Int == 0)

        let fifo = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(fifo, 0o600) == 0)
        defer { unlink(fifo) }
        let writer = Thread {
            let handle = FileHandle(forWritingAtPath: fifo)
            handle?.write(Data((pdq + "\n").utf8))
            try? handle?.close()
        }
        writer.start()
        let fromFIFO = try CommandLineRunner.run(["match", "--format", "jsonl", "-l", fifo, "samples/desert-road.jpg"])
        #expect(fromFIFO.status == 0, "\(fromFIFO.stderr)")

        let folder = try CommandLineRunner.run(["match", "-l", FileManager.default.temporaryDirectory.path, "samples/desert-road.jpg"])
        #expect(folder.status == 2 && folder.stderr.contains("folder"), "\(folder.stderr)")
    }

    /// A quote inside an unquoted field is a character (pdq-photo-hasher prints names as they
    /// are: `Tabqa 5".jpg`), not the start of a field that would swallow the next lines; a
    /// quoted field never closed is an error, not a silent end of the list.
    @Test func quotesOnlyOpenFields() throws {
        let hashes = try Self.sampleHashes()
        let pdq = try #require(hashes.first { $0.key.hasSuffix("desert-road.jpg") }?.value)
        let other = try #require(hashes.first { $0.key.hasSuffix("river-palms.jpg") }?.value)
        let result = try Self.match(list: "\(other),90,Tabqa 5\".jpg\n\(pdq),90,road.jpg\n",
                                    ["--format", "jsonl", "samples/desert-road.jpg", "samples/river-palms.jpg"])
        #expect(try CommandLineRunner.objects(result).count == 2, "\(result.stderr)")
        let broken = try Self.match(list: "\(pdq),90,\"road.jpg\n", ["samples/desert-road.jpg"])
        #expect(broken.status == 2 && broken.stderr.contains("never closed"), "\(broken.stderr)")
    }

    /// A list `hashes export` wrote reads back even when a file name holds a line break
    /// (quoted over two lines, as CSV allows).
    @Test(arguments: ["pdq-csv", "hma-csv"])
    func anExportedListWithALineBreakInANameReadsBack(format: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-nl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        try FileManager.default.copyItem(at: samples.appendingPathComponent("desert-road.jpg"), to: folder.appendingPathComponent("new\nline.jpg"))
        try FileManager.default.copyItem(at: samples.appendingPathComponent("river-palms.jpg"), to: folder.appendingPathComponent("ok.jpg"))
        let export = try CommandLineRunner.run(["hashes", "export", "-f", format, folder.path])
        #expect(export.status == 0 && export.stdout.contains("\"\n"), "\(export.stdout)")
        let list = folder.appendingPathComponent("list.csv")
        try export.stdout.write(to: list, atomically: true, encoding: .utf8)
        let result = try CommandLineRunner.run(["match", "--format", "jsonl", "-l", list.path, samples.appendingPathComponent("river-palms.jpg").path,
                                                samples.appendingPathComponent("desert-road.jpg").path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try CommandLineRunner.objects(result).count == 2)
    }

    /// Lists in the shapes partners send: a header row naming the columns in any order, a
    /// byte-order mark, quoted fields, tabs, `pdq <hex>` lines; labels kept; PDQ entries of low
    /// quality left out.
    @Test func readsListsInThePartnersShapes() throws {
        let hashes = try Self.sampleHashes()
        let mosul = try #require(hashes["samples/mosul-runway.jpg"]), qaim = try #require(hashes["samples/qaim-crossing.jpg"])
        let tabqa = try #require(hashes["samples/tabqa-hangars.jpg"])
        let shapes = [
            "\u{FEFF}hash,quality,path\n\(mosul),100,\"/data/a,b.jpg\"\n\(qaim),30,/data/flat.jpg\n",
            "content_id\tsignal_value\tsignal_type\nmosul-1\t\(mosul)\tpdq\n",
            "# from the partner's CLI\npdq \(mosul) mosul-1\n",
            "\(mosul)\tMosul runway\n",
        ]
        for (number, shape) in shapes.enumerated() {
            let result = try Self.match(list: shape, ["--format", "jsonl", "samples/mosul-runway.jpg", "samples/qaim-crossing.jpg", "samples/tabqa-hangars.jpg"])
            #expect(result.status == 0, "shape \(number): \(result.stderr)")
            let records = try CommandLineRunner.objects(result)
            #expect(Set(records.compactMap { $0["path"] as? String }) == ["samples/mosul-runway.jpg"], "shape \(number)")
            #expect(records.first?["label"] as? String == ["/data/a,b.jpg", "mosul-1", "mosul-1", "Mosul runway"][number], "shape \(number)")
            #expect(records.first?["matched_hash"] as? String == "pdq")
            if number == 0 { #expect(result.stderr.contains("1 PDQ hashes of quality below 50 skipped")) }
        }
        // Exit status as grep's: 1 when nothing matched.
        #expect(try Self.match(list: "\(tabqa)\n", ["samples/mosul-runway.jpg"]).status == 1)
    }

    /// ThreatExchange's descriptors name the hash `indicator` or `raw_indicator` (beside an
    /// `indicator_id`) and its type `type` or `indicator_type`, HASH_PDQ; rows of other types
    /// are skipped. A header none of whose names is a hash column is said to be one, not
    /// counted as a row of another signal type.
    @Test func readsThreatExchangeColumnNames() throws {
        let mosul = try #require(try Self.sampleHashes()["samples/mosul-runway.jpg"])
        let shapes: [(list: String, label: String?)] = [
            ("indicator_id,indicator,type,label\n1,\(mosul),HASH_PDQ,runway\n", "1|runway"),
            ("id,raw_indicator,type,tags\n1,\(mosul),HASH_PDQ,terror\n", "1|terror"),
            ("indicator,type\n\(mosul),HASH_PDQ\n", nil),
            ("indicator,raw_indicator,indicator_type\n12345,\(mosul),PDQ\n777,https://example.org/a,URI\n", "12345"),
        ]
        for (number, shape) in shapes.enumerated() {
            let result = try Self.match(list: shape.list, ["--format", "jsonl", "samples/mosul-runway_q40.jpg"])
            #expect(result.status == 0, "shape \(number): \(result.stderr)")
            let records = try CommandLineRunner.objects(result)
            #expect(records.count == 1, "shape \(number)")
            #expect(records.first?["algorithm"] as? String == "pdq" && records.first?["line"] as? Int == 2, "shape \(number)")
            #expect(records.first?["entry"] as? String == mosul, "shape \(number)")
            #expect(records.first?["label"] as? String == shape.label, "shape \(number)")
            #expect(result.stderr.contains("1 rows of other signal types skipped") == (number == 3), "shape \(number): \(result.stderr)")
        }
        let unknown = try Self.match(list: "indicator_id,descriptor,type,label\n1,\(mosul),HASH_PDQ,runway\n", ["samples/mosul-runway_q40.jpg"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("line 1: 'indicator_id,descriptor,type,label' looks like a header row"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("raw_indicator") && !unknown.stderr.contains("other signal types"), "\(unknown.stderr)")
    }

    /// Excel saves CSV with semicolons in Arabic and European locales, perhaps after a `sep=;`
    /// line: such a list reads as a comma's does, a comma in a name then being part of it. A
    /// hash and its label with a semicolon in it is still a hex list.
    @Test func readsSemicolonSeparatedLists() throws {
        let mosul = try #require(try Self.sampleHashes()["samples/mosul-runway.jpg"])
        let shapes: [(list: String, line: Int, label: String)] = [
            ("hash;quality;path\n\(mosul);69;mosul-runway.jpg\n", 2, "mosul-runway.jpg"),
            ("sep=;\nsignal_type;signal_value;content_id\nHASH_PDQ;\(mosul);Mosul, runway\n", 3, "Mosul, runway"),
            ("\"sep=\t\"\nsignal_type\tsignal_value\tcontent_id\nHASH_PDQ\t\(mosul)\tMosul; runway\n", 3, "Mosul; runway"),
            ("\(mosul);69;tabqa, airbase.jpg\n", 1, "tabqa, airbase.jpg"),
            ("\"\(mosul)\";69;\"tabqa; airbase.jpg\"\n", 1, "tabqa; airbase.jpg"),
            ("\(mosul) Mosul; runway\n", 1, "Mosul; runway"),
        ]
        for (number, shape) in shapes.enumerated() {
            let result = try Self.match(list: shape.list, ["--format", "jsonl", "samples/mosul-runway_q40.jpg"], suffix: ".csv")
            #expect(result.status == 0, "shape \(number): \(result.stderr)")
            let records = try CommandLineRunner.objects(result)
            #expect(records.count == 1 && records.first?["entry"] as? String == mosul, "shape \(number)")
            #expect(records.first?["line"] as? Int == shape.line && records.first?["label"] as? String == shape.label, "shape \(number): \(records)")
        }
    }

    /// A list of 64-digit pHashes (imagehash's `hash_size=16`) read with --list-algorithm
    /// phash is pHash, not PDQ: it matches `imprint hash --hash-size 16` output.
    @Test func aNamedListAlgorithmTakesSixtyFourDigitsToo() throws {
        let hash = { (path: String) in
            try CommandLineRunner.run(["hash", "--format", "jsonl", "-a", "phash", "--hash-size", "16", path])
        }
        let listed = try #require(try CommandLineRunner.objects(hash("samples/mosul-runway.jpg")).first?["phash"] as? String)
        #expect(listed.count == 64)
        let hashed = try hash("samples/mosul-runway_q40.jpg")
        let own = try #require(try CommandLineRunner.objects(hashed).first?["phash"] as? String)
        let expected = zip(listed, own).reduce(0) { total, pair in
            total + (UInt8(String(pair.0), radix: 16)! ^ UInt8(String(pair.1), radix: 16)!).nonzeroBitCount
        }
        let result = try Self.match(list: listed + "\n", ["--list-algorithm", "phash", "--format", "jsonl", "-"], input: Data(hashed.stdout.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = try CommandLineRunner.objects(result)
        #expect(records.count == 1 && records.first?["algorithm"] as? String == "phash", "\(records)")
        #expect(records.first?["distance"] as? Int == expected && records.first?["entry"] as? String == listed)
        // A type column still says what its rows are.
        let pdq = try #require(try Self.sampleHashes()["samples/mosul-runway.jpg"])
        let typed = try Self.match(list: "type,hash\npdq,\(pdq)\n", ["--list-algorithm", "phash", "--format", "jsonl", "samples/mosul-runway.jpg"])
        #expect(typed.status == 0, "\(typed.stderr)")
        let typedRecords = try CommandLineRunner.objects(typed)
        #expect(typedRecords.count == 1 && typedRecords.first?["algorithm"] as? String == "pdq" && typedRecords.first?["distance"] as? Int == 0)
        // So does a quality column: the PDQ reference's hash,quality,path.
        let reference = try Self.match(list: "hash,quality,path\n\(pdq),100,mosul-runway.jpg\n",
                                       ["--list-algorithm", "phash", "--format", "jsonl", "samples/mosul-runway.jpg"])
        #expect(try CommandLineRunner.objects(reference).first?["algorithm"] as? String == "pdq", "\(reference.stderr)")
    }

    /// A match names the hash of the image that matched: a mirrored repost matches through
    /// PDQ's FLIPX variant, a bannered one through its trimmed region.
    @Test func aMatchSaysWhichHashOfTheImageMatched() throws {
        let hashes = try Self.sampleHashes()
        let records = try CommandLineRunner.objects(Self.match(list: "\(try #require(hashes["samples/mosul-runway.jpg"]))\n",
                                                               ["--format", "jsonl", "samples/mosul-runway_mirror.jpg", "samples/mosul-runway_banner.jpg"]))
        let byPath = Dictionary(records.map { ($0["path"] as? String ?? "", $0["matched_hash"] as? String ?? "") }, uniquingKeysWith: { a, _ in a })
        #expect(byPath["samples/mosul-runway_mirror.jpg"] == "pdq_FLIPY" || byPath["samples/mosul-runway_mirror.jpg"] == "pdq_FLIPX")
        #expect(byPath["samples/mosul-runway_banner.jpg"] == "pdq_trimmed")
    }

    /// A flat picture has a PDQ hash of no meaning: it matches nothing, and the run says so.
    @Test func featurelessPicturesAreNotMatchedByPDQ() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-flat-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // A 16×16 grey PNG, written by hand: one IDAT of zlib-stored rows.
        let flat = try #require(Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAABAAAAAQCAAAAAA6mKC9AAAAD0lEQVR4nGNoQAMMI1sAAAUMgAFaSOXNAAAAAElFTkSuQmCC"))
        try flat.write(to: folder.appendingPathComponent("flat.png"))
        let hashed = try CommandLineRunner.objects(CommandLineRunner.run(["hash", "--format", "jsonl", "--no-trim", folder.path]))
        let pdq = try #require(hashed.first?["pdq"] as? String)
        #expect((hashed.first?["pdq_quality"] as? Int ?? 100) < 50)
        let list = folder.appendingPathComponent("list.txt")
        try "\(pdq)\n".write(to: list, atomically: true, encoding: .utf8)
        let result = try CommandLineRunner.run(["match", "-l", list.path, folder.appendingPathComponent("flat.png").path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("of PDQ quality below 50 not matched"))
    }

    /// A list of hashes of another size than the images' (imagehash's `hash_size=16`) cannot
    /// match: the run says so, and exits 2 as for a list that cannot be read, not grep's
    /// "nothing matched" (1), which a watch-list script takes for a clean folder. With a
    /// comparable list beside it, the run searched something and keeps the usual status.
    @Test func aListOfAnotherHashSizeIsReported() throws {
        let wide = String(repeating: "ab", count: 32)
        let result = try Self.match(list: wide + "\n",
                                    ["--list-format", "imagehash", "--list-algorithm", "phash", "samples/mosul-runway.jpg"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("have 256 bits and the images' 64"))
        let pdq = try #require(try Self.sampleHashes()["samples/mosul-runway.jpg"])
        let mixed = try Self.match(list: "type,hash\nphash,\(wide)\npdq,\(pdq)\n", ["--format", "jsonl", "samples/mosul-runway.jpg"])
        #expect(mixed.status == 0, "\(mixed.stderr)")
        #expect(mixed.stderr.contains("have 256 bits and the images' 64"))
        // A list that says what it holds is read so, 64 digits or not.
        let declared = try Self.match(list: "# algorithm: phash\n" + String(repeating: "ab", count: 32) + "\n", ["samples/mosul-runway.jpg"])
        #expect(declared.stderr.contains("phash hashes have 256 bits"))
    }

    /// A dHash list exported by imprint says so, and is read back as dHash.
    @Test func anExportedListSaysWhatItHolds() throws {
        let export = try CommandLineRunner.run(["hashes", "export", "--format-list", "hex", "--algorithm", "dhash", "samples/mosul-runway.jpg"])
        #expect(export.stdout.hasPrefix("# algorithm: dhash\n"))
        let records = try CommandLineRunner.objects(Self.match(list: export.stdout, ["--format", "jsonl", "samples/mosul-runway.jpg"]))
        #expect(records.first?["algorithm"] as? String == "dhash" && records.first?["distance"] as? Int == 0)
    }
}
