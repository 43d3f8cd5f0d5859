import ArgumentParser
import CaseStore
import Foundation

/// `imprint case`: questions to the case file.
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case",
        abstract: "Query the case that imprint ingest builds.",
        subcommands: [CaseStatsCommand.self, CaseFilesCommand.self, CaseShowCommand.self]
    )
}

/// Options every `imprint case` query shares.
struct CaseQueryOptions: ParsableArguments {
    @OptionGroup var caseOptions: CaseOptions

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Output format: json, jsonl, csv or text (default: text on a terminal, jsonl when piped).",
        valueName: "format"))
    var format: OutputFormat?

    var outputFormat: OutputFormat { format ?? .automatic }
}

/// `imprint case stats`: counts over the case.
struct CaseStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "Count files, formats, hashes and posts in the case.")

    @OptionGroup var options: CaseQueryOptions

    func run() throws {
        let store = try options.caseOptions.openExisting()
        let stats = try store.statistics()
        let writer = RecordWriter(format: options.outputFormat, textStyle: .blocks(title: "case"))
        var size: Int64 = 0
        for suffix in ["", "-wal"] {
            let attributes = try? FileManager.default.attributesOfItem(atPath: options.caseOptions.resolvedPath + suffix)
            size += (attributes?[.size] as? NSNumber)?.int64Value ?? 0
        }
        writer.write([("case", .string(options.caseOptions.resolvedPath)), ("case_bytes", .integer(size))]
                     + stats.map { ($0.name, OutputValue.integer($0.value)) })
        writer.finish()
    }
}

/// `imprint case files`: the files matching conditions, in path order.
struct CaseFilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "files",
        abstract: "List the files in the case, optionally only those matching --where conditions.",
        discussion: """
            Conditions (repeat --where; all must hold): folder=PATH, taken>=DATE, taken>DATE, \
            taken<DATE, taken<=DATE (2017, 2017-07, 2017-07-02 or 2017-07-02T10:00; a date is \
            its whole period, so taken<=2017 includes all of 2017; UTC where the file recorded \
            an offset, the camera's clock otherwise; a date recorded without a time counts as \
            that day's first moment), gps=yes|no, format=jpeg|png|webp|tiff, status=ok|warning|failed \
            (status=error means warning or failed), make=NAME, model=NAME, posts=yes|no.
            """
    )

    @OptionGroup var options: CaseQueryOptions

    @Option(name: .customLong("where"), help: ArgumentHelp("A condition such as folder=samples, taken>=2017-07, gps=yes.", valueName: "condition"))
    var conditions: [String] = []

    @Flag(help: "Also print MD5, mtime and every tag (as JSON): the whole record.")
    var full = false

    func validate() throws { _ = try CaseWhere.filter(conditions) }

    func run() throws {
        let store = try options.caseOptions.openExisting()
        let filter = try CaseWhere.filter(conditions)
        var columns = ["path", "size", "sha256", "format", "width", "height", "status", "error",
                       "date_taken", "gps_latitude", "gps_longitude", "make", "model", "posts", "pdq", "pdq_quality", "phash"]
        if full { columns += ["md5", "mtime_ns", "software", "orientation", "jpeg_quality", "hashes", "tags"] }
        let format = options.outputFormat
        let writer = RecordWriter(format: format, columns: format.isJSON ? nil : columns,
                                  textStyle: .table(widths: ["path": 40, "format": 6, "width": 5, "height": 6, "status": 7]))
        let full = self.full, nested = format.isJSON
        try store.files(matching: filter) { summary in
            writer.write(CaseRecords.summary(summary, full: full, nested: nested))
        }
        writer.finish()
    }
}

/// `imprint case show`: everything the case knows about one file.
struct CaseShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show everything the case knows about a file: metadata, hashes, posts, copies.")

    @OptionGroup var options: CaseQueryOptions

    @Argument(help: "A file's path, or its SHA-256 or MD5 (every file with it is shown).")
    var file: String

    func run() throws {
        let store = try options.caseOptions.openExisting()
        let isDigest = file.count == 64 || file.count == 32 ? file.allSatisfy(\.isHexDigit) : false
        let details = try store.details(pathOrDigest: isDigest ? file : absolutePath(file))
        guard !details.isEmpty else {
            warn("\(file): not in the case \(options.caseOptions.resolvedPath)")
            throw ExitCode(1)
        }
        let format = options.outputFormat
        let writer = RecordWriter(format: format, textStyle: .blocks(title: "path"))
        for detail in details { writer.write(CaseRecords.detail(detail, nested: format.isJSON)) }
        writer.finish()
    }
}
