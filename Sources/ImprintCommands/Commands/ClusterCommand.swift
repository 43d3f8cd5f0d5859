import ArgumentParser
import Foundation
import PerceptualHash

extension RepostClusterer.Mode: ExpressibleByArgument {}

/// `imprint cluster`: groups reposts of the same photo, earliest appearance first.
struct ClusterCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cluster",
        abstract: "Group images that are the same photo (reposts, recompressions, resizes), earliest first.",
        discussion: """
            Reads `imprint hash` output (JSON Lines, JSON or CSV; '-' for stdin) or hashes \
            images and folders itself. Two images are close when any algorithm in --algorithms \
            puts them within its threshold; groups are the connected components of "close" \
            (--mode components, the PDQ tools' snowball) or, with --mode earliest, the earliest \
            unassigned image and everything close to it. Members are ordered by their earliest \
            known time (EXIF DateTimeOriginal, in UTC where the file recorded its offset, else \
            the file's modification time in UTC), the first \
            is the representative, and each member's distance to it is shown, with how it \
            joined: joined_via (the member it matched: the representative, or in components \
            mode another member when it is far from the representative), joined_by (the two \
            hashes that met, e.g. pdq_c90~pdq: a central crop of the one against the whole \
            other) and joined_distance. Cluster numbers \
            follow the representatives' times, so the same input gives the same numbers; \
            --singletons lists the single images after every cluster, numbers unchanged. \
            PDQ hashes of quality below 50 are too unreliable to compare and are listed \
            separately. The search is exact (a multi-index Hamming index, no missed pairs).
            """
    )

    @OptionGroup var input: HashInputOptions
    @OptionGroup var output: OutputFormatOptions

    @Option(name: [.customShort("a"), .customLong("algorithms")], help: ArgumentHelp(
        "Comma-separated hashes to compare: pdq, phash, dhash, ahash, whash (default pdq).", valueName: "list"))
    var algorithmList = "pdq"

    @Option(name: .customLong("threshold"), help: ArgumentHelp(MatchThresholds.help, valueName: "alg=bits,..."))
    var thresholdList: String?

    @Flag(inversion: .prefixedNo, help: ArgumentHelp(
        "Also match rotated and mirrored reposts (PDQ's eight dihedral hashes; default on when pdq is compared).",
        discussion: "Computed for images hashed here; from `imprint hash` output only when it was made with --dihedral."))
    var dihedral: Bool?

    /// Dihedral matching: on by default whenever PDQ is compared (the variants come from the
    /// same DCT, and cost a few index queries per image).
    var useDihedral: Bool { (dihedral ?? true) && algorithms.contains(.pdq) }

    @Option(help: "components (default): A~B and B~C join A, B, C. earliest: each group is within the threshold of its earliest member.")
    var mode: RepostClusterer.Mode = .components

    @Flag(help: "Also print images that match nothing, as clusters of one.")
    var singletons = false

    var algorithms: [HashAlgorithm] { (try? HashCommand.parseAlgorithms(algorithmList)) ?? [] }

    func validate() throws {
        if try HashCommand.parseAlgorithms(algorithmList).isEmpty { throw ValidationError("--algorithms needs at least one algorithm.") }
        _ = try MatchThresholds(parsing: thresholdList)
        if dihedral == true && !algorithms.contains(.pdq) { throw ValidationError("--dihedral needs pdq in --algorithms.") }
    }

    func run() async throws {
        let images = try await input.load(algorithms: algorithms, dihedral: useDihedral, times: true)
        let thresholds = try MatchThresholds(parsing: thresholdList)
        try thresholds.check(images, comparing: algorithms)
        if useDihedral { images.warnAboutMissingDihedral(explicit: dihedral == true, fromCases: !input.casePaths.isEmpty) }
        images.warnAboutMixedSizes(algorithms)
        let clusterer = RepostClusterer(algorithms: algorithms, thresholds: thresholds, dihedral: useDihedral, mode: mode)
        let missing = images.filter { image in image.error == nil && algorithms.contains { image.words[$0] == nil } }
        if let first = missing.first {
            throw ValidationError("\(first.path) has no \(algorithms.first { first.words[$0] == nil }!.rawValue) hash; hash with --algorithms \(algorithmList).")
        }
        let clusters = clusterer.clusters(of: images, singletons: singletons)
        let lowQuality = images.filter { $0.error == nil && clusterer.isLowQuality($0) }
        let format = output.outputFormat
        if format == .text {
            printText(clusters, lowQuality: lowQuality, images: images)
        } else {
            var columns = ["cluster", "size", "rank", "path", "time", "time_source", "representative", "distance",
                           "joined_via", "joined_by", "joined_distance"]
            if algorithms.count > 1 { columns += algorithms.map { "\($0.rawValue)_distance" } }
            columns += ["pdq_quality", "excluded"]
            let writer = RecordWriter(format: format, columns: format == .csv ? columns : nil)
            for (number, cluster) in clusters.enumerated() {
                let representative = images[cluster.members[0]].path
                for (rank, member) in cluster.members.enumerated() {
                    let image = images[member]
                    var record: OutputRecord = [
                        ("cluster", .integer(Int64(number + 1))), ("size", .integer(Int64(cluster.members.count))),
                        ("rank", .integer(Int64(rank + 1))), ("path", .string(image.path)),
                        ("time", image.time.map(OutputValue.string) ?? .null),
                        ("time_source", image.timeSource.map(OutputValue.string) ?? .null),
                        ("representative", .string(representative)),
                        ("distance", cluster.distances[rank][algorithms[0]].map { .integer(Int64($0)) } ?? .null),
                    ]
                    if let join = cluster.joins[rank] {
                        record += [("joined_via", .string(images[join.via].path)),
                                   ("joined_by", .string(join.meeting.hashes)),
                                   ("joined_distance", .integer(Int64(join.meeting.distance)))]
                    }
                    if algorithms.count > 1 {
                        for algorithm in algorithms {
                            record.append(("\(algorithm.rawValue)_distance",
                                           cluster.distances[rank][algorithm].map { .integer(Int64($0)) } ?? .null))
                        }
                    }
                    if let quality = image.pdqQuality { record.append(("pdq_quality", .integer(Int64(quality)))) }
                    writer.write(record)
                }
            }
            for image in lowQuality {
                writer.write([("cluster", .null), ("path", .string(image.path)),
                              ("pdq_quality", .integer(Int64(image.pdqQuality ?? 0))),
                              ("excluded", .string("pdq quality below \(clusterer.minimumQuality)"))])
            }
            writer.finish()
        }
        let failed = images.filter { $0.error != nil }.count
        warn("\(images.count) images, \(clusters.count) clusters (\(clusters.reduce(0) { $0 + $1.members.count }) images), "
             + "\(lowQuality.count) below PDQ quality \(clusterer.minimumQuality), \(failed) failed")
        try Interruption.stopAfterOutput(images.count)
        // Nothing to cluster (a drive not mounted, an empty case) is said and exits 1, as `hash`
        // and `exif` do: an empty result must not pass for "no reposts".
        if images.isEmpty {
            if !input.paths.isEmpty {
                warn("no image files under " + input.paths.map { "'\($0)'" }.joined(separator: ", ") + " (other files and hidden ones are passed over)")
            }
            throw ExitCode(1)
        }
        if failed > 0 { throw ExitCode(1) }
    }

    private func printText(_ clusters: [RepostClusterer.Cluster], lowQuality: [HashedImage], images: [HashedImage]) {
        var out = BufferedOutput()
        for (number, cluster) in clusters.enumerated() {
            out.write("cluster \(number + 1): \(cluster.members.count) image\(cluster.members.count == 1 ? "" : "s")\n")
            for (rank, member) in cluster.members.enumerated() {
                let image = images[member]
                let distance = algorithms.map { algorithm in
                    "\(algorithm.rawValue) " + (cluster.distances[rank][algorithm].map(String.init) ?? "-")
                }.joined(separator: " ")
                // 20 characters: a UTC time keeps its Z, which says it is comparable with the others.
                let time = (image.time ?? "unknown time").padding(toLength: 20, withPad: " ", startingAt: 0)
                let source = image.timeSource == "mtime" ? " (mtime)" : "        "
                // A member far from the representative says through whom it joined, and how.
                let via = cluster.joins[rank].flatMap { join in
                    join.via == cluster.members[0] ? nil
                        : "  (via \(images[join.via].path.terminalSafe): \(join.meeting.hashes) \(join.meeting.distance))"
                } ?? ""
                // Text goes to a terminal: control characters in file names are shown as ".".
                out.write("  \(rank == 0 ? "*" : " ") \(time.terminalSafe)\(source)  \(distance)  \(image.path.terminalSafe)\(via)\n")
            }
            out.write("\n")
        }
        if !lowQuality.isEmpty {
            out.write("not clustered, PDQ quality below 50: \(lowQuality.count)\n")
            for image in lowQuality { out.write("    quality \(image.pdqQuality ?? 0)  \(image.path.terminalSafe)\n") }
        }
        out.flush()
    }
}
