import Foundation

/// Where the shared test corpus lives, if it is beside this checkout.
enum Corpus {
    /// `../shared/corpus` next to the repository root, or nil when it is absent.
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

    /// The repository's own `samples/` folder.
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("samples")

    /// Every regular file below `folder` whose extension is one of `extensions`, sorted.
    static func files(under folder: URL, extensions: Set<String>) -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return []
        }
        return walker.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    /// The bytes of a corpus file.
    static func bytes(_ relative: String) throws -> [UInt8] {
        guard let root else { throw CorpusAbsent() }
        return try [UInt8](Data(contentsOf: root.appendingPathComponent(relative)))
    }

    struct CorpusAbsent: Error {}
}
