import ArgumentParser
import Foundation
import HammingIndex
import PerceptualHash

/// `imprint match`: finds images whose hashes are on known hash lists.
struct MatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Match images (or `imprint hash` output) against known hash lists a partner shared.",
        discussion: """
            Lists may be one hex hash per line (64 digits: PDQ; 16: an imagehash hash, see \
            --list-algorithm), the PDQ reference's `hash,quality,path` CSV, or a \
            ThreatExchange/HMA signal CSV (signal_type,signal_value,…; pdq rows are used). \
            The format is guessed from the first entry unless --list-format says. Each match \
            prints the image, the list entry (file, line, hash, label), the algorithm and the \
            distance. Searches are exact. `imprint hashes export` writes lists in these formats.
            """
    )

    @OptionGroup var input: HashInputOptions

    @Option(name: [.customShort("l"), .customLong("list")], help: ArgumentHelp("A known-hash list (repeatable).", valueName: "file"))
    var lists: [String] = []

    @Option(name: .customLong("list-format"), help: "auto, hex, pdq-csv, hma-csv or imagehash.")
    var listFormat: KnownHashList.Format = .auto

    @Option(name: .customLong("list-algorithm"), help: "Algorithm of hex hashes that are not PDQ's 64 digits (default phash).")
    var listAlgorithm: HashAlgorithm = .phash

    @Option(name: .customLong("threshold"), help: ArgumentHelp(MatchThresholds.help, valueName: "alg=bits,..."))
    var thresholdList: String?

    @Flag(inversion: .prefixedNo, help: "Also match rotated and mirrored images (PDQ's eight dihedral hashes; default on).")
    var dihedral: Bool?

    /// Dihedral matching is on unless turned off.
    var useDihedral: Bool { dihedral ?? true }

    func validate() throws {
        if lists.isEmpty { throw ValidationError("Name at least one --list.") }
        for list in lists where !FileManager.default.isReadableFile(atPath: list) { throw ValidationError("Cannot read --list \(list).") }
        _ = try MatchThresholds(parsing: thresholdList)
    }

    func run() async throws {
        var entries: [KnownHashList.Entry] = []
        for path in lists {
            let text = try String(decoding: Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
            let list = try KnownHashList(text: text, source: path, format: listFormat, hexAlgorithm: listAlgorithm)
            if list.skipped > 0 { warn("\(path): \(list.skipped) rows of other signal types skipped") }
            entries += list.entries
        }
        let algorithms = HashAlgorithm.allCases.filter { algorithm in entries.contains { $0.algorithm == algorithm } }
        guard !algorithms.isEmpty else { throw ValidationError("The lists hold no hashes.") }
        let images = try await input.load(algorithms: algorithms, dihedral: useDihedral, times: false)
        let thresholds = try MatchThresholds(parsing: thresholdList)

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
        let format = input.outputFormat
        let columns = ["path", "algorithm", "distance", "list", "line", "entry", "label"]
        let writer = RecordWriter(format: format, columns: format == .json || format == .jsonl ? nil : columns,
                                  textStyle: .table(widths: ["path": 36, "algorithm": 9, "distance": 8, "list": 20, "line": 5]))
        var matched = 0
        for image in images where image.error == nil {
            var best: [Int: (Int, Int)] = [:]  // (index number, entry) → distance
            for (number, item) in indexes.enumerated() {
                guard let words = image.words[item.algorithm], words.count == item.index.wordsPerHash else { continue }
                // Region hashes find reposts with an added banner, frame or bars, or a crop.
                let regions = image.regionHashes(item.algorithm)
                let queries = (item.algorithm == .pdq && useDihedral ? (image.pdqDihedral ?? [words]) : [words]) + regions
                for query in queries {
                    for neighbour in item.index.neighbors(of: query, radius: thresholds[item.algorithm]) {
                        let key = number << 40 | neighbour.index
                        if best[key].map({ neighbour.distance < $0.1 }) ?? true { best[key] = (number, neighbour.distance) }
                    }
                }
            }
            if !best.isEmpty { matched += 1 }
            let found = best.map { key, value in (indexes[value.0], indexes[value.0].entries[key & (1 << 40 - 1)], value.1) }
                .sorted { ($0.2, $0.1.source, $0.1.line) < ($1.2, $1.1.source, $1.1.line) }
            for (item, entry, distance) in found {
                writer.write([("path", .string(image.path)), ("algorithm", .string(item.algorithm.rawValue)),
                              ("distance", .integer(Int64(distance))), ("list", .string(entry.source)),
                              ("line", .integer(Int64(entry.line))), ("entry", .string(entry.hex)),
                              ("label", entry.label.map(OutputValue.string) ?? .null)])
            }
        }
        writer.finish()
        let failed = images.filter { $0.error != nil }.count
        warn("\(images.count) images, \(matched) matched \(entries.count) listed hashes, \(failed) failed")
        if failed > 0 { throw ExitCode(1) }
    }
}

extension HashAlgorithm: ExpressibleByArgument {}
