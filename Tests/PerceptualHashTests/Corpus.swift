import Foundation

/// Where the shared test corpus lives, if it is beside this checkout.
enum Corpus {
    /// `../shared/corpus` next to the repository root, or nil (with a printed reason) when absent.
    static let root: URL? = {
        let repo = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let corpus = repo.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            print("skipping: ../shared/corpus is absent next to \(repo.path)")
            return nil
        }
        return corpus
    }()

    /// The bytes of a corpus file.
    static func bytes(_ relative: String) throws -> [UInt8] {
        guard let root else { throw CorpusAbsent() }
        return try [UInt8](Data(contentsOf: root.appendingPathComponent(relative)))
    }

    struct CorpusAbsent: Error {}
}

/// One expected PDQ hash from `pdq/EXPECTED_HASHES.tsv`.
struct ExpectedPDQ: Sendable {
    let image: String
    let hex: String
    let quality: Int?
    let producer: String

    /// The rows the corpus README recommends comparing against: python-threatexchange (not
    /// `--photo-preprocess`), C++ `--int64`, and the local pdqhash recompute; one per image,
    /// preferring the local recompute, which covers every image, then python-threatexchange.
    static func recommended() throws -> [ExpectedPDQ] {
        let text = String(decoding: try Corpus.bytes("pdq/EXPECTED_HASHES.tsv"), as: UTF8.self)
        var rows: [ExpectedPDQ] = []
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 7, fields[6] == "yes" else { continue }
            let producer = fields[3]
            guard !producer.contains("--photo-preprocess") else { continue }
            guard producer.hasPrefix("computed-locally") || producer.hasPrefix("python-threatexchange")
                || producer.contains("--int64") else { continue }
            rows.append(ExpectedPDQ(image: fields[0], hex: fields[1], quality: Int(fields[2]), producer: producer))
        }
        func rank(_ row: ExpectedPDQ) -> Int {
            row.producer.hasPrefix("computed-locally") ? 0 : row.producer.hasPrefix("python") ? 1 : 2
        }
        var best: [String: ExpectedPDQ] = [:]
        for row in rows where best[row.image].map({ rank(row) < rank($0) }) ?? true {
            best[row.image] = row
        }
        return best.values.sorted { $0.image < $1.image }
    }
}
