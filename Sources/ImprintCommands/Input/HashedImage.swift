import CaseStore
import FileNames
import Foundation
import ImageMetadata
import PerceptualHash

/// One image's hashes as `cluster`, `match` and `hashes export` use them: read back from
/// `imprint hash` output or computed from the file.
struct HashedImage: Sendable {
    var path: String
    /// Each algorithm's hash as words, most significant first (4 for PDQ, 1 for 64-bit hashes).
    var words: [HashAlgorithm: [UInt64]] = [:]
    /// Each algorithm's hash in its usual hex form.
    var hex: [HashAlgorithm: String] = [:]
    var pdqQuality: Int?
    /// PDQ's eight dihedral hashes as words, in `DihedralTransform` order, when known.
    var pdqDihedral: [[UInt64]]?
    /// The EXIF orientation the hashes were computed with, when known (a case's files).
    var orientation: Int?
    /// Each algorithm's hash of the region inside a caption banner, frame or bars, when the
    /// image has one (`imprint hash` column `<algorithm>_trimmed`).
    var trimmedWords: [HashAlgorithm: [UInt64]] = [:]
    /// Each algorithm's hashes of further canonical regions, under their `imprint hash` column
    /// names (`pdq_c95`, `pdq_c90`, `pdq_c80`: central regions; `pdq_r-2`, `pdq_r+2`: rotated ones).
    var regions: [HashAlgorithm: [(name: String, words: [UInt64])]] = [:]
    /// The earliest known time, ISO 8601 (`YYYY-MM-DDTHH:MM:SS`, with `Z` when in UTC), so
    /// that text order is time order and it reads as every other command's times.
    var time: String?
    /// Where `time` came from: `DateTimeOriginal`, `posted_at` (from a case) or `mtime`.
    var timeSource: String?
    /// Why the image has no hashes, when it has none.
    var error: String?
    /// The SHA-256 the hashes are of, when a saved hash file recorded it: a time is then
    /// taken from the file at `path` only while it is still that file.
    var sha256: String?
    /// Why no time was taken from the file, for a warning (gone, or another file now).
    var timeProblem: String?

    /// Sets one algorithm's hash from its hex form; false when the text is not such a hash.
    mutating func setHash(_ algorithm: HashAlgorithm, hex text: String) -> Bool {
        guard let words = Self.words(algorithm, hex: text) else { return false }
        self.words[algorithm] = words
        hex[algorithm] = text.lowercased()
        return true
    }

    /// Every hash of `algorithm` the image has: the whole image's, its trimmed region's, then
    /// its other regions'.
    func allWords(_ algorithm: HashAlgorithm) -> [[UInt64]] {
        [words[algorithm], trimmedWords[algorithm]].compactMap { $0 } + (regions[algorithm] ?? []).map(\.words)
    }

    /// Every hash `match` compares for `algorithm`, with the name that says which part or
    /// variant of the image it is: the whole image (or, with `dihedral`, its eight rotations
    /// and mirrors, `pdq_ROTATE90` …), the trimmed region, then the other regions.
    func namedHashes(_ algorithm: HashAlgorithm, dihedral: Bool) -> [(name: String, words: [UInt64])] {
        var named: [(name: String, words: [UInt64])] = []
        if algorithm == .pdq, dihedral, let variants = namedDihedral {
            named = variants
        } else if let whole = words[algorithm] {
            named.append((algorithm.rawValue, whole))
        }
        if let trimmed = trimmedWords[algorithm] { named.append((algorithm.rawValue + "_trimmed", trimmed)) }
        return named + (regions[algorithm] ?? [])
    }

    /// PDQ's eight dihedral hashes with their names (`pdq`, `pdq_ROTATE90`, …), when known.
    var namedDihedral: [(name: String, words: [UInt64])]? {
        pdqDihedral?.enumerated().map { index, words in
            let transform = DihedralTransform(rawValue: index) ?? .original
            return (transform == .original ? "pdq" : "pdq_" + transform.name, words)
        }
    }

    /// The words of a hash in hex: PDQ's 64 digits, or imagehash's square hash of any size.
    static func words(_ algorithm: HashAlgorithm, hex text: some StringProtocol) -> [UInt64]? {
        if algorithm == .pdq {
            guard let hash = Hash256(hex: text) else { return nil }
            return [hash.words.0, hash.words.1, hash.words.2, hash.words.3]
        }
        return HashBits(hex: text)?.words
    }

    /// The image's key for time order: its time, or after every timed image, then its path.
    var orderKey: (String, String) { (time ?? "~", path) }

    /// Fills `time` with the date taken as the case stores it (UTC where the file recorded an
    /// offset, as `cluster --case` sees it), else its modification time; leaves it nil when
    /// the file cannot be read.
    mutating func findTime(relativeTo folder: String? = nil) {
        guard time == nil else { return }
        // A relative path in a saved hash file is taken from where the run is, else from the
        // hash file's folder, so that a hash file clusters alike wherever it is run.
        var path = self.path
        if let folder, !path.hasPrefix("/"), !FileManager.default.fileExists(atPath: path),
           FileManager.default.fileExists(atPath: folder + "/" + path) {
            path = folder + "/" + path
        }
        guard case .success(let bytes) = readFile(path) else {
            if sha256 != nil { timeProblem = "\(self.path): the file hashed is gone; its time is unknown" }
            return
        }
        let metadata = try? MetadataReader.read(bytes)
        // A saved hash file outlives its folder: the file at the path may now be another one,
        // whose date would make it the "earliest" copy of a photo it is not.
        if let sha256, let now = metadata?.sha256 ?? Optional(FileDigests(of: bytes).sha256), now != sha256 {
            timeProblem = "\(self.path): the file there now is not the one hashed (SHA-256 differs); its time is unknown"
            return
        }
        if let metadata, let taken = DateTaken(metadata: metadata), let sortable = Self.sortableTime(iso: taken.iso) {
            time = sortable
            timeSource = taken.source
            return
        }
        var status = stat()
        if FileSystemName.withBytes(path, { stat($0, &status) }) == 0 {
            time = Self.sortableTime(epochSeconds: Int(status.st_mtim.tv_sec))
            timeSource = "mtime"
        }
    }

    /// `2017:07:02 09:41:17` → `2017-07-02T09:41:17`; nil for blank or malformed values.
    static func sortableTime(exif: String) -> String? {
        let parts = exif.split(whereSeparator: { $0 == ":" || $0 == " " || $0 == "-" || $0 == "T" })
        guard parts.count >= 6, parts.prefix(6).allSatisfy({ Int($0) != nil }), parts[0] != "0000" else { return nil }
        return "\(parts[0])-\(parts[1])-\(parts[2])T\(parts[3]):\(parts[4]):\(parts[5].prefix(2))"
    }

    /// A Unix time as `YYYY-MM-DDTHH:MM:SSZ` (UTC). (Not `String(format:)`: `cluster --case`
    /// gives every file without a date its mtime, a million times for a million files.)
    static func sortableTime(epochSeconds: Int) -> String {
        var seconds = time_t(epochSeconds)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let date = [Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday)]
        let time = [Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec)]
        return date.enumerated().map { zeroPadded($1, width: $0 == 0 ? 4 : 2) }.joined(separator: "-") + "T"
            + time.map { zeroPadded($0, width: 2) }.joined(separator: ":") + "Z"
    }
}

extension [HashedImage] {
    /// Dihedral matching over hash output made without `--dihedral` (or a case ingested with
    /// `--no-trim`) matches those images upright only, silently: say so, and how to get the
    /// turned and mirrored hashes (images hashed here always have them).
    /// - Parameters:
    ///   - explicit: `--dihedral` was given (else it is on by default).
    ///   - fromCases: some images came from a case (`--case`).
    func warnAboutMissingDihedral(explicit: Bool, fromCases: Bool) {
        // Indices, not copies: a case may hold a million images.
        let without = indices.filter { self[$0].error == nil && self[$0].words[.pdq] != nil && self[$0].pdqDihedral == nil }
        guard let first = without.first else { return }
        let fix = "make hash output with `imprint hash --dihedral`" + (fromCases ? ", and ingest a case without --no-trim" : "")
        warn("\(explicit ? "--dihedral" : "dihedral matching (on by default)"): \(without.count) of \(count) images have no "
             + "pdq_dihedral hashes (first: \(self[first].path)), so they are matched upright only; \(fix)")
    }

    /// Hashes of one algorithm at several sizes (`--hash-size`) are compared only with their
    /// own size: say so, since two copies of one file hashed at two sizes never meet.
    func warnAboutMixedSizes(_ algorithms: [HashAlgorithm]) {
        for algorithm in algorithms {
            let sizes = Set(compactMap { $0.words[algorithm]?.count })
            guard sizes.count > 1 else { continue }
            let bits = sizes.sorted().map { String($0 * 64) }.joined(separator: " and ")
            warn("\(algorithm.rawValue) hashes of \(bits) bits (--hash-size): each is compared only with hashes of its own size")
        }
    }
}
