import ArgumentParser
import Foundation
import Gazetteer

/// `imprint claims`: which sites each image is claimed at or photographed near.
struct ClaimsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claims",
        abstract: "Show the sites each image in the case is linked to, with the evidence; or resolve a caption.",
        subcommands: [ClaimsListCommand.self, ClaimsResolveCommand.self],
        defaultSubcommand: ClaimsListCommand.self
    )
}

/// `imprint claims [FILE…]`: the links image ↔ site in the case.
struct ClaimsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "The sites each image is linked to: claimed by its post, near its EXIF GPS, or claimed for a repost of it.",
        discussion: """
            Evidence: claimed (a post the image came with names the site; the explanation says \
            which words matched), gps (its EXIF GPS lies within the site's uncertainty plus \
            --gps-radius-km; for a bank or TV station, within --gps-radius-km of its point, and \
            never for one placed only roughly, farther off than that), repost (another image of its repost cluster, PDQ within 31 bits \
            under rotations and mirrors, is claimed there). A post is taken to claim one site: \
            the strongest its text names. Without FILE arguments every linked image is listed.
            """
    )

    @OptionGroup var options: ClaimOptions

    @Argument(help: "Files (paths as ingested, or SHA-256) to show; default: every image with a link.")
    var files: [String] = []

    func run() throws {
        let claims = try options.analyse()
        let wanted = Set(files.map { $0.count == 64 && $0.allSatisfy(\.isHexDigit) ? $0 : absolutePath($0) })
        let format = options.output.outputFormat
        let columns = ["path", "evidence", "score", "id", "name", "type", "latitude", "longitude", "time", "detail"]
        let writer = RecordWriter(format: format, columns: format == .csv || format == .text ? columns : nil,
                                  textStyle: .table(widths: ["path": 40, "evidence": 8, "score": 5, "id": 30, "name": 30, "type": 15]))
        var shown = Set<String>()
        for index in claims.files.indices {
            let file = claims.files[index]
            guard wanted.isEmpty || wanted.contains(file.path) || wanted.contains(file.sha256) else { continue }
            shown.insert(file.path)
            shown.insert(file.sha256)
            for link in claims.links(of: index) {
                writer.write([("path", .string(file.path)), ("evidence", .string(link.evidence.rawValue)),
                              ("score", .double(link.score))] + SiteRecords.fields(link.site)
                             + [("time", link.time.map(OutputValue.string) ?? .null), ("detail", .string(link.detail))])
            }
        }
        writer.finish()
        let missing = wanted.subtracting(shown)
        for path in missing.sorted() { warn("\(path): not in the case") }
        if !missing.isEmpty { throw ExitCode(1) }
    }
}

/// `imprint claims resolve`: ranks the sites a caption claims, without a case.
struct ClaimsResolveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve",
        abstract: "Rank the sites a post text claims (one text per line on stdin when no TEXT is given).",
        discussion: """
            Each text gives its candidate sites, strongest first, with a score and a one-line \
            explanation; a text that claims no site gives one row with empty site fields. Uses \
            the built-in sites, the case's imports when the case exists, and --sites files.
            """
    )

    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var output: OutputFormatOptions

    @Argument(help: "Post texts; none: read one per line from stdin (a byte-order mark and CR LF line ends are skipped).")
    var texts: [String] = []

    @Option(help: "At most this many sites per text.")
    var limit = 3

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let resolver = ClaimResolver(gazetteer: try gazetteerOptions.load())
        let format = output.outputFormat
        let columns = ["line", "rank", "score", "id", "name", "type", "latitude", "longitude", "evidence", "explanation", "text"]
        let writer = RecordWriter(format: format, columns: format == .csv || format == .text ? columns : nil,
                                  textStyle: .table(widths: ["line": 4, "rank": 4, "score": 5, "id": 30, "name": 30, "type": 15]))
        let limit = self.limit
        var line = 0
        func emit(_ batch: [String]) {
            let first = line + 1
            let records = ParallelMap.map(Array(batch.enumerated())) { offset, text in
                Self.records(for: text, line: first + offset, claims: resolver.resolve(text, limit: limit))
            }
            line += batch.count
            writer.write(contentsOf: records.flatMap { $0 })
        }
        if !texts.isEmpty {
            emit(texts)
        } else {
            // Batches keep memory flat for millions of lines while every core resolves.
            var batch: [String] = []
            // readLine takes CR LF off; the byte-order mark a Windows editor puts first is
            // not part of the first text either.
            while var text = readLine(strippingNewline: true) {
                if line == 0, batch.isEmpty, text.unicodeScalars.first == "\u{FEFF}" { text = String(text.unicodeScalars.dropFirst()) }
                batch.append(text)
                if batch.count == 8192 { emit(batch); batch.removeAll(keepingCapacity: true) }
            }
            emit(batch)
        }
        writer.finish()
    }

    /// One text's rows: a row per site, strongest first, or one row saying nothing is claimed.
    static func records(for text: String, line: Int, claims: [SiteClaim]) -> [OutputRecord] {
        guard !claims.isEmpty else {
            return [[("line", .integer(Int64(line))), ("rank", .null), ("score", .null), ("id", .null), ("name", .null),
                     ("type", .null), ("latitude", .null), ("longitude", .null), ("evidence", .null),
                     ("explanation", .string("no site claimed")), ("text", .string(text))]]
        }
        return claims.enumerated().map { rank, claim in
            [("line", .integer(Int64(line))), ("rank", .integer(Int64(rank + 1))), ("score", .double(claim.score))]
                + SiteRecords.fields(claim.site)
                + [("evidence", .string("claimed")), ("explanation", .string(claim.explanation)), ("text", .string(text))]
        }
    }
}
