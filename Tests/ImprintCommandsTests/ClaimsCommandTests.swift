import CaseStore
import Foundation
import Gazetteer
import PostSidecars
import Testing
@testable import ImprintCommands

@Suite(.serialized) struct ClaimsCommandTests {
    /// A case of samples/ for these tests alone.
    static let samplesCase: Result<String, any Error> = Result {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-claims-\(UUID().uuidString).case").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let result = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", path, "samples"])
        guard result.status == 0 else { throw CocoaError(.fileReadUnknown, userInfo: [NSLocalizedDescriptionKey: result.stderr]) }
        return path
    }

    static func json(_ line: String) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// A bank or TV station placed only at its city's centre (±5 km) gets no GPS links: a photo
    /// near that point shows the city. One placed within the GPS radius (±2 km) still does.
    @Test func placeholderBuildingsTakeNoGPSLinks() throws {
        func site(_ id: String) throws -> Site { try #require(Gazetteer.builtIn.sites.first { $0.id == "builtin:" + id }) }
        let radius = ClaimSettings().gpsRadiusKm
        #expect(CaseClaims.isPlaceholderBuilding(try site("cbs-raqqa"), gpsRadiusKm: radius))
        #expect(CaseClaims.isPlaceholderBuilding(try site("raqqa-radio-tv"), gpsRadiusKm: radius))
        #expect(!CaseClaims.isPlaceholderBuilding(try site("syrian-tv-damascus"), gpsRadiusKm: radius))
        #expect(!CaseClaims.isPlaceholderBuilding(try site("raqqa"), gpsRadiusKm: radius))
        #expect(!CaseClaims.isPlaceholderBuilding(try site("cbs-raqqa"), gpsRadiusKm: 6))
    }

    /// An editor's name inside another's is read as the longer one (Lightroom calls itself
    /// "Adobe Photoshop Lightroom"); camera firmware names no editor.
    @Test func editorNamesPreferTheMoreSpecificName() {
        #expect(EditorNames.editor(in: "Adobe Photoshop Lightroom Classic 12.0 (Windows)") == "Adobe Lightroom")
        #expect(EditorNames.editor(in: "Adobe Photoshop 21.0 (Windows)") == "Adobe Photoshop")
        #expect(EditorNames.editor(in: "darktable 4.2.1") == "darktable")
        #expect(EditorNames.editor(in: "ACDSee Pro 9") == "ACDSee")
        #expect(EditorNames.editor(in: "Picasa") == "Picasa")
        #expect(EditorNames.editor(in: "Ver.1.00") == nil)
        #expect(EditorNames.editor(in: "HDR+ 1.0") == nil)
    }

    /// An editor named only in XMP (CreatorTool, or one entry of the saving history), as
    /// Photoshop and phone editors leave it with no EXIF Software, flags the file `edited`.
    @Test func anEditorNamedOnlyInXMPIsEdited() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-xmp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let picture = try Data(contentsOf: CommandLineRunner.repository.appendingPathComponent("samples/river-palms.jpg"))
        func withXMP(_ properties: String) -> Data {
            let packet = Data("http://ns.adobe.com/xap/1.0/\0".utf8) + Data("""
                <x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\
                <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/" \
                xmlns:stEvt="http://ns.adobe.com/xap/1.0/sType/ResourceEvent#">\(properties)</rdf:Description></rdf:RDF></x:xmpmeta>
                """.utf8)
            let length = packet.count + 2
            return picture.prefix(2) + Data([0xFF, 0xE1, UInt8(length >> 8), UInt8(length & 0xFF)]) + packet + picture.dropFirst(2)
        }
        try withXMP("<xmp:CreatorTool>Adobe Photoshop 21.0 (Windows)</xmp:CreatorTool>").write(to: folder.appendingPathComponent("tool.jpg"))
        try withXMP("""
            <xmpMM:History><rdf:Seq><rdf:li rdf:parseType="Resource"><stEvt:softwareAgent>Canon DPP</stEvt:softwareAgent></rdf:li>\
            <rdf:li rdf:parseType="Resource"><stEvt:softwareAgent>Snapseed 2.0</stEvt:softwareAgent></rdf:li></rdf:Seq></xmpMM:History>
            """).write(to: folder.appendingPathComponent("history.jpg"))
        try withXMP("<xmp:CreatorTool>Canon EOS 5D</xmp:CreatorTool>").write(to: folder.appendingPathComponent("camera.jpg"))
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, folder.path]).status == 0)
        let flags = try CommandLineRunner.run(["flags", "--kind", "edited", "--format", "jsonl", "--case", casePath]).lines.map(Self.json)
        let reasons = Dictionary(flags.map { (URL(fileURLWithPath: ($0["files"] as? [String])?.first ?? "").lastPathComponent, $0["reason"] as? String ?? "") },
                                 uniquingKeysWith: { a, _ in a })
        #expect(reasons["tool.jpg"]?.contains("XMP CreatorTool \"Adobe Photoshop 21.0 (Windows)\"") == true, "\(reasons)")
        #expect(reasons["history.jpg"]?.contains("Snapseed") == true, "\(reasons)")
        #expect(reasons["camera.jpg"] == nil)
    }

    /// Only `flags` takes the flags' thresholds: on `claims` and `site` they would change
    /// nothing, so they are refused there rather than accepted in silence.
    @Test func flagThresholdsBelongToFlagsAlone() throws {
        let casePath = try Self.samplesCase.get()
        for command in [["claims", "list"], ["site", "builtin:mosul-international-airport"]] {
            #expect(try CommandLineRunner.run(command + ["--recycled-days", "3", "--case", casePath]).status == 2, "\(command)")
            #expect(try CommandLineRunner.run(command + ["--gps-radius-km", "3", "--case", casePath]).status == 0, "\(command)")
        }
        #expect(try CommandLineRunner.run(["flags", "--recycled-days", "3", "--gps-radius-km", "3", "--case", casePath]).status == 0)
    }

    /// In CSV a flag's lists are joined with `|`, which site and file names ("Central Bank of
    /// Iraq, Mosul branch") do not hold, so each splits back into the JSON output's items.
    @Test func flagListsInCSVSplitBackIntoTheirItems() throws {
        let casePath = try Self.samplesCase.get()
        let json = try CommandLineRunner.run(["flags", "--format", "jsonl", "--case", casePath]).lines.map(Self.json)
        let csv = try CommandLineRunner.run(["flags", "--format", "csv", "--case", casePath]).stdout
        let rows = CSVTable.rows(csv, separator: ",")
        let header = try #require(rows.first)
        let body = rows.dropFirst().filter { $0.count == header.count }
        #expect(body.count == json.count && !json.isEmpty)
        for (row, record) in zip(body, json) {
            for column in ["files", "sites", "site_ids", "posts"] {
                let cell = row[try #require(header.firstIndex(of: column))]
                let items = record[column] as? [String] ?? []
                #expect((cell.isEmpty ? [] : cell.split(separator: "|", omittingEmptySubsequences: false).map(String.init)) == items, "\(column)")
            }
        }
    }

    /// The acceptance check: on samples/, `imprint flags` reports each contradiction planted by
    /// scripts/make-samples (samples/flags-expected.tsv) and nothing else.
    @Test func flagsOnSamplesAreExactlyThePlantedOnes() throws {
        let casePath = try Self.samplesCase.get()
        let result = try CommandLineRunner.run(["flags", "--format", "jsonl", "--case", casePath])
        #expect(result.status == 0, "\(result.stderr)")
        var reported: [(kind: String, files: Set<String>, sites: [String], reason: String)] = []
        for line in result.lines {
            let record = try Self.json(line)
            let files = Set((record["files"] as? [String] ?? []).map { URL(fileURLWithPath: $0).lastPathComponent })
            reported.append((record["kind"] as? String ?? "", files, record["site_ids"] as? [String] ?? [], record["reason"] as? String ?? ""))
        }
        let expected = try String(contentsOf: CommandLineRunner.repository.appendingPathComponent("samples/flags-expected.tsv"), encoding: .utf8)
            .split(separator: "\n").dropFirst().map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        for row in expected {
            let files = Set(row[1].split(separator: ";").map(String.init))
            #expect(reported.contains { $0.kind == row[0] && $0.files == files }, "missing \(row[0]) \(row[1]): \(row[4])")
        }
        for flag in reported {
            #expect(expected.contains { $0[0] == flag.kind && Set($0[1].split(separator: ";").map(String.init)) == flag.files },
                    "unexpected \(flag.kind) \(flag.files.sorted()): \(flag.reason)")
        }
    }

    /// A post saved with two copies of a photo whose GPS is far from the site it claims is one
    /// post in the finding, not two.
    @Test func aGPSMismatchNamesEachPostOnce() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-gps-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["run1/a", "run2/a"] {
            let target = folder.appendingPathComponent(name + ".jpg")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // Taken at Mosul airport (samples/manifest.csv), posted as Tabqa's.
            try FileManager.default.copyItem(at: CommandLineRunner.repository.appendingPathComponent("samples/mosul-runway.jpg"), to: target)
        }
        try Data("""
            file,text,posted_at,url,author
            run1/a.jpg,Our flag over Tabqa air base,2019-02-01T00:00:00Z,https://t.me/front/6,front
            run2/a.jpg,Our flag over Tabqa air base,2019-02-01T00:00:00Z,https://t.me/front/6,front

            """.utf8).write(to: folder.appendingPathComponent("posts.csv"))
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, folder.path]).status == 0)
        let result = try CommandLineRunner.run(["flags", "--kind", "gps-mismatch", "--format", "jsonl", "--case", casePath])
        let flags = try result.lines.map(Self.json)
        #expect(flags.count == 1, "\(result.stdout)")
        #expect(flags.first?["posts"] as? [String] == ["telegram front/6"])
        #expect((flags.first?["reason"] as? String)?.contains("more post") == false)
    }

    /// A post that names two sites ("Tabqa air base and Mosul airport are ours") agrees with a
    /// photo whose GPS is at the one it names second: no gps-mismatch; nor is a repost claimed
    /// at that second site a conflict with it (CLI probe round 14). The same photo posted as
    /// Tabqa's alone still mismatches.
    @Test func aPostNamingTwoSitesIsNotContradictedByTheOther() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-two-sites-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Taken at Mosul airport (samples/manifest.csv); the repost is the same file recompressed.
        for (sample, name) in [("mosul-runway.jpg", "a.jpg"), ("mosul-runway_q40.jpg", "b.jpg"), ("mosul-runway.jpg", "c.jpg")] {
            try FileManager.default.copyItem(at: CommandLineRunner.repository.appendingPathComponent("samples/" + sample),
                                             to: folder.appendingPathComponent(name))
        }
        try Data("""
            file,text,posted_at,url,author
            a.jpg,Our forces now hold Tabqa air base and Mosul airport,2019-02-01T00:00:00Z,https://t.me/front/6,front
            b.jpg,Mosul airport this morning,2019-02-01T01:00:00Z,https://t.me/other/9,other

            """.utf8).write(to: folder.appendingPathComponent("posts.csv"))
        let casePath = folder.appendingPathComponent("x.case").path
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, folder.path]).status == 0)
        let both = try CommandLineRunner.run(["flags", "--kind", "gps-mismatch,conflicting-sites", "--format", "jsonl", "--case", casePath])
        #expect(both.lines.isEmpty, "\(both.stdout)")
        try Data("""
            file,text,posted_at,url,author
            c.jpg,Our forces now hold Tabqa air base,2019-02-01T00:00:00Z,https://t.me/front/7,front

            """.utf8).write(to: folder.appendingPathComponent("posts.csv"))
        #expect(try CommandLineRunner.run(["ingest", "--case", casePath, folder.path]).status == 0)
        let one = try CommandLineRunner.run(["flags", "--kind", "gps-mismatch", "--format", "jsonl", "--case", casePath])
        #expect(one.lines.count == 1, "\(one.stdout)")
    }

    /// Recycled photos: elapsed time, not calendar days; posts that date the photo themselves
    /// (its year, "FACT CHECK:", "file photo") are spared; one post saved with two copies of the
    /// photo is one finding naming both.
    @Test func recycledCountsElapsedTimeAndSparesPostsThatDateThePhoto() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-recycled-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["a", "b", "c", "d", "e", "run1/f", "run2/f"] {
            let target = folder.appendingPathComponent(name + ".png")
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            // The same photo each time, taken 2015-11-12T13:04:22Z.
            try FileManager.default.copyItem(at: CommandLineRunner.repository.appendingPathComponent("samples/kuweires-flag.png"), to: target)
        }
        try Data("""
            file,text,posted_at,url,author
            a.png,Flag raised over Kuweires air base today,2015-12-12T14:04:22Z,https://t.me/front/1,front
            b.png,Flag raised over Kuweires air base today,2015-12-12T12:04:22Z,https://t.me/front/2,front
            c.png,"Kuweires air base, photo from 2015",2019-01-01T00:00:00Z,https://t.me/front/3,front
            d.png,FACT CHECK: Kuweires air base shared as today's news,2019-01-01T00:00:00Z,https://t.me/front/4,front
            e.png,Kuweires airbase (file photo),2019-01-01T00:00:00Z,https://t.me/front/5,front
            run1/f.png,Our flag over Kuweires air base today,2019-02-01T00:00:00Z,https://t.me/front/6,front
            run2/f.png,Our flag over Kuweires air base today,2019-02-01T00:00:00Z,https://t.me/front/6,front

            """.utf8).write(to: folder.appendingPathComponent("posts.csv"))
        let casePath = folder.appendingPathComponent("x.case").path
        let ingest = try CommandLineRunner.run(["ingest", "--format", "jsonl", "--case", casePath, folder.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        let result = try CommandLineRunner.run(["flags", "--kind", "recycled", "--format", "jsonl", "--case", casePath])
        let flags = try result.lines.map(Self.json)
        let posts = flags.map { ($0["posts"] as? [String])?.first ?? "" }
        #expect(posts.sorted() == ["telegram front/1", "telegram front/6"], "30 days 1 hour is more than 30 days; 29 days 23 hours is not")
        let twice = try #require(flags.first { ($0["posts"] as? [String])?.first == "telegram front/6" })
        #expect(Set((twice["files"] as? [String] ?? []).map { $0.split(separator: "/").suffix(2).joined(separator: "/") }).isSuperset(of: ["run1/f.png", "run2/f.png"]))
        let hourly = try #require(flags.first { ($0["posts"] as? [String])?.first == "telegram front/1" })
        #expect((hourly["reason"] as? String ?? "").contains("30 days 1 hour earlier"))
    }

    /// A post dates its photo by naming the year alone ("photo from 2015", عام ٢٠١٥), not by a
    /// campaign tag that has the year glued to a name (#Raqqa2015), which evaded the flag.
    @Test func aYearGluedToANameDatesNoPhoto() throws {
        let taken = try #require(CalendarDay.seconds(iso: "2015-11-12T13:04:22Z"))
        let posted = try #require(CalendarDay.seconds(iso: "2023-05-01T00:00:00Z"))
        #expect(CaseClaims.namesYear(of: taken, before: posted, in: "Kuweires air base, photo from 2015"))
        #expect(CaseClaims.namesYear(of: taken, before: posted, in: "مطار كويرس عام ٢٠١٥"))
        #expect(CaseClaims.namesYear(of: taken, before: posted, in: "Kuweires #2015"))
        #expect(!CaseClaims.namesYear(of: taken, before: posted, in: "Airstrike on Kuweires air base today #Aleppo2015"))
        #expect(!CaseClaims.namesYear(of: taken, before: posted, in: "Airstrike on Kuweires air base today, 2016 footage"))
    }

    @Test func claimsShowEvidenceAndSitesWithCoordinates() throws {
        let casePath = try Self.samplesCase.get()
        let result = try CommandLineRunner.run(["claims", "--format", "jsonl", "--case", casePath, "samples/mosul-runway_q40.jpg"])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try result.lines.map(Self.json)
        // Its banner repost is claimed at Mosul airport; it has no post and no GPS of its own.
        let repost = try #require(records.first { $0["evidence"] as? String == "repost" })
        #expect(repost["type"] as? String == "airport")
        for key in ["id", "name", "type", "latitude", "longitude", "score", "evidence", "detail"] { #expect(repost[key] != nil, "\(key)") }
        let original = try CommandLineRunner.run(["claims", "--format", "jsonl", "--case", casePath, "samples/mosul-runway.jpg"])
        let evidence = Set(try original.lines.map { try Self.json($0)["evidence"] as? String ?? "" })
        #expect(evidence == ["gps", "repost"])
    }

    @Test func siteListsItsImagesEarliestFirst() throws {
        let casePath = try Self.samplesCase.get()
        let search = try CommandLineRunner.run(["sites", "search", "--format", "jsonl", "Tabqa air base"])
        let first = try #require(search.lines.first)
        let id = try #require(try Self.json(first)["id"] as? String)
        let result = try CommandLineRunner.run(["site", "--format", "jsonl", "--case", casePath, id])
        #expect(result.status == 0, "\(result.stderr)")
        let records = try result.lines.map(Self.json)
        let paths = Set(records.compactMap { ($0["path"] as? String).map { URL(fileURLWithPath: $0).lastPathComponent } })
        #expect(paths.isSuperset(of: ["tabqa-hangars.jpg", "tabqa-hangars_q40.jpg", "tabqa-hangars_banner.jpg"]))
        let times = records.compactMap { $0["time"] as? String }
        #expect(times == times.sorted())
        // A site's own name finds it, though the search also finds its namesakes (Tabqa, the dam).
        let byName = try CommandLineRunner.run(["site", "--format", "jsonl", "--case", casePath, "tabqa air base"])
        #expect(byName.status == 0, "\(byName.stderr)")
        #expect(byName.stdout == result.stdout)
        #expect(try CommandLineRunner.run(["site", "--case", casePath, "Tabqa area"]).status == 1, "no site is named so")
        // The town's own name is the town, and the sites beside it that carry the name are said.
        let town = try CommandLineRunner.run(["site", "--format", "jsonl", "--case", casePath, "Tabqa"])
        #expect(town.status == 0)
        #expect(town.stderr.contains("builtin:tabqa-air-base") && town.stderr.contains("builtin:tabqa-dam"), "\(town.stderr)")
    }

    @Test func resolveReadsOneTextPerLineAndSaysWhenNothingIsClaimed() throws {
        let input = "Flag raised over Menagh air base\nGood morning brothers\nسد الموصل تحت السيطرة\n"
        let result = try CommandLineRunner.run(["claims", "resolve", "--format", "jsonl", "--limit", "1"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = try result.lines.map(Self.json)
        #expect(records.map { $0["line"] as? Int } == [1, 2, 3])
        #expect(records[0]["type"] as? String == "air_base")
        #expect(records[1]["id"] is NSNull)
        #expect(records[2]["type"] as? String == "dam")
    }

    /// Texts saved by a Windows editor start with a byte-order mark and end their lines with
    /// CR LF: neither is part of a text.
    @Test func resolveSkipsAByteOrderMarkOnStdin() throws {
        let input = "\u{FEFF}Mosul airport\r\nGood morning brothers\r\n"
        let result = try CommandLineRunner.run(["claims", "resolve", "--format", "jsonl", "--limit", "1"], input: Data(input.utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = try result.lines.map(Self.json)
        #expect(records.map { $0["text"] as? String } == ["Mosul airport", "Good morning brothers"])
        #expect(records.first?["id"] as? String == "builtin:mosul-international-airport")
    }

    /// A list of one kind without a type column (the border crossings' `name_en,lat,lon`)
    /// takes the type given with --type; a row that names its own type keeps it.
    @Test func importedRowsWithoutATypeTakeTheOneGiven() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-type-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let list = folder.appendingPathComponent("gates.csv")
        try Data("name_en,name_ar,lat,lon,type\nSemalka Gate,معبر سيمالكا,36.95,42.05,\nFaysh Khabur,فيش خابور,37.07,42.38,city\n".utf8).write(to: list)
        let casePath = folder.appendingPathComponent("x.case").path
        let imported = try CommandLineRunner.run(["sites", "import", "--case", casePath, "--type", "border_crossing", list.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        let sites = try CommandLineRunner.run(["sites", "list", "--case", casePath, "--format", "jsonl"]).lines.map(Self.json)
            .filter { ($0["id"] as? String)?.hasPrefix("user:") == true }
        #expect(Dictionary(uniqueKeysWithValues: sites.map { ($0["name"] as? String ?? "", $0["type"] as? String ?? "") })
                == ["Semalka Gate": "border_crossing", "Faysh Khabur": "city"])
    }

    /// Two analysts' lists that name different places alike keep both (a second file's
    /// "Checkpoint X" replaced the first's: CLI probe round 11, H3); re-importing either keeps
    /// the ids; a row that gives another file's id replaces that site, and says so.
    @Test func listsNamingDifferentPlacesAlikeKeepBoth() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-lists-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("checkpoints.csv"), second = folder.appendingPathComponent("other-list.csv")
        try Data("name,latitude,longitude\nCheckpoint X,36.11,42.11\n".utf8).write(to: first)
        try Data("name,latitude,longitude\nCheckpoint X,34.0,40.0\n".utf8).write(to: second)
        let casePath = folder.appendingPathComponent("x.case").path
        func importing(_ file: URL) throws -> String {
            let result = try CommandLineRunner.run(["sites", "import", "--case", casePath, file.path])
            #expect(result.status == 0, "\(result.stderr)")
            return result.stderr
        }
        func userSites() throws -> [String: Double] {
            let rows = try CommandLineRunner.run(["sites", "list", "--case", casePath, "--format", "jsonl"]).lines.map(Self.json)
            return Dictionary(uniqueKeysWithValues: rows.compactMap { row in
                (row["id"] as? String).flatMap { $0.hasPrefix("user:") ? ($0, row["latitude"] as? Double ?? 0) : nil }
            })
        }
        _ = try importing(first)
        #expect(try importing(second).contains("imported as user:checkpoint-x-2"))
        let both = ["user:checkpoint-x": 36.11, "user:checkpoint-x-2": 34.0]
        #expect(try userSites() == both)
        _ = try importing(first)
        _ = try importing(second)
        #expect(try userSites() == both)
        let given = folder.appendingPathComponent("given.csv")
        try Data("id,name,latitude,longitude\ncheckpoint-x,Checkpoint X,35.5,41.5\n".utf8).write(to: given)
        #expect(try importing(given).contains("user:checkpoint-x replaces the site imported from \(first.path)"))
        #expect(try userSites() == ["user:checkpoint-x": 35.5, "user:checkpoint-x-2": 34.0])
    }

    @Test func importedAirportsAreFoundNearErbil() throws {
        guard let corpus = CommandLineRunner.corpus else { return }
        let world = corpus.deletingLastPathComponent().appendingPathComponent("gazetteer/ourairports-world-airports-20221011.csv")
        let casePath = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-sites-\(UUID().uuidString).case").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: casePath + suffix) } }
        let imported = try CommandLineRunner.run(["sites", "import", "--case", casePath, world.path])
        #expect(imported.status == 0, "\(imported.stderr)")
        // "…: ourairports, N sites imported into …": the 73,623 rows less balloonports and built-in twins.
        let count = imported.stderr.split(separator: " ").firstIndex(of: "sites").flatMap { index in
            Int(imported.stderr.split(separator: " ")[index - 1])
        }
        #expect((count ?? 0) > 70_000, "\(imported.stderr)")
        let near = try CommandLineRunner.run(["sites", "near", "--format", "jsonl", "--case", casePath, "--km", "30", "36.19,44.01"])
        let names = try near.lines.map { try Self.json($0)["name"] as? String ?? "" }
        #expect(names.contains("Erbil International Airport"), "\(names)")
        // A southern and eastern point is a point, not an option: Sydney's airport.
        let south = try CommandLineRunner.run(["sites", "near", "--format", "jsonl", "--case", casePath, "-33.9461,151.1772", "--km", "5"])
        #expect(south.status == 0, "\(south.stderr)")
        #expect(try south.lines.contains { try Self.json($0)["id"] as? String == "ourairports:YSSY" })
    }
}
