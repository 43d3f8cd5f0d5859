import Foundation

/// Finds the shared test corpus: repository root is three levels above this file
/// (Tests/ImageMetadataTests/CorpusLocation.swift), the corpus is `../shared/corpus` from there.
enum CorpusLocation {
    static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/corpus").standardizedFileURL

    /// The corpus folder, or nil (with a printed reason) when it is absent.
    static func available() -> URL? {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue {
            return root
        }
        print("skipping: shared corpus not found at \(root.path)")
        return nil
    }

    /// Image files (by extension) under `folder`, recursively, sorted.
    static func images(under folder: URL) -> [URL] {
        let extensions: Set<String> = ["jpg", "jpeg", "png", "webp", "tif", "tiff"]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else { return [] }
        return walker.compactMap { $0 as? URL }
            .filter { extensions.contains($0.pathExtension.lowercased()) }
            .sorted { $0.path < $1.path }
    }

    /// The bytes of a file.
    static func bytes(_ url: URL) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: url))
    }
}
