import ArgumentParser
import Gazetteer

/// `imprint site ID`: the images claimed at or photographed near one site.
struct SiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "List the images claimed at or photographed near a site, earliest first.",
        discussion: "ID is a site id from `imprint sites` (builtin:tabqa-air-base, ourairports:ORER…), an ICAO or IATA code (OSDZ, DEZ), or a name that finds one site.")

    @OptionGroup var options: ClaimOptions

    @Argument(help: "The site's id, or a name that finds exactly one site.")
    var site: String

    func run() async throws {
        let claims = try options.analyse()
        let target: Site
        if let byID = claims.gazetteer.site(named: site) {
            target = byID
        } else {
            // A search finds the namesakes too ("Tabqa Air Base" also finds Tabqa and its dam);
            // a site whose own name or alias is the one given, and only one, is meant.
            let found = claims.resolver.search(site, limit: 50)
            let forms = PlaceText.forms(site)
            let named = found.filter { $0.allNames.contains { PlaceText.forms($0) == forms } }
            guard let only = named.count == 1 ? named.first : (found.count == 1 ? found.first : nil) else {
                warn(found.isEmpty || named.isEmpty && found.count > 1 && site.contains(":")
                     ? "no site \"\(site)\" (imprint sites search lists ids)"
                     : "\"\(site)\" names several sites; give an id (imprint sites search \"\(site)\")")
                throw ExitCode(1)
            }
            target = only
            // The other sites that carry the name ("Tabqa": the air base and the dam beside the
            // town) are said, so that a town with no images does not hide them.
            let others = found.filter { $0.id != only.id }.prefix(5)
            if named.count == 1, !others.isEmpty {
                warn("\"\(site)\" is \(only.name) (\(only.id)); also named so: "
                     + others.map { "\($0.name) (\($0.id))" }.joined(separator: ", ") + "; give an id for one of them")
            }
        }
        var rows: [(time: String, path: String, link: SiteLink)] = []
        for index in claims.files.indices {
            for link in claims.links(of: index) where link.site.id == target.id {
                rows.append((link.time ?? "~", claims.files[index].path, link))
            }
        }
        // Earliest first; unknown times last.
        rows.sort { ($0.time, $0.path, $0.link.evidence.rawValue) < ($1.time, $1.path, $1.link.evidence.rawValue) }
        let format = options.output.outputFormat
        let columns = ["time", "path", "evidence", "score", "id", "name", "type", "latitude", "longitude", "detail"]
        // On a terminal the site is the one asked for: its columns would repeat on every row.
        let writer = RecordWriter(format: format,
                                  columns: format == .text ? ["time", "path", "evidence", "score", "detail"] : format == .csv ? columns : nil,
                                  textStyle: .table(widths: ["time": 20, "path": 40, "evidence": 8, "score": 5]))
        for row in rows {
            writer.write([("time", row.link.time.map(OutputValue.string) ?? .null), ("path", .string(row.path)),
                          ("evidence", .string(row.link.evidence.rawValue)), ("score", .double(row.link.score))]
                         + SiteRecords.fields(target) + [("detail", .string(row.link.detail))])
        }
        writer.finish()
        warn("\(target.name) (\(target.id)): \(Set(rows.map(\.path)).count) images")
    }
}
