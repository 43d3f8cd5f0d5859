public import Gazetteer
import Foundation
import GRDB

extension CaseDatabase {
    /// What `storeSites` did beside storing.
    public struct StoredSites: Sendable {
        /// How many sites were written.
        public var count = 0
        /// Sites whose name-made id another file's site held, stored under a new one (old, new).
        public var renamed: [(from: String, to: String)] = []
        /// Sites given an id another file's site held, which they replaced (id, that file).
        public var replaced: [(id: String, file: String)] = []
    }

    /// Stores a file's sites in place of what the case held from that file before (a newer
    /// copy of a list updates it, and sites it no longer has go). A site whose id another
    /// file brought is that file's site again when the id was given (an OurAirports ident, an
    /// id column) and replaces it; when the id was made from the name (`idsFromNames`) it is
    /// another place of the same name and gets an id of its own (`-2`, `-3`, …), as two rows
    /// of one file do.
    @discardableResult
    public func storeSites(_ sites: [Site], importedFrom file: String,
                           idsFromNames: Set<String> = []) throws(CaseStoreError) -> StoredSites {
        try write { db in
            try db.execute(sql: "DELETE FROM sites WHERE imported_from = ?", arguments: [file])
            var stored = StoredSites()
            let others = try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: "SELECT id, imported_from FROM sites")
                .map { ($0[0] as String, $0[1] as String) })
            var used = Set(others.keys).union(sites.map(\.id))
            let statement = try db.makeStatement(sql: """
                INSERT OR REPLACE INTO sites (id, type, name, aliases, latitude, longitude, country, uncertainty_km, refs, source, imported_from)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for var site in sites {
                if let other = others[site.id] {
                    if idsFromNames.contains(site.id) {
                        var suffix = 2
                        while used.contains("\(site.id)-\(suffix)") { suffix += 1 }
                        stored.renamed.append((site.id, "\(site.id)-\(suffix)"))
                        site.id += "-\(suffix)"
                        used.insert(site.id)
                    } else {
                        stored.replaced.append((site.id, other))
                    }
                }
                try statement.execute(arguments: [site.id, site.type.rawValue, site.name, site.aliases.joined(separator: Self.listSeparator),
                                                  site.latitude, site.longitude, site.country, site.uncertaintyKm,
                                                  site.references.joined(separator: Self.listSeparator), site.source, file])
                stored.count += 1
            }
            return stored
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
