import ArgumentParser
import Foundation
import ImageDecoding
import ImageMetadata
import PerceptualHash

/// `imprint hash`: perceptual hashes (PDQ, pHash, dHash, aHash, wHash) for files and folders.
struct HashCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hash",
        abstract: "Compute perceptual hashes for images: PDQ (256 bits, ThreatExchange format) and imagehash's pHash, dHash, aHash, wHash.",
        discussion: """
            Each file is read once and decoded once, at one reduced size whichever \
            algorithms are requested (JPEGs are DCT-scaled by libjpeg-turbo to a short side \
            of at least 192 px; wHash, as imagehash computes it, takes a second, full-size \
            decode), with its EXIF orientation applied; --exact decodes at full size in RGB, as the PDQ reference does. \
            A file that cannot be decoded gets an error field and a line on stderr; the run \
            goes on and exits 1.
            """
    )

    @OptionGroup var batch: BatchOptions

    @Option(name: [.customShort("a"), .customLong("algorithms")], help: ArgumentHelp(
        "Comma-separated: pdq, phash, dhash, ahash, whash.", valueName: "list"))
    var algorithmList = "pdq,phash"

    /// The requested algorithms in the order given, without repeats.
    var algorithms: [HashAlgorithm] { (try? Self.parseAlgorithms(algorithmList)) ?? [] }

    @Flag(help: "Also print PDQ's eight dihedral hashes (rotations and mirrors).")
    var dihedral = false

    @Flag(help: "Full-size RGB decode, as the PDQ reference does (slower; for conformance work).")
    var exact = false

    @Flag(name: .customLong("no-orientation"), help: "Hash pixels as stored, ignoring EXIF orientation (the PDQ reference's habit).")
    var ignoreOrientation = false

    @Flag(name: .customLong("no-trim"), help: ArgumentHelp(
        "Plain reference hashes only: no region hashes (trimmed, central, rotated, corners, edges, aspects).",
        discussion: "By default an image with a caption banner, frame or bars at an edge, or a picture framed inside a screenshot or template, also gets the hashes of the region inside (columns <algorithm>_trimmed and trimmed_region), PDQ hashes of its central regions (pdq_c95, pdq_c90, pdq_c80; see --central), of its central region turned by a few degrees (pdq_r-2, pdq_r+2; see --rotations), of its corners (pdq_tl90 … pdq_br90; see --corners), of its edge regions (pdq_et94 … pdq_er88: all of one side and 94 or 88% of the other; see --edges) and of its centred crops to other ratios (pdq_a1x1, pdq_a4x5, pdq_a9x16, pdq_a16x9; see --aspects), so that reposts with added banners, crops, an edge cut off or a slight rotation can be matched. The plain hashes are the reference ones either way."))
    var noTrim = false

    @Option(name: .customLong("central"), help: ArgumentHelp(
        "Central regions to hash with PDQ, as percentages of each side kept ('none' for none).",
        valueName: "list"))
    var centralList = "95,90,80"

    @Option(name: .customLong("rotations"), help: ArgumentHelp(
        "Angles in degrees at which to hash the rotated central region with PDQ ('none' for none; write negative angles as --rotations=-3,3).",
        valueName: "list"))
    var rotationList = "-2,2"

    @Option(name: .customLong("corners"), help: ArgumentHelp(
        "Corner regions to hash with PDQ, as percentages of each side kept ('none' for none).",
        valueName: "list"))
    var cornerList = "90"

    @Option(name: .customLong("edges"), help: ArgumentHelp(
        "Edge regions to hash with PDQ, for reposts with one edge cut off, as percentages of the cut side kept ('none' for none).",
        valueName: "list"))
    var edgeList = "94,88"

    @Option(name: .customLong("aspects"), help: ArgumentHelp(
        "Ratios (width:height) of the centred crops to hash with PDQ, for reposts cut to a square or a story ('none' for none). A ratio that cuts less than 8% of a side is skipped.",
        valueName: "list"))
    var aspectList = "1:1,4:5,9:16,16:9"

    /// The aspect crops' ratios; none with --no-trim.
    var aspects: [CanonicalRegions.Aspect] { noTrim ? [] : (try? Self.parseAspects(aspectList)) ?? [] }

    /// Parses `1:1,9:16` (or `none`) into ratios.
    static func parseAspects(_ text: String) throws -> [CanonicalRegions.Aspect] {
        if text.lowercased() == "none" || text.isEmpty { return [] }
        return try text.split(separator: ",").map { item in
            let sides = item.split(separator: ":").compactMap { Int($0.trimmingBlanks) }
            guard sides.count == 2, (1...100).contains(sides[0]), (1...100).contains(sides[1]) else {
                throw ValidationError("--aspects takes ratios such as 1:1,9:16; got '\(item)'")
            }
            return CanonicalRegions.Aspect(sides[0], sides[1])
        }
    }

    /// The corner regions' shares of each side; none with --no-trim.
    var cornerShares: [Double] { noTrim ? [] : (try? Self.parseCentral(cornerList, option: "--corners")) ?? [] }

    /// The edge regions' shares of the cut side; none with --no-trim.
    var edgeShares: [Double] { noTrim ? [] : (try? Self.parseCentral(edgeList, option: "--edges")) ?? [] }

    /// The rotated regions' angles; none with --no-trim.
    var rotations: [Double] { noTrim ? [] : (try? Self.parseRotations(rotationList)) ?? [] }

    /// Parses `-2,2` (or `none`) into angles.
    static func parseRotations(_ text: String) throws -> [Double] {
        if text.lowercased() == "none" || text.isEmpty { return [] }
        return try text.split(separator: ",").map { item in
            guard let degrees = Double(item.trimmingBlanks), degrees != 0, abs(degrees) <= 20 else {
                throw ValidationError("--rotations takes non-zero angles up to 20 degrees, e.g. -2,2; got '\(item)'")
            }
            return degrees
        }
    }

    /// The central regions' shares of each side; none with --no-trim.
    var centralShares: [Double] { noTrim ? [] : (try? Self.parseCentral(centralList)) ?? [] }

    /// Parses `90,80` (or `none`) into shares of each side.
    static func parseCentral(_ text: String, option: String = "--central") throws -> [Double] {
        if text.lowercased() == "none" || text.isEmpty { return [] }
        return try text.split(separator: ",").map { item in
            guard let percent = Int(item.trimmingBlanks), (50...99).contains(percent) else {
                throw ValidationError("\(option) takes percentages from 50 to 99, e.g. 90,80; got '\(item)'")
            }
            return Double(percent) / 100
        }
    }

    @Option(name: .customLong("hash-size"), help: "imagehash hash_size for pHash/dHash/aHash/wHash (bits = size²).")
    var hashSize = 8

    @Option(name: .customLong("max-pixels"), help: "Refuse images with more pixels than this, before decoding.")
    var maxPixels = DecodeOptions.defaultMaxPixels

    static func parseAlgorithms(_ text: String) throws -> [HashAlgorithm] {
        var algorithms: [HashAlgorithm] = []
        for name in text.split(separator: ",") {
            let trimmed = name.trimmingBlanks.lowercased()
            guard let algorithm = HashAlgorithm(rawValue: trimmed) else {
                throw ValidationError("unknown algorithm '\(trimmed)'; choose from pdq, phash, dhash, ahash, whash")
            }
            if !algorithms.contains(algorithm) { algorithms.append(algorithm) }
        }
        return algorithms
    }

    func validate() throws {
        _ = try Self.parseAlgorithms(algorithmList)
        if algorithms.isEmpty { throw ValidationError("--algorithms needs at least one algorithm.") }
        if dihedral && !algorithms.contains(.pdq) { throw ValidationError("--dihedral needs pdq in --algorithms.") }
        if hashSize < 2 || hashSize > 64 { throw ValidationError("--hash-size must be between 2 and 64.") }
        if algorithms.contains(.whash) && hashSize & (hashSize - 1) != 0 {
            throw ValidationError("wHash needs a power-of-two --hash-size.")
        }
        if maxPixels < 1 { throw ValidationError("--max-pixels must be positive.") }
        _ = try Self.parseCentral(centralList)
        _ = try Self.parseRotations(rotationList)
        _ = try Self.parseCentral(cornerList, option: "--corners")
        _ = try Self.parseCentral(edgeList, option: "--edges")
        _ = try Self.parseAspects(aspectList)
    }

    /// Columns in output order: fixed, so CSV and tables stream.
    var columns: [String] {
        var columns = ["path", "bytes", "sha256", "md5", "format", "width", "height"]
        if algorithms.contains(.pdq) { columns.append("pdq_quality") }
        columns += algorithms.map(\.rawValue)
        if dihedral { columns.append("pdq_dihedral") }
        if !noTrim { columns += ["trimmed_region"] + algorithms.map { $0.rawValue + "_trimmed" } }
        if algorithms.contains(.pdq) {
            columns += centralShares.map { "pdq_" + CanonicalRegions.name(ofShare: $0) }
            columns += rotations.map { "pdq_" + CanonicalRegions.name(ofRotation: $0) }
            columns += cornerShares.flatMap { share in CanonicalRegions.Corner.allCases.map { "pdq_" + CanonicalRegions.name(of: $0, share: share) } }
            columns += edgeShares.flatMap { share in CanonicalRegions.Edge.allCases.map { "pdq_" + CanonicalRegions.name(of: $0, share: share) } }
            columns += aspects.map { "pdq_" + CanonicalRegions.name(of: $0) }
        }
        return columns + ["warning", "error"]
    }

    func run() async throws {
        let format = batch.outputFormat
        let writer = RecordWriter(
            format: format, columns: format.isJSON ? nil : columns,
            textStyle: .table(widths: ["path": 40, "format": 6, "width": 5, "height": 6, "pdq_quality": 11, "bytes": 8]))
        let job = HashJob(
            pipeline: HashPipeline(HashRequest(algorithms: algorithms, pdqDihedral: dihedral, exact: exact, hashSize: hashSize,
                                               trimmedRegion: !noTrim, centralShares: centralShares, rotations: rotations,
                                               cornerShares: cornerShares, edgeShares: edgeShares, aspects: aspects)),
            algorithms: algorithms, applyOrientation: !ignoreOrientation, maxPixels: maxPixels,
            batchingDigests: BatchRun.batchesDigests(jobs: batch.workers))
        let failures = try await BatchRun(options: batch, writer: writer).run(identity: HashJob.identity) { job.hash($0) }
        if failures > 0 { throw ExitCode(1) }
    }
}

/// The per-file work of `imprint hash`, shared by the worker tasks.
struct HashJob: Sendable {
    /// The fields every record starts with, a timed-out file's too.
    static let identity = BatchRun.Identity(pathKey: "path", sizeKey: "bytes", sha256Key: "sha256", md5Key: "md5")

    let pipeline: HashPipeline
    let algorithms: [HashAlgorithm]
    let applyOrientation: Bool
    let maxPixels: Int
    /// Leave photos' digests to the writing thread (``BatchRun/batchesDigests(jobs:)``).
    let batchingDigests: Bool

    func hash(_ input: BatchInput) -> BatchRun.Outcome {
        let path: String, bytes: [UInt8]
        switch BatchRun.read(input) {
        case .failure(let failure): return .unreadable(failure, pathKey: "path", errorKey: "error")
        case .success(let file): (path, bytes) = file
        }
        var outcome = BatchRun.identify(path, bytes, as: Self.identity, batchingDigests: batchingDigests)
        // Orientation 0 and other out-of-range values (the PDQ bridge photo has 0) mean "as stored".
        let orientation = applyOrientation ? MetadataReader.orientation(in: bytes) ?? 1 : 1
        var options = pipeline.decodeOptions(orientation: orientation)
        options.maxPixels = maxPixels
        do {
            let (image, hashes) = try pipeline.decodeAndHash(bytes, options: options)
            outcome.record += [("format", .string(image.format.rawValue)),
                               ("width", .integer(Int64(image.storedWidth))), ("height", .integer(Int64(image.storedHeight)))]
            if let quality = hashes.pdqQuality { outcome.record.append(("pdq_quality", .integer(Int64(quality)))) }
            for algorithm in algorithms {
                outcome.record.append((algorithm.rawValue, hashes.hex(for: algorithm).map(OutputValue.string) ?? .null))
            }
            if let dihedral = hashes.pdqDihedral {
                outcome.record.append(("pdq_dihedral", .list(dihedral.map { .string($0.hex) })))
            }
            if let region = hashes.trimmedRegion { outcome.record.append(("trimmed_region", .string(region.description))) }
            for (name, hex) in hashes.namedRegionHashes(algorithms: algorithms) { outcome.record.append((name, .string(hex))) }
            if let warning = image.warnings.first {
                outcome.record.append(("warning", .string(warning)))
            }
            outcome.notice = image.warnings.first.map { "\(path): warning: \($0)" }
        } catch {
            outcome.record.append(("error", .string(error.description)))
            outcome.failure = "\(path): \(error)"
        }
        return outcome
    }
}
