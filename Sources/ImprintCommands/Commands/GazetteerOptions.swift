import ArgumentParser
import CaseStore
import Foundation
import Gazetteer

extension Gazetteer.ImportFormat: ExpressibleByArgument {}

/// Where the sites come from: the built-in set, the case's imports (when the case exists)
/// and any `--sites FILE` read for this run only.
struct GazetteerOptions: ParsableArguments {
    @OptionGroup var caseOptions: CaseOptions

    @Option(name: .customLong("sites"), help: ArgumentHelp(
        "Also use the sites in this file for this run (OurAirports, GeoNames, CSV, JSON); repeatable.", valueName: "file"))
    var extraFiles: [String] = []

    /// The built-in sites, the case's imports, then the `--sites` files.
    func load() throws -> Gazetteer {
        var gazetteer = Gazetteer.builtIn
        if FileManager.default.fileExists(atPath: caseOptions.resolvedPath) {
            gazetteer.add(try caseOptions.openExisting().importedSites())
        } else if caseOptions.casePath != nil {
            // A case named on purpose that is not there is a typo, not "no imports".
            throw ValidationError("No case at \(caseOptions.resolvedPath).")
        }
        for file in extraFiles {
            let result = try Gazetteer.importSites(fromFile: file)
            gazetteer.add(result.sites)
        }
        return gazetteer
    }
}

/// The fields every output naming a site carries.
enum SiteRecords {
    /// The site's id, name, type and position: what every claims output carries.
    static func fields(_ site: Site) -> OutputRecord {
        [("id", .string(site.id)), ("name", .string(site.name)), ("type", .string(site.type.rawValue)),
         ("latitude", .double(site.latitude)), ("longitude", .double(site.longitude))]
    }

    /// Every field of a site. Lists are arrays in JSON; in CSV and text they are joined with
    /// `|`, as the import format writes them, because names hold spaces.
    static func full(_ site: Site, format: OutputFormat) -> OutputRecord {
        func list(_ items: [String]) -> OutputValue { .names(items, for: format) }
        return fields(site) + [
            ("country", site.country.map(OutputValue.string) ?? .null),
            ("uncertainty_km", .double(site.uncertaintyKm)),
            ("aliases", list(site.aliases)),
            ("references", list(site.references)),
            ("source", .string(site.source)),
        ]
    }

    static let tableWidths = ["id": 34, "name": 36, "type": 15, "latitude": 9, "longitude": 9, "km": 6]
}
