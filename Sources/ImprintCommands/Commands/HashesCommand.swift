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
            one hash per line (imagehash's hex for the 64-bit hashes). `imprint match --list` \
            reads all three. Images whose hashes failed are left out and reported on stderr.
            """
    )

    @OptionGroup var input: HashInputOptions

    @Option(name: .customLong("format-list"), help: "hex, pdq-csv or hma-csv.")
    var listFormat: KnownHashList.Format = .hex

    @Option(name: .customLong("algorithm"), help: "Which hash to write (default pdq; pdq-csv is PDQ only).")
    var algorithm: HashAlgorithm = .pdq

    func validate() throws {
        // --format comes with the shared input options; a list has its own formats.
        if input.format != nil { throw ValidationError("hashes export writes a list: choose its format with --format-list (hex, pdq-csv, hma-csv).") }
        if listFormat == .auto { throw ValidationError("--format-list must be hex, pdq-csv, hma-csv or imagehash.") }
        if listFormat == .pdqCSV && algorithm != .pdq { throw ValidationError("pdq-csv holds PDQ hashes only.") }
    }

    func run() async throws {
        let images = try await input.load(algorithms: [algorithm], dihedral: false, times: false)
        var out = BufferedOutput()
        out.write(KnownHashList.export(images, format: listFormat, algorithm: algorithm))
        out.flush()
        let failed = images.filter { $0.error != nil }.count
        if failed > 0 { throw ExitCode(1) }
    }
}
