import ArgumentParser
import Foundation
import PostSidecars
import PerceptualHash

/// A list of known hashes a partner shared, in one of the formats hash-sharing tools use.
struct KnownHashList {
    /// The formats `imprint match` reads and `imprint hashes export` writes.
    enum Format: String, CaseIterable, ExpressibleByArgument, Sendable {
        /// Guess from the first entry.
        case auto
        /// One hex hash per line: 64 digits are PDQ, anything else an imagehash hash.
        case hex
        /// `hash,quality,path`, as the PDQ reference's `pdq-photo-hasher` prints.
        case pdqCSV = "pdq-csv"
        /// ThreatExchange/HMA signal CSV: `signal_type,signal_value,…` (PDQ rows are used).
        case hmaCSV = "hma-csv"
        /// imagehash's `str(hash)` hex per line, for the algorithm given by --list-algorithm.
        case imagehash
    }

    /// One hash on a list.
    struct Entry: Sendable {
        var algorithm: HashAlgorithm
        var words: [UInt64]
        var hex: String
        /// Where it came from: the list file and its line number (1-based).
        var source: String
        var line: Int
        /// The path, content ID or note the list gives for the hash.
        var label: String?
    }

    struct Failure: Error, CustomStringConvertible {
        let source: String
        let line: Int
        let reason: String
        var description: String { "\(source), line \(line): \(reason)" }
    }

    var entries: [Entry] = []
    /// Rows passed over (other signal types in an HMA export), for the summary.
    var skipped = 0

    /// Reads a list.
    /// - Parameters:
    ///   - hexAlgorithm: the algorithm of hex hashes that are not 64 digits (imagehash lists).
    init(text: String, source: String, format: Format, hexAlgorithm: HashAlgorithm) throws {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        var format = format
        for (number, rawLine) in lines.enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if format == .auto { format = Self.guessFormat(line) }
            switch format {
            case .hex, .imagehash, .auto:
                let token = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).first.map(String.init) ?? line
                let algorithm: HashAlgorithm = format != .imagehash && token.count == 64 ? .pdq : hexAlgorithm
                try add(algorithm, token, source: source, line: number + 1, label: nil)
            case .pdqCSV:
                let fields = CSVTable.rows(line).first ?? []
                guard fields.count >= 1 else { continue }
                try add(.pdq, fields[0], source: source, line: number + 1,
                        label: fields.count >= 3 ? fields[2...].joined(separator: ",") : nil)
            case .hmaCSV:
                let fields = CSVTable.rows(line).first ?? []
                if fields.first?.lowercased() == "signal_type" { continue }
                guard fields.count >= 2 else { throw Failure(source: source, line: number + 1, reason: "needs signal_type,signal_value") }
                guard let algorithm = Self.algorithm(signalType: fields[0]) else {
                    skipped += 1
                    continue
                }
                try add(algorithm, fields[1], source: source, line: number + 1,
                        label: fields.count >= 3 ? fields[2...].filter { !$0.isEmpty }.joined(separator: ",") : nil)
            }
        }
    }

    /// HMA's signal type names for the hashes we compute.
    static func algorithm(signalType: String) -> HashAlgorithm? {
        switch signalType.lowercased() {
        case "pdq", "pdq_signal", "hash_pdq": .pdq
        case "phash", "dhash", "ahash", "whash": HashAlgorithm(rawValue: signalType.lowercased())
        default: nil
        }
    }

    static func guessFormat(_ line: String) -> Format {
        let fields = line.split(separator: ",", omittingEmptySubsequences: false)
        if fields.count >= 2, fields[0].lowercased() == "signal_type" || algorithm(signalType: String(fields[0])) != nil
            || fields[0].contains("_") { return .hmaCSV }
        if fields.count >= 2, fields[0].count == 64, Int(fields[1]) != nil { return .pdqCSV }
        return .hex
    }

    private mutating func add(_ algorithm: HashAlgorithm, _ hex: String, source: String, line: Int, label: String?) throws {
        guard let words = HashedImage.words(algorithm, hex: hex) else {
            throw Failure(source: source, line: line, reason: "'\(hex)' is not a \(algorithm.rawValue) hash")
        }
        entries.append(Entry(algorithm: algorithm, words: words, hex: hex.lowercased(), source: source, line: line,
                             label: label.flatMap { $0.isEmpty ? nil : $0 }))
    }

    /// `images` written as a list in `format` (`auto` is not a format to write), for `algorithm`.
    static func export(_ images: [HashedImage], format: Format, algorithm: HashAlgorithm) -> String {
        var out = format == .hmaCSV ? "signal_type,signal_value,content_id\n" : ""
        for image in images {
            guard let hex = image.hex[algorithm] else { continue }
            switch format {
            case .pdqCSV: out += "\(hex),\(image.pdqQuality ?? 0),\(csvField(image.path))\n"
            case .hmaCSV: out += "\(algorithm.rawValue),\(hex),\(csvField(image.path))\n"
            case .hex, .imagehash, .auto: out += hex + "\n"
            }
        }
        return out
    }

    static func csvField(_ text: String) -> String {
        RecordWriter.csvRow([text]).dropLast().description
    }
}
