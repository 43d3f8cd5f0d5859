public import Gazetteer
import Foundation
import GRDB

extension CaseDatabase {
    /// Stores a file's sites in place of what the case held from that file before (a newer
    /// copy of a list updates it, and sites it no longer has go); a site another file brought
    /// under the same id is replaced.
    /// - Returns: how many rows were written.
    @discardableResult
    public func storeSites(_ sites: [Site], importedFrom file: String) throws(CaseStoreError) -> Int {
        try write { db in
            try db.execute(sql: "DELETE FROM sites WHERE imported_from = ?", arguments: [file])
            let statement = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO sites (id, type, name, aliases, latitude, longitude, country, uncertainty_km, refs, source, imported_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for site in sites {
                try statement.execute(arguments: [site.id, site.type.rawValue, site.name, site.aliases.joined(separator: Self.listSeparator),
                                                  site.latitude, site.longitude, site.country, site.uncertaintyKm,
                                                  site.references.joined(separator: Self.listSeparator), site.source, file])
            }
            return sites.count
        }
    }

    /// The sites imported into this case, in import order.
    public func importedSites() throws(CaseStoreError) -> [Site] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: """
                SELECT id, type, name, aliases, latitude, longitude, country, uncertainty_km, refs, source FROM sites ORDER BY rowid
                """)
            var sites: [Site] = []
            while let row = try rows.next() {
                func list(_ column: String) -> [String] {
                    let text: String = row[column]
                    return text.isEmpty ? [] : text.components(separatedBy: Self.listSeparator)
                }
                sites.append(Site(id: row["id"], type: SiteType(rawValue: row["type"]), name: row["name"], aliases: list("aliases"),
                                  latitude: row["latitude"], longitude: row["longitude"], country: row["country"],
                                  uncertaintyKm: row["uncertainty_km"], references: list("refs"), source: row["source"]))
            }
            return sites
        }
    }

    /// The built-in gazetteer with this case's imports added.
    public func gazetteer() throws(CaseStoreError) -> Gazetteer {
        var gazetteer = Gazetteer.builtIn
        gazetteer.add(try importedSites())
        return gazetteer
    }

    private static let listSeparator = "\u{1F}"
}
