import ArgumentParser
import Foundation
import Gazetteer

/// `imprint sites`: the gazetteer of places posts claim.
struct SitesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sites",
        abstract: "The gazetteer: list, search, find near a point, or import sites.",
        discussion: """
            The built-in set holds the airports and air bases, land border crossings, main dams \
            and cities of Iraq and Syria, each with its source (docs/gazetteer.md). Imports go \
            into the case (--case) and are used by every command that reads it.
            """,
        subcommands: [SitesListCommand.self, SitesSearchCommand.self, SitesNearCommand.self, SitesImportCommand.self]
    )
}

/// `imprint sites list`: every site, optionally of some types.
struct SitesListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the sites, built-in first, then imports.")

    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var output: OutputFormatOptions

    @Option(name: .customLong("type"), help: ArgumentHelp("Only sites of these types (comma-separated: air_base,dam).", valueName: "types"))
    var types: String?

    @Flag(help: "Only the built-in sites.")
    var builtIn = false

    func run() throws {
        let gazetteer = builtIn ? Gazetteer.builtIn : try gazetteerOptions.load()
        let wanted = types.map { Set($0.split(separator: ",").map { SiteType(rawValue: String($0)) }) }
        let writer = RecordWriter(format: output.outputFormat, columns: output.outputFormat == .text ? ["id", "type", "latitude", "longitude", "name"] : nil,
                                  textStyle: .table(widths: SiteRecords.tableWidths))
        for site in gazetteer.sites where wanted?.contains(site.type) ?? true {
            writer.write(SiteRecords.full(site, format: output.outputFormat))
        }
        writer.finish()
    }
}

/// `imprint sites search`: sites by name, in Arabic or Latin script.
struct SitesSearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search", abstract: "Find sites by name, in any spelling: \"Deir al-Zour\", \"مطار الطبقة\", Menagh.")

    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var output: OutputFormatOptions

    @Argument(help: "A name, with or without a type word (airport, سد, crossing…).")
    var text: String

    @Option(help: "At most this many sites.")
    var limit = 20

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit must be at least 1.") }
    }

    func run() throws {
        let resolver = ClaimResolver(gazetteer: try gazetteerOptions.load())
        let writer = RecordWriter(format: output.outputFormat, columns: output.outputFormat == .text ? ["id", "type", "latitude", "longitude", "name"] : nil,
                                  textStyle: .table(widths: SiteRecords.tableWidths))
        let found = resolver.search(text, limit: limit)
        for site in found { writer.write(SiteRecords.full(site, format: output.outputFormat)) }
        writer.finish()
        if found.isEmpty { warn("no site matches \"\(text)\""); throw ExitCode(1) }
    }
}

/// `imprint sites near`: sites around a point, nearest first.
struct SitesNearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "near", abstract: "List the sites within --km of LAT,LON, nearest first.")

    @OptionGroup var gazetteerOptions: GazetteerOptions
    @OptionGroup var output: OutputFormatOptions

    // Taken as every unrecognised word, so that a southern or western point (-33.87,151.21)
    // is not read as an option.
    @Argument(parsing: .allUnrecognized, help: ArgumentHelp("Decimal degrees, latitude first: 36.19,44.01 (or -33.87,151.21).", valueName: "lat,lon"))
    var point: [String] = []

    @Option(help: "The radius in kilometres.")
    var km = 25.0

    var coordinates: (Double, Double)? {
        guard point.count == 1 else { return nil }
        let parts = point[0].split(separator: ",").map { Double($0.trimmingBlanks) }
        guard parts.count == 2, let latitude = parts[0], let longitude = parts[1],
              abs(latitude) <= 90, abs(longitude) <= 180 else { return nil }
        return (latitude, longitude)
    }

    func validate() throws {
        if coordinates == nil { throw ValidationError("Give the point as LAT,LON in decimal degrees, e.g. 36.19,44.01.") }
        if !(km > 0 && km.isFinite) { throw ValidationError("--km must be a positive number of kilometres.") }
    }

    func run() throws {
        let (latitude, longitude) = coordinates!
        let gazetteer = try gazetteerOptions.load()
        let writer = RecordWriter(format: output.outputFormat,
                                  columns: output.outputFormat == .text ? ["km", "id", "type", "latitude", "longitude", "name"] : nil,
                                  textStyle: .table(widths: SiteRecords.tableWidths))
        let found = gazetteer.near(latitude: latitude, longitude: longitude, km: km)
        for (site, distance) in found {
            writer.write([("km", .double((distance * 10).rounded() / 10))] + SiteRecords.full(site, format: output.outputFormat))
        }
        writer.finish()
        // As `sites search`: nothing found says so and exits 1.
        if found.isEmpty { warn("no site within \(km) km of \(latitude),\(longitude)"); throw ExitCode(1) }
    }
}

/// `imprint sites import`: adds a gazetteer file's sites to the case.
struct SitesImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import sites into the case: OurAirports airports.csv, a GeoNames dump, or your own CSV/JSON.",
        discussion: """
            The format is recognised from the file (override with --from). OurAirports: both the \
            18-column (2022) and the 19-column layout. GeoNames: allCountries.txt or a country \
            file, feature codes AIRP, AIRB, AIRF, PSTB, PSTC, BANK, STNR, TOWR, INSM, MILB, DAM, \
            OILR, OILF and populated places. Your own: CSV with id,type,name,aliases,latitude,\
            longitude,country,uncertainty_km,source (name, latitude, longitude required; also \
            lat/lon, name_en for name and name_ar or any other name_xx as aliases), the \
            same keys as JSON, or GeoJSON points. A row that gives no type is `other`, or the \
            --type given (a list of border crossings: --type border_crossing). Rows that cannot \
            be used are skipped and counted; re-importing a file replaces what the case holds from it. \
            A site that gives no id and is named like another file's site is another place and \
            gets an id of its own (user:checkpoint-2); one that gives another file's id (an \
            OurAirports ident, an id column) replaces that site, with a note.
            """
    )

    @OptionGroup var caseOptions: CaseOptions

    @Argument(help: "The file to import.")
    var file: String

    @Option(name: .customLong("from"), help: "The file's format: ourairports, geonames, csv or json (default: recognised).")
    var importFormat: Gazetteer.ImportFormat?

    @Option(help: ArgumentHelp("The type of the rows that give none, such as border_crossing (default: other).", valueName: "type"))
    var type: String?

    func run() throws {
        let started = Date()
        var result = try Gazetteer.importSites(fromFile: file, format: importFormat)
        if let type {
            // Only a list of one kind is imported so: a row with its own type keeps it.
            for index in result.sites.indices where result.sites[index].type == .other {
                result.sites[index].type = SiteType(rawValue: type)
            }
        }
        let store = try caseOptions.open()
        // Sites the built-in set already holds (same reference) stay out: the curated record wins.
        var merged = Gazetteer.builtIn
        let fresh = result.sites.filter { merged.add([$0]).added == 1 }
        let stored = try store.storeSites(fresh, importedFrom: absolutePath(file), idsFromNames: result.idsFromNames)
        try store.checkpoint()
        let seconds = Date().timeIntervalSince(started)
        var summary = "\(file): \(result.format), \(fresh.count) sites imported into \(caseOptions.resolvedPath)"
        if fresh.count < result.sites.count { summary += ", \(result.sites.count - fresh.count) already built in" }
        if result.skippedCount > 0 { summary += ", \(result.skippedCount) rows skipped" }
        warn(summary + " (" + fixed(seconds, decimals: 2) + " s)")
        for row in result.skipped.prefix(10) { warn("  line \(row.line): \(row.reason)") }
        // Two lists naming different places alike keep both; a given id is one place's.
        for (old, new) in stored.renamed.prefix(10) { warn("  \(old) is another file's site of that name: imported as \(new)") }
        for (id, other) in stored.replaced.prefix(10) { warn("  \(id) replaces the site imported from \(other)") }
        let more = max(0, stored.renamed.count - 10) + max(0, stored.replaced.count - 10)
        if more > 0 { warn("  … and \(more) more") }
    }
}
