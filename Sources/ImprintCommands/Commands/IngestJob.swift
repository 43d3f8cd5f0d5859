import CaseStore
import FileNames
import Foundation
import ImageDecoding
import ImageMetadata
import PerceptualHash

/// The per-file work of `imprint ingest`: decide from the case whether the file must be read,
/// then read it once and take its digests, metadata, decode and hashes from the same bytes.
struct IngestJob: Sendable {
    let store: CaseDatabase
    /// The case's files under the paths named, as the run began.
    let known: [String: CaseDatabase.KnownPath]
    let pipeline: HashPipeline
    let algorithms: [HashAlgorithm]
    /// The hash names every decodable file must have, or be read again: the algorithms.
    let wanted: [String]
    /// The region hashes are computed this run (PDQ, without `--no-trim`): a file whose regions
    /// were not is read again (``CaseStore/FileRecord/regionsHashed``).
    let regions: Bool
    let maxPixels: Int
    /// Read every file, even one whose path, size and mtime are as in the case, and compare
    /// its SHA-256 with the case's (`--verify`).
    var verify = false

    /// What one input came to.
    enum Outcome: Sendable {
        /// Path, size and mtime as in the case: not read.
        case unchanged
        /// Read again (`--verify`): its content is the case's.
        case verified
        /// Read; ready for the writer. `failure` is the message when decoding failed.
        case read(IngestedFile, failure: String?)
        /// Could not be walked, stat'ed or read; nothing stored.
        case unreadable(String)
        /// The watchdog gave up on it after `seconds` (`--timeout-per-file`); ``timedOut(_:seconds:)``
        /// makes its record, on the thread that writes.
        case timedOut(path: String, seconds: Double)
    }

    func ingest(_ input: BatchInput) -> Outcome {
        let path: String
        switch input {
        case .failure(let failure): return .unreadable(failure.description)
        case .success(let walked): path = walked
        }
        let size: Int64, mtime: Int64
        switch Self.sizeAndTime(path) {
        case .failure(let failure): return .unreadable(failure.description)
        case .success(let found): (size, mtime) = found
        }
        var unchangedSHA256: String?
        if let known = known[path], known.isUnchanged(size: size, mtime: mtime) {
            guard verify else { return .unchanged }
            unchangedSHA256 = known.sha256
        }
        let bytes: [UInt8]
        switch readFile(path) {
        case .failure(let failure): return .unreadable(failure.description)
        case .success(let read): bytes = read
        }
        let metadata = try? MetadataReader.read(bytes)
        let digests = metadata.map { (sha256: $0.sha256, md5: $0.md5) } ?? { let d = FileDigests(of: bytes); return (d.sha256, d.md5) }()
        var file = FileRecord(path: path, size: size, mtimeNanoseconds: mtime, sha256: digests.sha256, md5: digests.md5,
                              format: metadata?.format.map(\.rawValue), width: metadata?.imageWidth, height: metadata?.imageHeight,
                              decodeStatus: .ok, decodeError: nil)
        // Hashed before the same-content check (a 160×120 decode costs little), so that a copy
        // is taken only from a row that has the thumbnail's hash too: one ingested before
        // thumbnails were hashed is read again instead.
        let thumbnail = thumbnailHash(metadata)
        let thumbnailNames = thumbnail.map { HashRecord.thumbnail($0, algorithms: algorithms, filledFrame: nil).map(\.algorithm) } ?? []
        let required = wanted + thumbnailNames
        if let unchangedSHA256 {
            // Verified: the content this path had when it was ingested.
            if digests.sha256 == unchangedSHA256 { return .verified }
            warn("\(path): its content changed though its size and mtime did not (SHA-256 now \(digests.sha256)); updated")
        }
        // Same content already hashed: copy (or move) instead of decoding again.
        if let known = try? store.known(sha256: digests.sha256, algorithms: required, regions: regions) {
            let vanished = known.path != path && !FileManager.default.fileExists(atPath: known.path)
            // A copy of a damaged file is as damaged, and is said to be as a fresh ingest says it
            // (the writer copies the twin's status; a moved file was said when it came in).
            if let warning = known.warning, !vanished {
                file.decodeStatus = .warning
                file.decodeError = warning
            }
            return .read(IngestedFile(file: file, metadata: nil, hashes: [],
                                      sameContentAs: KnownContent(fileID: known.fileID, path: known.path, pathVanished: vanished)),
                         failure: nil)
        }
        var options = pipeline.decodeOptions(orientation: metadata?.orientation ?? 1)
        options.maxPixels = maxPixels
        let metadataRecord = metadata.map(MetadataRecord.init)
        do {
            let (image, hashes) = try pipeline.decodeAndHash(bytes, options: options)
            let thumbnailRecords = thumbnail.map { thumbnail in
                HashRecord.thumbnail(thumbnail, algorithms: algorithms,
                                     filledFrame: thumbnail.mainHashesInFilledFrame(of: image, algorithms: algorithms))
            } ?? []
            file.format = image.format.rawValue
            file.width = image.storedWidth
            file.height = image.storedHeight
            file.regionsHashed = regions
            if let warning = image.warnings.first {
                file.decodeStatus = .warning
                file.decodeError = warning
            }
            var ingested = IngestedFile(file: file, metadata: metadataRecord,
                                        hashes: HashRecord.records(hashes, algorithms: algorithms) + thumbnailRecords)
            // The one region whose presence depends on the picture: none found now, none kept.
            if pipeline.request.trimmedRegion { ingested.replaces = algorithms.map { $0.rawValue + "_trimmed" } }
            return .read(ingested, failure: nil)
        } catch {
            file.decodeStatus = .failed
            file.decodeError = error.description
            return .read(IngestedFile(file: file, metadata: metadataRecord, hashes: []), failure: "\(path): \(error)")
        }
    }

    /// A file the watchdog gave up on, stored as failed with its digests, so that the case
    /// lists it (`case files --where status=failed`) and counts it; unlike other failures it is
    /// read again by the next run (``FileRecord/limitFailurePrefixes``), which may allow more time.
    /// Reading and digesting the bytes again is quick: decoding them was what hung.
    func timedOut(_ path: String, seconds: Double) -> Outcome {
        let refusal = FileWatchdog.Refusal.timedOut(seconds: seconds)
        guard case .success(let (size, mtime)) = Self.sizeAndTime(path), case .success(let bytes) = readFile(path) else {
            return .unreadable("\(path): \(refusal)")
        }
        let digests = FileDigests(of: bytes)
        let file = FileRecord(path: path, size: size, mtimeNanoseconds: mtime, sha256: digests.sha256, md5: digests.md5,
                              format: ImageFormat(sniffing: bytes.prefix(16))?.rawValue, width: nil, height: nil,
                              decodeStatus: .failed, decodeError: FileRecord.timedOutPrefix + " after \(FileWatchdog.Refusal.format(seconds)) s (--timeout-per-file)")
        return .read(IngestedFile(file: file, metadata: nil, hashes: []), failure: "\(path): \(refusal)")
    }

    /// The file's size and modification time (ns), or why they cannot be had.
    static func sizeAndTime(_ path: String) -> Result<(size: Int64, mtime: Int64), PathWalker.Failure> {
        var status = stat()
        guard FileSystemName.withBytes(path, { stat($0, &status) }) == 0 else {
            return .failure(PathWalker.Failure(path: path, reason: String(cString: strerror(errno))))
        }
        return .success(sizeAndTime(of: status))
    }

    /// The size and the modification time (nanoseconds) in `status`, as the case stores them.
    static func sizeAndTime(of status: stat) -> (size: Int64, mtime: Int64) {
        #if canImport(Darwin)
        let mtime = Int64(status.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(status.st_mtimespec.tv_nsec)
        #else
        let mtime = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
        #endif
        return (Int64(status.st_size), mtime)
    }

    /// The hashes of the file's embedded EXIF thumbnail, when it has one that decodes cleanly.
    /// A broken thumbnail is evidence of nothing and must not fail the file, so it is passed over.
    func thumbnailHash(_ metadata: FileMetadata?) -> ThumbnailHash? {
        guard let metadata, let bytes = metadata.thumbnail else { return nil }
        return try? ThumbnailHash(thumbnail: bytes, orientation: metadata.effectiveOrientation,
                                  mainWidth: metadata.imageWidth, mainHeight: metadata.imageHeight)
    }
}
