import ArgumentParser
import Foundation
import PerceptualHash

/// `imprint hashes`: work with hash lists.
struct HashesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hashes",
        abstract: "Work with hash lists.",
        subcommands: [HashesExportCommand.self]
    )
}

/// `imprint hashes export`: writes our hashes as a list a partner's tools read.
struct HashesExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write hashes as a shareable list: hex per line, the PDQ reference's CSV, or an HMA signal CSV.",
        discussion: """
            pdq-csv is `hash,quality,path` per line, as the PDQ reference's pdq-photo-hasher \
            prints; hma-csv is `signal_type,signal_value,content_id` with a header row; hex is \
            one hash per line (imagehash's hex for the 64-bit hashes; imagehash is the same \
            without the `# algorithm:` line). `imprint match --list` reads them all. Images whose hashes failed are left out and reported on stderr.
            """
    )

    @OptionGroup var input: HashInputOptions

    /// The list formats a list can be written in (`match` also reads `auto`).
    enum ListFormat: String, CaseIterable, ExpressibleByArgument {
        case hex, pdqCSV = "pdq-csv", hmaCSV = "hma-csv", imagehash

        var format: KnownHashList.Format {
            switch self {
            case .hex: .hex
            case .pdqCSV: .pdqCSV
            case .hmaCSV: .hmaCSV
            case .imagehash: .imagehash
            }
        }
    }

    @Option(name: [.customShort("f"), .customLong("format"), .customLong("format-list")],
            help: "The list's format: hex, pdq-csv, hma-csv or imagehash.")
    var listFormat: ListFormat = .hex

    @Option(name: .customLong("algorithm"), help: "Which hash to write (default pdq; pdq-csv is PDQ only; imagehash is a 64-bit hash's).")
    var algorithm: HashAlgorithm = .pdq

    /// What a CSV list names each image by.
    enum ContentID: String, CaseIterable, ExpressibleByArgument {
        case path, name
    }

    @Option(name: .customLong("content-id"), help: ArgumentHelp(
        "What pdq-csv and hma-csv name each image by: its path as given (default), or its file name alone, "
            + "so that a list sent to a partner does not carry the folders of the case.", valueName: "path|name"))
    var contentID: ContentID = .path

    @Flag(name: .customLong("no-orientation"), help: ArgumentHelp(
        "Write the hashes of the pixels as stored, ignoring EXIF orientation, as pdq-photo-hasher, HMA and imagehash compute them "
            + "(for a list a partner checks with those tools). From a case, a turned file's PDQ is the dihedral variant that undoes the turn."))
    var noOrientation = false

    func validate() throws {
        if listFormat == .pdqCSV && algorithm != .pdq { throw ValidationError("pdq-csv holds PDQ hashes only.") }
        if listFormat == .imagehash && algorithm == .pdq {
            throw ValidationError("an imagehash list holds imagehash's hashes: choose --algorithm phash, dhash, ahash or whash.")
        }
    }

    func run() async throws {
        if listFormat == .imagehash && algorithm != .phash {
            // Bare hex does not say its algorithm; match takes such a list as pHash unless told.
            warn("an imagehash list does not name its algorithm: read it back with match --list-algorithm \(algorithm.rawValue) (or export --format hex, which names it)")
        }
        var images = try await input.load(algorithms: [algorithm], dihedral: false, times: false, applyOrientation: !noOrientation)
        if noOrientation { images = Self.asStored(images, algorithm: algorithm) }
        if contentID == .name {
            for index in images.indices { images[index].path = (images[index].path as NSString).lastPathComponent }
        }
        var out = BufferedOutput()
        out.write(KnownHashList.export(images, format: listFormat.format, algorithm: algorithm))
        out.flush()
        try Interruption.stopAfterOutput(images.count)
        let failed = images.filter { $0.error != nil }.count
        // A list with no hash in it would be sent on as if it were one: say so, and fail.
        let exported = images.filter { $0.hex[algorithm] != nil }.count
        if exported == 0 {
            warn("no \(algorithm.rawValue) hash to export (\(images.count) image\(images.count == 1 ? "" : "s") read): "
                + "ingest or hash with --algorithms \(algorithm.rawValue) first")
            throw ExitCode(1)
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// A case's files were hashed as shown: a turned file's PDQ becomes its dihedral variant
    /// that undoes the turn (within a few bits of hashing the stored pixels; the case keeps no
    /// other). Its other hashes cannot be turned back, and are said.
    static func asStored(_ images: [HashedImage], algorithm: HashAlgorithm) -> [HashedImage] {
        var images = images, kept: [String] = []
        for index in images.indices {
            guard let orientation = images[index].orientation, orientation != 1, images[index].hex[algorithm] != nil,
                  let undo = DihedralTransform.undoing(orientation: orientation) else { continue }
            if algorithm == .pdq, let variants = images[index].pdqDihedral, variants.count == 8 {
                let words = variants[undo.rawValue]
                images[index].words[.pdq] = words
                images[index].hex[.pdq] = Hash256(words: (words[0], words[1], words[2], words[3])).hex
            } else {
                kept.append(images[index].path)
            }
        }
        if !kept.isEmpty {
            warn("\(kept.count) turned file(s) of the case keep the \(algorithm.rawValue) of the picture as shown (the case holds no other), "
                 + "e.g. \(kept[0]): hash the files with imprint hash --no-orientation for theirs")
        }
        return images
    }
}
