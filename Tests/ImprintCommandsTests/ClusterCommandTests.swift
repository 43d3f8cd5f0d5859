import Foundation
import Testing

/// samples/manifest.csv: which original each sample was made from, and how.
enum SampleManifest {
    static let rows: [(file: String, original: String, edit: String)] = {
        let url = CommandLineRunner.repository.appendingPathComponent("samples/manifest.csv")
        let text = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return (fields[0], fields[1], fields[2])
        }
    }()

    static func original(of path: String) -> String? {
        let name = URL(fileURLWithPath: path).lastPathComponent
        return rows.first { $0.file == name }?.original
    }

    /// Variants made with `edits`, each with its original.
    static func variants(_ edits: Set<String>) -> [(file: String, original: String)] {
        rows.filter { edits.contains($0.edit) }.map { ($0.file, $0.original) }
    }
}

/// Clusters from JSON Lines output: cluster number → member paths in rank order.
func clusterMembers(_ records: [[String: Any]]) -> [Int: [String]] {
    var clusters: [Int: [String]] = [:]
    for record in records {
        guard let cluster = record["cluster"] as? Int, let path = record["path"] as? String else { continue }
        clusters[cluster, default: []].append(path)
    }
    return clusters
}

@Suite(.serialized) struct ClusterCommandTests {
    /// Edits every configuration must put with their original (resizes, recompression,
    /// a resized copy with replaced EXIF), and what each configuration adds.
    /// Caption banners join through the hash of the region inside them, and 10% crops through
    /// the central regions' PDQ hashes, in every configuration; mirrors need dihedral matching,
    /// which is on by default.
    static let everywhere: Set<String> = ["resize-480", "recompress-q40", "resize-800+exif-replaced", "banner-top", "banner-bottom",
                                          "crop-10pct"]
    static let configurations: [(arguments: [String], joined: Set<String>)] = [
        ([], everywhere.union(["mirror"])),
        (["--no-dihedral"], everywhere),
        (["--dihedral"], everywhere.union(["mirror"])),
        (["--algorithms", "pdq,phash", "--no-dihedral"], everywhere),
        (["--dihedral", "--algorithms", "pdq,phash"], everywhere.union(["mirror"])),
    ]

    /// Every variant the samples script made is covered by some configuration above.
    @Test func configurationsCoverEveryEdit() {
        let edits = Set(SampleManifest.rows.map(\.edit)).subtracting(["original"])
        #expect(edits.isSubset(of: Self.configurations.last!.joined))
    }

    @Test(arguments: 0..<5)
    func samplesClusterWithTheirOriginalsAndNothingElse(configuration: Int) throws {
        let (arguments, joined) = Self.configurations[configuration]
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl"] + arguments + ["samples"])
        #expect(result.status == 0, "\(result.stderr)")
        let clusters = clusterMembers(try CommandLineRunner.objects(result))
        for (_, members) in clusters {
            let originals = Set(members.compactMap(SampleManifest.original(of:)))
            #expect(originals.count == 1, "unrelated images share a cluster: \(members)")
            // The original carries the earliest DateTimeOriginal, so it represents the cluster.
            #expect(URL(fileURLWithPath: members[0]).lastPathComponent == originals.first)
        }
        let clusterOf = Dictionary(clusters.flatMap { number, members in members.map { ($0, number) } }) { a, _ in a }
        for (file, original) in SampleManifest.variants(joined) {
            let variant = clusterOf["samples/" + file], origin = clusterOf["samples/" + original]
            #expect(variant != nil && variant == origin, "\(file) is not with \(original) for \(arguments)")
        }
    }

    @Test func sameClustersFromFoldersHashOutputAndStdinWhateverTheJobs() throws {
        let direct = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--dihedral", "--jobs", "1", "samples"])
        let hashed = try CommandLineRunner.run(["hash", "--format", "jsonl", "--dihedral", "--jobs", "2", "samples"])
        let piped = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--dihedral", "-"], input: Data(hashed.stdout.utf8))
        #expect(direct.status == 0 && piped.status == 0, "\(direct.stderr) \(piped.stderr)")
        #expect(!direct.stdout.isEmpty)
        #expect(direct.stdout == piped.stdout)
        let csvHashes = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-cluster-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: csvHashes) }
        let csv = try CommandLineRunner.run(["hash", "--format", "csv", "--dihedral", "samples"])
        try csv.stdout.write(to: csvHashes, atomically: true, encoding: .utf8)
        let fromCSV = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--dihedral", csvHashes.path])
        #expect(fromCSV.stdout == direct.stdout)
    }

    /// A folder with no image, or an empty case, is said and exits 1, as `hash` does, so that
    /// `cluster /media/drive || alert` notices a drive that is not mounted.
    @Test func nothingToClusterExitsOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-cluster-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("notes"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data("no picture".utf8).write(to: folder.appendingPathComponent("notes/a.txt"))
        let walked = try CommandLineRunner.run(["cluster", "--format", "jsonl", folder.appendingPathComponent("notes").path])
        #expect(walked.status == 1)
        #expect(walked.stderr.contains("no image files under"), "\(walked.stderr)")
        #expect(walked.stdout.isEmpty)
        let casePath = folder.appendingPathComponent("empty.case").path
        _ = try CommandLineRunner.run(["ingest", "--case", casePath, folder.appendingPathComponent("notes").path])
        let fromCase = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--case", casePath])
        #expect(fromCase.status == 1)
        #expect(fromCase.stderr.contains("the case holds no files"), "\(fromCase.stderr)")
    }

    /// Ctrl-C while `cluster` hashes a folder stops hashing, clusters what was read, says so,
    /// and exits as interrupted, rather than dying with nothing written (CLI probe round 10, M3).
    @Test func ctrlCClustersWhatWasRead() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-cluster-stop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let photo = CommandLineRunner.repository.appendingPathComponent("samples/river-palms.jpg")
        for copy in 0..<3_000 { try FileManager.default.linkItem(at: photo, to: folder.appendingPathComponent(String(format: "%05d.jpg", copy))) }
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", folder.path], interruptAfter: 1.0)
        #expect(result.status == 130, "\(result.stderr)")
        let said = try #require(result.stderr.split(separator: "\n").first { $0.hasPrefix("interrupted: the output covers the ") })
        let read = Int(said.split(separator: " ")[5]) ?? -1
        #expect(read > 0 && read < 3_000, "\(said)")
        #expect(try CommandLineRunner.objects(result).count == read, "every image read is in one cluster of copies")
    }

    /// Thousands of unchanged copies of a few photos (a popular picture reposted as it is) form
    /// one cluster per photo, every copy at distance 0 from the first and joined through it,
    /// copies of a mirrored repost with the photo itself; and the same holds in `earliest`
    /// mode. (Copies are compared once: every pair of them took memory in the square of their
    /// number, 8,000 copies 7 GB; CLI probe round 10, H1.)
    @Test func manyCopiesOfOnePhotoClusterTogether() throws {
        let seed = try CommandLineRunner.run(["hash", "--format", "jsonl", "--dihedral", "samples/river-palms.jpg",
                                              "samples/mosul-runway.jpg", "samples/mosul-runway_mirror.jpg"])
        let records = try CommandLineRunner.objects(seed)
        try #require(records.count == 3)
        var lines: [String] = []
        for copy in 0..<1_200 {
            var record = records[copy % 3]
            record["path"] = String(format: "repost/%05d-%@", copy, (record["path"] as? String ?? "").replacingOccurrences(of: "samples/", with: ""))
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys]), as: UTF8.self))
        }
        for mode in ["components", "earliest"] {
            let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--mode", mode, "-"], input: Data(lines.joined(separator: "\n").utf8))
            #expect(result.status == 0, "\(result.stderr)")
            let members = try CommandLineRunner.objects(result)
            let byCluster = Dictionary(grouping: members) { $0["cluster"] as? Int ?? -1 }
            #expect(byCluster.count == 2, "river palms, and the runway with its mirror: \(mode)")
            #expect(byCluster.values.map(\.count).sorted() == [400, 800], "\(mode)")
            for cluster in byCluster.values {
                let representative = cluster.first { $0["rank"] as? Int == 1 }?["path"] as? String
                for member in cluster where member["rank"] as? Int != 1 {
                    let samePhoto = (member["path"] as? String)?.hasSuffix("mirror.jpg") == representative?.hasSuffix("mirror.jpg")
                    if samePhoto { #expect(member["distance"] as? Int == 0 && member["joined_via"] as? String == representative, "\(member)") }
                }
            }
        }
    }

    /// Without dihedral matching the mirrors stay apart; plain reference hashes (`--no-trim`)
    /// lose the banners and crops, which is what the regions are for.
    @Test func mirrorsNeedDihedralAndCropsNeedTheRegions() throws {
        func joined(_ hashArguments: [String], _ clusterArguments: [String]) throws -> Set<String> {
            let hashes = try CommandLineRunner.run(["hash", "--format", "jsonl", "--algorithms", "pdq"] + hashArguments + ["samples"])
            let result = try CommandLineRunner.run(["cluster", "--format", "jsonl"] + clusterArguments + ["-"], input: Data(hashes.stdout.utf8))
            #expect(result.status == 0, "\(result.stderr)")
            var clusterOf: [String: Int] = [:]
            for (number, members) in clusterMembers(try CommandLineRunner.objects(result)) { for member in members { clusterOf[member] = number } }
            return Set(SampleManifest.rows.filter { row in
                row.edit != "original" && clusterOf["samples/" + row.file] != nil
                    && clusterOf["samples/" + row.file] == clusterOf["samples/" + row.original]
            }.map(\.edit))
        }
        let regions = try joined(["--dihedral"], [])
        #expect(regions.isSuperset(of: Self.everywhere.union(["mirror"])))
        #expect(!(try joined([], ["--no-dihedral"])).contains("mirror"))
        let plain = try joined(["--no-trim", "--dihedral"], [])
        #expect(plain.isDisjoint(with: ["crop-10pct", "banner-top", "banner-bottom"]))
        #expect(plain.contains("mirror"))
    }

    /// Options that would change nothing say so: an explicit --dihedral over hash output made
    /// without it (matched upright only), and a --threshold for an algorithm not compared.
    @Test func optionsThatChangeNothingSaySo() throws {
        let hashes = try CommandLineRunner.run(["hash", "--format", "jsonl", "--algorithms", "pdq", "samples"])
        let upright = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--dihedral", "-"], input: Data(hashes.stdout.utf8))
        #expect(upright.status == 0)
        #expect(upright.stderr.contains("--dihedral:") && upright.stderr.contains("no pdq_dihedral hashes"), "\(upright.stderr)")
        // On by default, it says so too; turned off, it has nothing to say.
        let byDefault = try CommandLineRunner.run(["cluster", "--format", "jsonl", "-"], input: Data(hashes.stdout.utf8))
        #expect(byDefault.stderr.contains("dihedral matching (on by default)"), "\(byDefault.stderr)")
        let off = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--no-dihedral", "-"], input: Data(hashes.stdout.utf8))
        #expect(!off.stderr.contains("pdq_dihedral"), "\(off.stderr)")
        // Hashes of two sizes are compared each with its own size only: said.
        let small = try CommandLineRunner.run(["hash", "--format", "jsonl", "--algorithms", "phash", "--no-trim", "samples/desert-road.jpg"])
        let large = try CommandLineRunner.run(["hash", "--format", "jsonl", "--algorithms", "phash", "--no-trim", "--hash-size", "16",
                                               "samples/river-palms.jpg"])
        let mixed = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--algorithms", "phash", "-"],
                                              input: Data((small.stdout + large.stdout).utf8))
        #expect(mixed.stderr.contains("phash hashes of 64 and 256 bits"), "\(mixed.stderr)")
        let withVariants = try CommandLineRunner.run(["hash", "--format", "jsonl", "--algorithms", "pdq", "--dihedral", "samples"])
        let turned = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--dihedral", "-"], input: Data(withVariants.stdout.utf8))
        #expect(!turned.stderr.contains("no pdq_dihedral"), "\(turned.stderr)")
        let unused = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--threshold", "phash=60", "-"], input: Data(hashes.stdout.utf8))
        #expect(unused.status == 0)
        #expect(unused.stderr.contains("--threshold phash=60 changes nothing"), "\(unused.stderr)")
        let used = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--threshold", "pdq=20", "-"], input: Data(hashes.stdout.utf8))
        #expect(!used.stderr.contains("changes nothing"), "\(used.stderr)")
    }

    /// An input refused once the command runs says why, without the top-level usage that
    /// argument-parser would add (CLI probe round 9, L5); a usage slip keeps cluster's usage.
    @Test func aRefusedInputSaysWhyWithoutTheWrongUsage() throws {
        let refused = try CommandLineRunner.run(["cluster", "--format", "jsonl", "-"], input: Data(#"{"path":"a.jpg","pdq_quality":90}"#.utf8))
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("a.jpg has no pdq hash"), "\(refused.stderr)")
        #expect(!refused.stderr.contains("Usage: imprint <subcommand>"), "\(refused.stderr)")
        let slip = try CommandLineRunner.run(["cluster", "--threshold", "foo=1", "samples"])
        #expect(slip.status == 2)
        #expect(slip.stderr.contains("Usage: imprint cluster"), "\(slip.stderr)")
    }

    /// A case's files that could not be decoded at ingest have no hashes to compare: they are
    /// left out, and said to be (CLI probe round 9: they vanished in silence).
    @Test func aCasesUndecodableFilesAreSaidToBeLeftOut() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-cluster-case-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(at: CommandLineRunner.repository.appendingPathComponent("samples/desert-road.jpg"),
                                         to: folder.appendingPathComponent("a.jpg"))
        try Data("<html>not found</html>".utf8).write(to: folder.appendingPathComponent("b.jpg"))
        let casePath = folder.appendingPathComponent("c.case").path
        _ = try CommandLineRunner.run(["ingest", "--case", casePath, folder.path])
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--case", casePath])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("1 file the ingest could not decode left out"), "\(result.stderr)")
    }

    /// A repost cut to a square meets its original through the original's `pdq_a1x1`, read
    /// back from hash output like the other region columns.
    @Test func aSquareCropMeetsItsOriginalThroughTheAspectColumn() throws {
        let hashed = try CommandLineRunner.run(["hash", "--format", "jsonl", "--algorithms", "pdq", "samples/desert-road.jpg"])
        var original = try #require(try CommandLineRunner.objects(hashed).first)
        let square = try #require(original["pdq_a1x1"] as? String)
        // The repost as hash output would show it: its whole image is the original's square.
        let repost: [String: Any] = ["path": "square.jpg", "pdq": square, "pdq_quality": 100]
        original["path"] = "original.jpg"
        let lines = try [original, repost].map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", "-"], input: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(clusterMembers(try CommandLineRunner.objects(result)).values.contains { Set($0) == ["original.jpg", "square.jpg"] })
    }

    @Test func singletonsListEverySampleOnce() throws {
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--singletons", "samples"])
        let paths = try CommandLineRunner.objects(result).compactMap { $0["path"] as? String }
        #expect(paths.sorted() == SampleManifest.rows.map { "samples/" + $0.file }.sorted())
        #expect(Set(paths).count == paths.count)
        // A cluster keeps its number with or without the singletons, which come after it.
        func numbered(_ records: [[String: Any]]) -> [String: Int] {
            Dictionary(records.compactMap { record in (record["path"] as? String).map { ($0, record["cluster"] as? Int ?? 0) } }) { a, _ in a }
        }
        let with = numbered(try CommandLineRunner.objects(result))
        let without = numbered(try CommandLineRunner.objects(CommandLineRunner.run(["cluster", "--format", "jsonl", "samples"])))
        #expect(!without.isEmpty && without.allSatisfy { with[$0.key] == $0.value })
        #expect(with.filter { without[$0.key] == nil }.allSatisfy { $0.value > (without.values.max() ?? 0) })
    }

    /// A chain A~B~C, A and C too far apart to match: in components mode C joins through B,
    /// and its record says so (joined_via B, the hashes that met, their distance), while its
    /// distance to the representative A stays what it is; the earliest mode leaves C apart.
    @Test func aMemberFarFromTheRepresentativeSaysThroughWhomItJoined() throws {
        var rng = PlantedRandom(state: 11)
        let a = (0..<4).map { _ in rng.next() }
        var b = a
        for bit in 0..<20 { b[bit / 64] ^= 1 << UInt64(bit % 64) }            // A–B: 20 bits
        var c = b
        for bit in 128..<148 { c[bit / 64] ^= 1 << UInt64(bit % 64) }        // B–C: 20, A–C: 40
        let lines = [("chain/a.jpg", a), ("chain/b.jpg", b), ("chain/c.jpg", c)].map { path, hash in
            #"{"path":"\#(path)","pdq_quality":90,"pdq":"\#(hex(hash))"}"#
        }
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", "-"], input: Data(lines.joined(separator: "\n").utf8))
        let records = try CommandLineRunner.objects(result)
        let byPath = Dictionary(uniqueKeysWithValues: records.compactMap { record in (record["path"] as? String).map { ($0, record) } })
        let far = try #require(byPath["chain/c.jpg"])
        #expect(far["distance"] as? Int == 40)
        #expect(far["joined_via"] as? String == "chain/b.jpg")
        #expect(far["joined_by"] as? String == "pdq~pdq")
        #expect(far["joined_distance"] as? Int == 20)
        #expect(byPath["chain/b.jpg"]?["joined_via"] as? String == "chain/a.jpg")
        #expect(byPath["chain/a.jpg"]?["joined_via"] == nil)
        let earliest = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--mode", "earliest", "-"], input: Data(lines.joined(separator: "\n").utf8))
        #expect(try CommandLineRunner.objects(earliest).allSatisfy { ($0["path"] as? String) != "chain/c.jpg" })
    }

    /// Planted groups of random PDQ hashes, each member within 15 bits of its group's base
    /// (so within 30 of each other), bases about 128 bits apart.
    @Test(arguments: [UInt64(7), 8, 9])
    func plantedGroupsComeBackExactly(seed: UInt64) throws {
        var rng = PlantedRandom(state: seed)
        var lines: [String] = []
        var groups: [Set<String>] = []
        var lowQuality: [String] = []
        for group in 0..<40 {
            let base = (0..<4).map { _ in rng.next() }
            let size = Int(rng.next() % 5) + 1
            var members = Set<String>()
            for member in 0..<size {
                var hash = base
                for _ in 0..<Int(rng.next() % 16) {
                    let bit = Int(rng.next() % 256)
                    hash[bit / 64] ^= 1 << UInt64(bit % 64)
                }
                let path = String(format: "planted/g%02d-m%d.jpg", group, member)
                members.insert(path)
                lines.append(#"{"path":"\#(path)","pdq_quality":90,"pdq":"\#(hex(hash))"}"#)
            }
            groups.append(members)
            if group % 10 == 0 {
                // The base itself, but too poor a hash to trust: listed apart, never clustered.
                let path = String(format: "planted/g%02d-poor.jpg", group)
                lowQuality.append(path)
                lines.append(#"{"path":"\#(path)","pdq_quality":30,"pdq":"\#(hex(base))"}"#)
            }
        }
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", "-"], input: Data(lines.joined(separator: "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let records = try CommandLineRunner.objects(result)
        let clusters = clusterMembers(records)
        #expect(Set(clusters.values.map(Set.init)) == Set(groups.filter { $0.count > 1 }))
        // Numbered by representative; with no times known, the representative is the first path.
        let representatives = clusters.keys.sorted().map { clusters[$0]![0] }
        #expect(representatives == representatives.sorted())
        #expect(clusters.values.allSatisfy { $0[0] == $0.min() })
        let excluded = records.filter { $0["excluded"] != nil }.compactMap { $0["path"] as? String }
        #expect(excluded == lowQuality)
        for record in records where record["cluster"] is Int {
            #expect((record["distance"] as? Int).map { $0 <= 30 } == true)
        }
    }

    /// A chain A–B–C with A~B and B~C at 20 bits but A and C 40 apart: snowball joins all
    /// three, grouping around the earliest keeps C out.
    @Test func modesDifferOnAChain() throws {
        let a: [UInt64] = [0x0123_4567_89AB_CDEF, 0xFEDC_BA98_7654_3210, 0x0F0F_0F0F_F0F0_F0F0, 0x5555_AAAA_3333_CCCC]
        var b = a, c = a
        b[0] ^= 0xFFFFF  // 20 bits
        c[0] ^= 0xFFFFF
        c[1] ^= 0xFFFFF  // 20 more
        let input = [("a", a), ("b", b), ("c", c)].map { #"{"path":"chain/\#($0).jpg","pdq_quality":100,"pdq":"\#(hex($1))"}"# }
            .joined(separator: "\n")
        let components = clusterMembers(try CommandLineRunner.objects(
            CommandLineRunner.run(["cluster", "--format", "jsonl", "-"], input: Data(input.utf8))))
        #expect(components == [1: ["chain/a.jpg", "chain/b.jpg", "chain/c.jpg"]])
        let earliest = try CommandLineRunner.run(["cluster", "--format", "jsonl", "--mode", "earliest", "--singletons", "-"],
                                                 input: Data(input.utf8))
        #expect(clusterMembers(try CommandLineRunner.objects(earliest)) == [1: ["chain/a.jpg", "chain/b.jpg"], 2: ["chain/c.jpg"]])
        let distances = try CommandLineRunner.objects(earliest).compactMap { $0["distance"] as? Int }
        #expect(distances == [0, 20, 0])
    }

    @Test func textShowsSizesAndPaths() throws {
        let result = try CommandLineRunner.run(["cluster", "--format", "text", "samples"])
        #expect(result.stdout.contains("cluster 1: "))
        #expect(result.stdout.contains("samples/mosul-runway.jpg"))
        #expect(result.stdout.contains("2017-07-02T06:41:17Z "), "a UTC time keeps its Z in text too")
    }

    /// A saved hash file clusters alike wherever it is run: its relative paths are taken from
    /// the hash file's folder when they are not found from the current one.
    @Test func aSavedHashFileClustersAlikeFromAnotherFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-saved-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("elsewhere"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("samples"),
                                                   withDestinationURL: CommandLineRunner.repository.appendingPathComponent("samples"))
        let hashed = try CommandLineRunner.run(["hash", "--format", "jsonl", "samples"])
        try hashed.stdout.write(to: folder.appendingPathComponent("hashes.jsonl"), atomically: true, encoding: .utf8)
        let here = try CommandLineRunner.run(["cluster", "--format", "jsonl", "hashes.jsonl"], directory: folder)
        let elsewhere = try CommandLineRunner.run(["cluster", "--format", "jsonl", "../hashes.jsonl"], directory: folder.appendingPathComponent("elsewhere"))
        #expect(here.status == 0 && elsewhere.status == 0)
        #expect(!here.stdout.isEmpty && here.stdout == elsewhere.stdout)
        #expect(here.stdout.contains("DateTimeOriginal"))
    }

    /// A saved hash file's times come from its files only while they are the files hashed: one
    /// replaced by another picture (or gone) has no time, and the run says so, so that it cannot
    /// become a photo's "earliest" copy.
    @Test func aReplacedFileLendsNoTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-replaced-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let samples = CommandLineRunner.repository.appendingPathComponent("samples")
        for name in ["mosul-runway.jpg", "mosul-runway_q40.jpg"] {
            try FileManager.default.copyItem(at: samples.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let hashed = try CommandLineRunner.run(["hash", "--format", "jsonl", "."], directory: folder)
        try hashed.stdout.write(to: folder.appendingPathComponent("hashes.jsonl"), atomically: true, encoding: .utf8)
        // The original is replaced by another photo (taken in 2017 too, but not this picture).
        try FileManager.default.removeItem(at: folder.appendingPathComponent("mosul-runway.jpg"))
        try FileManager.default.copyItem(at: samples.appendingPathComponent("tabqa-hangars.jpg"), to: folder.appendingPathComponent("mosul-runway.jpg"))
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", "hashes.jsonl"], directory: folder)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("mosul-runway.jpg: the file there now is not the one hashed"), "\(result.stderr)")
        let replaced = try CommandLineRunner.objects(result).first { ($0["path"] as? String)?.hasSuffix("/mosul-runway.jpg") ?? false }
        #expect(replaced?["time"] == nil || replaced?["time"] is NSNull)
    }

    /// A file named twice is one image, not a repost of itself.
    @Test func aFileNamedTwiceIsOneImage() throws {
        let result = try CommandLineRunner.run(["cluster", "--format", "jsonl", "samples/mosul-runway.jpg", "./samples/mosul-runway.jpg",
                                                "samples/mosul-runway.jpg", "samples/mosul-runway_q40.jpg"])
        let records = try CommandLineRunner.objects(result)
        #expect(records.count == 2 && records.allSatisfy { $0["size"] as? Int == 2 })
    }

    @Test func badArgumentsAreUsageErrors() throws {
        #expect(try CommandLineRunner.run(["cluster", "--threshold", "pdq=x", "samples"]).status == 2)
        #expect(try CommandLineRunner.run(["cluster", "--dihedral", "--algorithms", "phash", "samples"]).status == 2)
        // A threshold beyond the hash's bits is refused; one at half of them or more is warned about.
        #expect(try CommandLineRunner.run(["cluster", "--threshold", "pdq=300", "samples"]).status == 2)
        #expect(try CommandLineRunner.run(["cluster", "-a", "phash", "--threshold", "phash=99", "samples"]).status == 2)
        #expect(try CommandLineRunner.run(["cluster", "--threshold", "pdq=140", "samples"]).stderr.contains("unrelated pictures differ by about 128"))
    }
}

struct PlantedRandom {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

func hex(_ words: [UInt64]) -> String {
    words.map { word in
        let digits = String(word, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }.joined()
}
