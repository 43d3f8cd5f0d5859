import ArgumentParser

/// `imprint flags`: contradictions between what posts claim and what the images show.
struct FlagsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "flags",
        abstract: "List contradictions: recycled photos, one photo claimed at two places, GPS far from the claim, edited files.",
        discussion: """
            recycled: a post presents a photo as news, but the photo or a repost of it was \
            posted, or its DateTimeOriginal lies, more than --recycled-days earlier (elapsed \
            time; posts that say themselves the photo is old, e.g. fact checks, "file photo", \
            or that name the year it was taken, are not counted). \
            conflicting-sites: one photo (with its reposts) claimed at sites more than \
            --conflict-km apart beyond their uncertainties. gps-mismatch: EXIF GPS more than \
            --gps-mismatch-km from the site a post of the file, or of one of its reposts, \
            claims. edited: EXIF Software names an image editor, or the EXIF thumbnail shows \
            another picture.
            """
    )

    @OptionGroup var options: ClaimOptions
    @OptionGroup var thresholds: FlagThresholds

    @Option(name: .customLong("kind"), help: ArgumentHelp("Only these kinds (comma-separated).", valueName: "kinds"))
    var kinds: String?

    func validate() throws {
        for kind in (kinds ?? "").split(separator: ",") where Contradiction.Kind(rawValue: String(kind)) == nil {
            throw ValidationError("Unknown kind '\(kind)': use \(Contradiction.Kind.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
    }

    func run() throws {
        let claims = try options.analyse(thresholds)
        let wanted = kinds.map { Set($0.split(separator: ",").compactMap { Contradiction.Kind(rawValue: String($0)) }) }
        let format = options.output.outputFormat
        let columns = ["kind", "files", "sites", "site_ids", "posts", "reason"]
        let writer = RecordWriter(format: format, columns: format == .csv || format == .text ? columns : nil,
                                  textStyle: .blocks(title: "kind"))
        var count = 0
        for flag in claims.contradictions() where wanted?.contains(flag.kind) ?? true {
            writer.write([("kind", .string(flag.kind.rawValue)), ("files", .names(flag.files, for: format)),
                          ("sites", .names(flag.sites.map(\.name), for: format)), ("site_ids", .names(flag.sites.map(\.id), for: format)),
                          ("posts", .names(flag.posts, for: format)), ("reason", .string(flag.reason))])
            count += 1
        }
        writer.finish()
        warn("\(count) flags")
    }
}
