import ArgumentParser
import FileNames
import Foundation
import HammingIndex
import PerceptualHash
import PostSidecars

/// `imprint match`: finds images whose hashes are on known hash lists.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match images (or `imprint hash` output) against known hash lists a partner shared.",
        discussion: """
            Lists may be one hex hash per line (64 digits: PDQ; 16: an imagehash hash, see \
            --list-algorithm), the PDQ reference's `hash,quality,path` CSV, or a \
            ThreatExchange/HMA signal CSV (signal_type,signal_value,…; pdq rows are used). \
            The format is guessed from the first entry unless --list-format says. A header \
            row names the columns, in any order: the hash is signal_value, hash, pdq_hash, \
            raw_indicator or indicator (ThreatExchange's names; also hash_value, pdq, phash, \
            dhash, ahash, whash, value, signal), its type is signal_type, type, \
            indicator_type or hash_type (pdq, PDQ or HASH_PDQ; rows of other types are \
            skipped), PDQ's quality is quality or pdq_quality; the other columns \
            (content_id, label …) make the entry's label. A \
            header naming no hash column is an error. Fields may be separated by commas, tabs \
            or semicolons (Excel's CSV in Arabic and European locales; its `sep=;` first \
            line is read); CSV quoting and a byte-order mark are read, and \
            `# algorithm: dhash` on a line of its own says what a hex list holds. PDQ hashes \
            of quality below 50 are not matched, on the list or from an image. Each match \
            prints the image, the list entry (file, line, hash, label), the algorithm, the \
            distance and which of the image's hashes matched (`pdq`, `pdq_FLIPX`, \
            `pdq_trimmed`, `pdq_c90` …). Searches are exact. Exit status as grep's: 0 when \
            something matched, 1 when nothing did, 2 on an error (an image or a list that \
            cannot be read, or lists none of whose hashes are the images' size). \
            `imprint hashes export` writes lists in these formats.
            """
    )

    @OptionGroup var input: HashInputOptions
    @OptionGroup var output: OutputFormatOptions

    @Option(name: [.customShort("l"), .customLong("list")], help: ArgumentHelp("A known-hash list (repeatable).", valueName: "file"))
    var lists: [String] = []

    @Option(name: .customLong("list-format"), help: "auto, hex, pdq-csv, hma-csv or imagehash.")
    var listFormat: KnownHashList.Format = .auto

    @Option(name: .customLong("list-algorithm"), help: ArgumentHelp(
        "Algorithm of the lists' hex hashes where a list does not say (by a type column or `# algorithm:`), 64 digits "
            + "included (imagehash's hash_size=16). Without it, 64 digits are PDQ and others phash.", valueName: "algorithm"))
    var listAlgorithm: HashAlgorithm?

    @Option(name: .customLong("threshold"), help: ArgumentHelp(MatchThresholds.help, valueName: "alg=bits,..."))
    var thresholdList: String?

    @Flag(inversion: .prefixedNo, help: "Also match rotated and mirrored images (PDQ's eight dihedral hashes; default on).")
    var dihedral: Bool?

    /// Dihedral matching is on unless turned off.
    var useDihedral: Bool { dihedral ?? true }

    func validate() throws {
        if lists.isEmpty { throw ValidationError("Name at least one --list.") }
        if lists.filter({ $0 == "-" }).count > 1 || (lists.contains("-") && input.paths.contains("-")) {
            throw ValidationError("Standard input ('-') can be read once: as one --list, or as the hash output to match.")
        }
        _ = try MatchThresholds(parsing: thresholdList)
    }

    func run() async throws {
        var entries: [KnownHashList.Entry] = []
        var assumedAlgorithm = false
        for path in lists {
            let list: KnownHashList
            do {
                // A file, a pipe, `<(…)`, or "-" for standard input.
                // As spreadsheets save it: UTF-8, UTF-16 with a byte-order mark (Excel's "Unicode text"), Windows-1256.
                let text = CSVTable.text(of: Data(try FileContents.read(path)))
                list = try KnownHashList(text: text, source: path, format: listFormat, hexAlgorithm: listAlgorithm)
            } catch let failure as KnownHashList.Failure {
                // A list that cannot be read is an error in what was asked, as grep's 2.
                warn("\(failure)")
                throw ExitCode(2)
            } catch let failure as FileContents.Failure {
                warn("--list: \(failure)")
                throw ExitCode(2)
            }
            if list.skipped > 0 { warn("\(path): \(list.skipped) rows of other signal types skipped") }
            if list.lowQuality > 0 { warn("\(path): \(list.lowQuality) PDQ hashes of quality below \(Self.minimumQuality) skipped") }
            assumedAlgorithm = assumedAlgorithm || list.assumedAlgorithm
            entries += list.entries
        }
        let algorithms = HashAlgorithm.allCases.filter { algorithm in entries.contains { $0.algorithm == algorithm } }
        guard !algorithms.isEmpty else {
            warn("The lists hold no hashes.")
            throw ExitCode(2)
        }
        let images = try await input.load(algorithms: algorithms, dihedral: useDihedral, times: false)
        let thresholds = try MatchThresholds(parsing: thresholdList)
        try thresholds.check(images, comparing: algorithms)
        if useDihedral, algorithms.contains(.pdq) {
            images.warnAboutMissingDihedral(explicit: dihedral == true, fromCases: !input.casePaths.isEmpty)
        }

        // One index per algorithm and hash width over the list's hashes.
        var indexes: [(algorithm: HashAlgorithm, entries: [KnownHashList.Entry], index: HammingIndex)] = []
        for algorithm in algorithms {
            let ofAlgorithm = entries.filter { $0.algorithm == algorithm }
            for width in Set(ofAlgorithm.map(\.words.count)).sorted() {
                let group = ofAlgorithm.filter { $0.words.count == width }
                indexes.append((algorithm, group, HammingIndex(words: group.flatMap(\.words), wordsPerHash: width,
                                                             radius: thresholds[algorithm])))
            }
        }
        let comparable = warnAboutWidths(indexes.map { ($0.algorithm, $0.index.wordsPerHash) }, images: images)
        let format = output.outputFormat
        let columns = ["path", "algorithm", "distance", "matched_hash", "pdq_quality", "list", "line", "entry", "label"]
        let writer = RecordWriter(format: format, columns: format.isJSON ? nil : columns,
                                  textStyle: .table(widths: ["path": 36, "algorithm": 9, "distance": 8, "matched_hash": 16,
                                                             "pdq_quality": 11, "list": 20, "line": 5]))
        var matched = 0, lowQuality = 0
        for image in images where image.error == nil {
            // A featureless picture (a flat frame, a black screen) has a PDQ hash of no
            // meaning, which ThreatExchange's tools do not match: as `cluster`, leave it out.
            let featureless = algorithms.contains(.pdq) && (image.pdqQuality.map { $0 < Self.minimumQuality } ?? false)
            if featureless { lowQuality += 1 }
            var best: [Int: (number: Int, distance: Int, hash: String)] = [:]  // (index number, entry) → closest
            for (number, item) in indexes.enumerated() where !(featureless && item.algorithm == .pdq) {
                // Region hashes find reposts with an added banner, frame or bars, or a crop.
                for (name, query) in image.namedHashes(item.algorithm, dihedral: useDihedral) where query.count == item.index.wordsPerHash {
                    for neighbour in item.index.neighbors(of: query, radius: thresholds[item.algorithm]) {
                        let key = number << 40 | neighbour.index
                        if best[key].map({ neighbour.distance < $0.distance }) ?? true { best[key] = (number, neighbour.distance, name) }
                    }
                }
            }
            if !best.isEmpty { matched += 1 }
            let found = best.map { key, value in (indexes[value.number], indexes[value.number].entries[key & (1 << 40 - 1)], value.distance, value.hash) }
                .sorted { ($0.2, $0.1.source, $0.1.line) < ($1.2, $1.1.source, $1.1.line) }
            for (item, entry, distance, hash) in found {
                writer.write([("path", .string(image.path)), ("algorithm", .string(item.algorithm.rawValue)),
                              ("distance", .integer(Int64(distance))), ("matched_hash", .string(hash)),
                              ("pdq_quality", image.pdqQuality.map { .integer(Int64($0)) } ?? .null),
                              ("list", .string(entry.source)),
                              ("line", .integer(Int64(entry.line))), ("entry", .string(entry.hex)),
                              ("label", entry.label.map(OutputValue.string) ?? .null)])
            }
        }
        writer.finish()
        let failed = images.filter { $0.error != nil }.count
        warn("\(images.count) images, \(matched) matched \(entries.count) listed hashes, \(failed) failed"
             + (lowQuality > 0 ? ", \(lowQuality) of PDQ quality below \(Self.minimumQuality) not matched by PDQ" : ""))
        if matched == 0, assumedAlgorithm {
            warn("hex hashes that are not PDQ's 64 digits were taken as phash; --list-algorithm says otherwise")
        }
        try Interruption.stopAfterOutput(images.count)
        // grep's convention: 0 when something matched, 1 when nothing did, 2 on an error. A
        // list none of whose hashes could be compared was not searched: not "nothing matched".
        if failed > 0 || !comparable { throw ExitCode(2) }
        if matched == 0 { throw ExitCode(1) }
    }

    /// PDQ hashes of lower quality are not matched, on either side (ThreatExchange's rule).
    static let minimumQuality = 50

    /// Says when a list's hashes of an algorithm are of another size than the images' (an
    /// imagehash list made with `hash_size=16` against 64-bit hashes): they can never match.
    /// - Returns: false when that is so for every algorithm the lists hold.
    private func warnAboutWidths(_ listed: [(algorithm: HashAlgorithm, words: Int)], images: [HashedImage]) -> Bool {
        var comparable = false
        for algorithm in Set(listed.map(\.algorithm)).sorted(by: { $0.rawValue < $1.rawValue }) {
            let listWidths = Set(listed.filter { $0.algorithm == algorithm }.map(\.words))
            let imageWidths = Set(images.compactMap { $0.words[algorithm]?.count })
            guard !imageWidths.isEmpty, listWidths.isDisjoint(with: imageWidths) else {
                comparable = true
                continue
            }
            let bits = { (words: Set<Int>) in words.sorted().map { String($0 * 64) }.joined(separator: ", ") }
            warn("the lists' \(algorithm.rawValue) hashes have \(bits(listWidths)) bits and the images' \(bits(imageWidths)): "
                 + "none can match (hash the images at the list's size: imprint hash --hash-size)")
        }
        return comparable
    }
}

extension HashAlgorithm: ExpressibleByArgument {}
