import Foundation
import Testing
import Gazetteer

/// Where the import tests find their files: the small fixtures beside this file, and the real
/// OurAirports extracts in `../shared/gazetteer` from the repository root, which may be absent.
enum ImportFiles {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    static let shared: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("../shared/gazetteer").standardizedFileURL

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    /// A file of the shared gazetteer data, or nil (with a printed reason) when it is absent.
    static func shared(_ name: String) -> String? {
        let path = shared.appendingPathComponent(name).path
        if FileManager.default.fileExists(atPath: path) { return path }
        print("skipping: shared gazetteer file not found at \(path)")
        return nil
    }

    static let currentOurAirports = "ourairports-iq-sy.csv"
    static let worldOurAirports2022 = "ourairports-world-airports-20221011.csv"
}

extension Gazetteer.ImportResult {
    func site(_ id: String) -> Site? { sites.first { $0.id == id } }
}

@Suite struct OurAirportsImportTests {
    @Test func currentLayoutForIraqAndSyria() throws {
        guard let path = ImportFiles.shared(ImportFiles.currentOurAirports) else { return }
        let result = try Gazetteer.importSites(fromFile: path)
        #expect(result.format == .ourAirports)
        #expect(result.sites.count == 155)
        #expect(result.skippedCount == 0)

        let erbil = try #require(result.site("ourairports:ORER"))
        #expect(erbil.name == "Erbil International Airport")
        #expect(erbil.type == .airport)
        #expect(abs(erbil.latitude - 36.236) < 0.001 && abs(erbil.longitude - 43.946) < 0.001)
        #expect(erbil.country == "IQ")
        #expect(erbil.uncertaintyKm == 3)
        #expect(erbil.references.contains("icao:ORER") && erbil.references.contains("iata:EBL"))
        #expect(erbil.aliases.contains("Irbil"))

        let tabqa = try #require(result.site("ourairports:SY-0035"))
        #expect(tabqa.type == .airBase)
        #expect(tabqa.references.contains("icao:OS59"))
        #expect(tabqa.aliases == ["Tabqa"])
        #expect(tabqa.source == "OurAirports SY-0035 (closed; military by name)")

        // SOR is named "Al Thaurah Airport" but sits at the T2 pumping station; here it only
        // has to arrive as an airport with its own coordinates.
        let sor = try #require(result.site("ourairports:SOR"))
        #expect(sor.type == .airport)
        #expect(abs(sor.latitude - 34.39) < 0.01 && abs(sor.longitude - 40.15) < 0.01)
    }

    @Test func worldFileIn2022Layout() throws {
        guard let path = ImportFiles.shared(ImportFiles.worldOurAirports2022) else { return }
        let start = Date()
        let result = try Gazetteer.importSites(fromFile: path)
        print("OurAirports 2022 world file: \(result.sites.count) sites in \(Date().timeIntervalSince(start)) s")
        #expect(result.format == .ourAirports)
        #expect(result.skippedCount == 0)
        #expect(result.omitted == ["balloonport": 46])
        #expect(result.sites.count == 73_623 - 46)
        // References are unique within the import, so the gazetteer keeps every site.
        #expect(Gazetteer(sites: result.sites).sites.count == result.sites.count)

        let erbil = try #require(result.site("ourairports:ORER"))
        #expect(erbil.type == .airport)
        #expect(GeoDistance.kilometres(36.236, 43.946, to: erbil) < 2)
        // The 2022 layout has no icao_code column: the code comes from gps_code.
        #expect(erbil.references.contains("icao:ORER"))
        let tabqa = try #require(result.site("ourairports:OS59"))
        #expect(tabqa.references.contains("icao:OS59"))
    }

    @Test func curatedTabqaIsNotImportedTwice() throws {
        guard let path = ImportFiles.shared(ImportFiles.currentOurAirports) else { return }
        var gazetteer = Gazetteer.builtIn
        let result = try Gazetteer.importSites(fromFile: path)
        let outcome = gazetteer.add(result.sites)
        #expect(outcome.skipped >= 1)
        #expect(gazetteer.site(id: "ourairports:SY-0035") == nil)
    }

    @Test func columnsAreFoundByHeaderName() throws {
        let result = try Gazetteer.importSites(fromFile: ImportFiles.fixture("ourairports-reordered.csv"))
        #expect(result.format == .ourAirports)
        #expect(result.sites.map(\.id) == ["ourairports:SY-0035", "ourairports:ORER"])
        let tabqa = try #require(result.site("ourairports:SY-0035"))
        #expect(tabqa.latitude == 35.7547 && tabqa.longitude == 38.566799)
        #expect(tabqa.type == .airBase && tabqa.references == ["ourairports:SY-0035", "icao:OS59"])
        let erbil = try #require(result.site("ourairports:ORER"))
        #expect(erbil.type == .airport && erbil.aliases == ["Irbil", "Kurdistan"])
        #expect(erbil.references == ["ourairports:ORER", "icao:ORER", "iata:EBL"])
        #expect(result.omitted == ["balloonport": 1])
    }

    @Test func aBadRowIsSkippedAndReported() throws {
        let result = try Gazetteer.importSites(fromFile: ImportFiles.fixture("ourairports-reordered.csv"))
        #expect(result.skippedCount == 1)
        let skipped = try #require(result.skipped.first)
        #expect(skipped.line == 5)
        #expect(skipped.reason.contains("XX-01") && skipped.reason.contains("north"))
    }

    @Test func aHeaderWithoutCoordinatesIsRefused() {
        let csv = "\"ident\",\"type\",\"name\"\n\"ORER\",\"large_airport\",\"Erbil\"\n"
        #expect(throws: GazetteerError.unrecognisedFormat(path: "t.csv",
            detail: "an OurAirports airports.csv header needs the column(s) latitude_deg, longitude_deg")) {
            try Gazetteer.ourAirports(csv: csv, path: "t.csv")
        }
    }

    static let header = "ident,type,name,latitude_deg,longitude_deg,iso_country,scheduled_service,gps_code,wikipedia_link,keywords\n"

    @Test(arguments: [
        ("OS67,small_airport,Mezzeh Airport,33.4775,36.2234,SY,no,OS67,https://en.wikipedia.org/wiki/Mezzeh_Military_Airport,", "air_base"),
        ("IQ-0020,medium_airport,H3 Northwest AFB,33.07,39.59,IQ,no,,,", "air_base"),
        ("ORSH,medium_airport,Al Sahra Army Air Field,34.67,43.54,IQ,no,ORSH,,Camp Speicher", "air_base"),
        ("IQ-0039,medium_airport,Rasheed Field,33.27,44.49,IQ,no,,,\"RAF Hinaidi, Alsalam Air Base\"", "air_base"),
        ("ORKK,large_airport,Kirkuk International Airport,35.46,44.34,IQ,yes,ORKK,,Kirkuk Air Base", "airport"),
        ("IQ-0002,small_airport,Al Hayy Airport,32.12,45.78,IQ,no,,,", "airport"),
        ("XX-0001,small_airport,Abadan Field,30.37,48.22,IR,no,,,", "airport"),
        ("IQ-0022,heliport,Habbaniyah Air Base Heliport,33.38,43.56,IQ,no,ORBH,,", "heliport"),
        ("US-0001,seaplane_base,Lake Seaplane Base,40.0,-74.0,US,no,,,", "seaplane_base"),
    ])
    func typesFollowTheNameAndKeywords(row: String, type: String) throws {
        let result = try Gazetteer.ourAirports(csv: Self.header + row + "\n", path: "t.csv")
        #expect(result.sites.first?.type == SiteType(rawValue: type))
    }

    @Test func keywordCodesBecomeReferencesAndNamesStayAliases() throws {
        let row = "ORBI,large_airport,Baghdad International Airport,33.26,44.23,IQ,yes,ORBI,,\"SDA, BIAP, ORBS, Camp Sather, 1234, \""
        let site = try #require(try Gazetteer.ourAirports(csv: Self.header + row + "\n", path: "t.csv").sites.first)
        #expect(site.aliases == ["BIAP", "Camp Sather"])
        #expect(site.references == ["ourairports:ORBI", "icao:ORBI", "iata:SDA", "icao:ORBS"])
    }

    @Test func aReusedCodeStaysWithTheAirfieldWhoseIdentItIs() throws {
        // AU-0225 carries YBND as its GPS code, but YBND is another row's ident.
        let rows = "AU-0225,small_airport,Bendick Murrell Airstrip,-34.17,148.47,AU,no,YBND,,\n"
            + "YBND,small_airport,Bendick Murrell Airstrip,-34.17,148.47,AU,no,YBND,,\n"
            + "XA-0001,small_airport,One,10,10,XA,no,ZZZZ,,\n"
            + "XA-0002,small_airport,Two,11,11,XA,no,ZZZZ,,\n"
        let result = try Gazetteer.ourAirports(csv: Self.header + rows, path: "t.csv")
        #expect(result.site("ourairports:AU-0225")?.references == ["ourairports:AU-0225"])
        #expect(result.site("ourairports:YBND")?.references == ["ourairports:YBND", "icao:YBND"])
        #expect(result.site("ourairports:XA-0001")?.references == ["ourairports:XA-0001"])
        #expect(result.ambiguousReferences == 3)
        #expect(Gazetteer(sites: result.sites).sites.count == 4)
    }

    @Test func quotedFieldsKeepCommasQuotesAndLineBreaks() throws {
        let rows = "\"IQ-9001\",\"small_airport\",\"Camp \"\"Bucca\"\"\nStrip\",30.1,47.5,IQ,no,,,\"A, B\"\n"
            + "IQ-9002,small_airport,Next,30.2,47.6,IQ,no,,,\n"
            + "IQ-9003,small_airport,Broken,x,47.6,IQ,no,,,\n"
        let result = try Gazetteer.ourAirports(csv: Self.header + rows, path: "t.csv")
        #expect(result.sites.first?.name == "Camp \"Bucca\"\nStrip")
        #expect(result.sites.first?.aliases == ["A", "B"])
        #expect(result.sites.count == 2)
        // The quoted line break moves every later row down a line.
        #expect(result.skipped.map(\.line) == [5])
    }
}

@Suite struct GeoNamesImportTests {
    @Test func fixtureRowsBecomeTypedSites() throws {
        let result = try Gazetteer.importSites(fromFile: ImportFiles.fixture("geonames-iq-sy.txt"))
        #expect(result.format == .geoNames)
        #expect(result.sites.map(\.type) == [.airBase, .airport, .borderCrossing, .dam, .bank, .city, .city])
        #expect(result.omitted == ["GeoNames S.HTL": 1])
        #expect(result.skippedCount == 0)

        let tabqa = try #require(result.site("geonames:7290519"))
        #expect(tabqa.references == ["geonames:7290519", "icao:OS59", "iata:TBQ"])
        #expect(tabqa.aliases.contains("Al Tabqah Airbase") && !tabqa.aliases.contains("Tabqa Airbase"))
        #expect(tabqa.country == "SY" && tabqa.uncertaintyKm == 2)
        #expect(tabqa.source == "GeoNames 7290519 (S.AIRB)")

        let airport = try #require(result.site("geonames:7287694"))
        #expect(!airport.aliases.contains { $0.contains("://") })
        #expect(airport.references.contains("icao:ORER"))

        let dam = try #require(result.site("geonames:99064"))
        #expect(dam.name == "Sadd al Mawşil")
        #expect(dam.aliases == ["Sadd al Mawsil", "Mosul Dam", "Saddam Dam", "سد الموصل"])

        let erbil = try #require(result.site("geonames:95446"))
        #expect(!erbil.aliases.contains("EBL") && erbil.aliases.contains("Hawler"))
        #expect(erbil.references == ["geonames:95446"])
        #expect(erbil.uncertaintyKm == 7)
        #expect(result.site("geonames:170654")?.uncertaintyKm == 10)
        #expect(result.site("geonames:6942221")?.aliases.contains("CBI") == false)
    }

    @Test func aliasesAreCapped() throws {
        let names = (1...200).map { "Name \($0)" }.joined(separator: ",")
        let line = ["1", "Big City", "Big City", names, "33.3", "44.4", "P", "PPL", "IQ", "", "", "", "", "", "5000", "", "40", "Asia/Baghdad", "2024-01-01"]
            .joined(separator: "\t")
        let site = try #require(try Gazetteer.geoNames(tsv: line, path: "t.txt").sites.first)
        #expect(site.aliases.count == Gazetteer.geoNamesAliasLimit)
        #expect(site.uncertaintyKm == 3)
    }

    @Test func aShortOrBadLineIsSkippedAndReported() throws {
        let good = ["2", "Dam", "Dam", "", "36.6", "42.8", "S", "DAM", "IQ", "", "", "", "", "", "0", "", "0", "Asia/Baghdad", "2024-01-01"]
        var badCoordinates = good
        badCoordinates[0] = "3"
        badCoordinates[4] = "91.5"
        let text = [good.joined(separator: "\t"), "4\tonly\tthree", badCoordinates.joined(separator: "\t")].joined(separator: "\n")
        let result = try Gazetteer.geoNames(tsv: text, path: "t.txt")
        #expect(result.sites.map(\.id) == ["geonames:2"])
        #expect(result.skipped.map(\.line) == [2, 3])
    }
}

@Suite struct UserSitesImportTests {
    @Test func csvWithDefaultsAndQuotedFields() throws {
        let result = try Gazetteer.importSites(fromFile: ImportFiles.fixture("user-sites.csv"))
        #expect(result.format == .csv)
        #expect(result.sites.map(\.id) == ["user:tabqa-dam", "user:checkpoint-zero-rabia", "user:checkpoint",
                                           "user:checkpoint-2", "user:kirkuk-k1-gate"])
        let dam = try #require(result.site("user:tabqa-dam"))
        #expect(dam.type == .dam && dam.country == "SY" && dam.uncertaintyKm == 2)
        #expect(dam.aliases == ["Euphrates Dam", "Al-Thawra Dam", "سد الفرات"])
        #expect(dam.source == "Analyst notes, 2024-03-02")
        let rabia = try #require(result.site("user:checkpoint-zero-rabia"))
        #expect(rabia.name == "Checkpoint \"Zero\", Rabia" && rabia.type == .other && rabia.country == "IQ")
        #expect(result.site("user:checkpoint-2")?.uncertaintyKm == 0.5)
        #expect(result.site("user:kirkuk-k1-gate")?.source == "user CSV user-sites.csv line 7")
        #expect(result.skipped.map(\.line) == [6])
        #expect(result.skipped.first?.reason.contains("Somewhere north") == true)
    }

    @Test func jsonArray() throws {
        let result = try Gazetteer.importSites(fromFile: ImportFiles.fixture("user-sites.json"))
        #expect(result.format == .json)
        #expect(result.sites.map(\.id) == ["user:mosul-dam", "user:qamishli-market"])
        #expect(result.site("user:mosul-dam")?.aliases == ["Sadd al Mawsil", "سد الموصل"])
        let market = try #require(result.site("user:qamishli-market"))
        #expect(market.latitude == 37.0521 && market.aliases == ["Souq al-Qamishli", "سوق القامشلي"])
        #expect(result.skipped == [Gazetteer.SkippedRow(line: 3, reason: "No coordinates: no latitude or longitude")])
    }

    @Test func jsonObjectWithSites() throws {
        let json = #"{"sites": [{"name": "Ain Issa", "latitude": 36.385, "longitude": 38.859, "type": "city"}]}"#
        let result = try Gazetteer.userSites(json: json, path: "t.json")
        #expect(result.sites.first?.id == "user:ain-issa" && result.sites.first?.type == .city)
    }

    @Test func geoJSONPointsTakeLongitudeFirst() throws {
        let result = try Gazetteer.importSites(fromFile: ImportFiles.fixture("user-sites.geojson"))
        #expect(result.format == .json)
        #expect(result.sites.map(\.id) == ["user:ssa-hq", "user:mosul-old-bridge"])
        let stadium = try #require(result.site("user:ssa-hq"))
        #expect(stadium.latitude == 35.9501 && stadium.longitude == 38.2868)
        #expect(stadium.aliases == ["Black Stadium", "الملعب الأسود"] && stadium.country == "SY")
        #expect(result.site("user:mosul-old-bridge")?.uncertaintyKm == 0.5)
        #expect(result.skipped.map(\.line) == [3])
        #expect(result.skipped.first?.reason.contains("Polygon") == true)
    }

    @Test func invalidJSONIsUnreadable() {
        #expect(throws: GazetteerError.self) { try Gazetteer.userSites(json: "[{\"name\": ", path: "t.json") }
        #expect(throws: GazetteerError.unrecognisedFormat(path: "t.json",
            detail: "JSON that is neither an array of sites, {\"sites\": [...]}, nor a GeoJSON FeatureCollection")) {
            try Gazetteer.userSites(json: "{\"name\": \"x\"}", path: "t.json")
        }
    }

    /// A table with its names per language (`name_en`, `name_ar`) and `lat`/`lon`, as the
    /// shared crossings list is: the English name is the name, the others aliases.
    @Test func namesPerLanguageAreTheNameAndAliases() throws {
        let csv = "id,name_en,name_ar,lat,lon,aliases\nBX01,Al-Qaim / Al-Bukamal,القائم / البوكمال,34.38,40.99,Husaybah;Abu Kamal\n"
        let result = try Gazetteer.userSites(csv: csv, path: "t.csv")
        #expect(result.sites.map(\.name) == ["Al-Qaim / Al-Bukamal"])
        #expect(result.sites.first?.aliases == ["Husaybah", "Abu Kamal", "القائم / البوكمال"])
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-sites-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: file) }
        try csv.write(to: file, atomically: true, encoding: .utf8)
        #expect(try Gazetteer.importSites(fromFile: file.path).sites.count == 1)
    }

    /// JSON and GeoJSON take the same keys as CSV: `name_en` for the name, `name_ar` and any
    /// other `name_xx` as aliases (they were dropped: CLI probe round 11, M1).
    @Test func jsonNamesPerLanguageAreTheNameAndAliases() throws {
        let json = #"[{"name_en":"Tishrin Dam","lat":36.38,"lon":38.18,"type":"dam","name_ar":"سد تشرين","name_ku":"Bendava Tişrînê"}]"#
        let result = try Gazetteer.userSites(json: json, path: "t.json")
        #expect(result.sites.map(\.name) == ["Tishrin Dam"])
        #expect(result.sites.first?.aliases == ["سد تشرين", "Bendava Tişrînê"])
        let geoJSON = #"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[40.14,35.33]},"properties":{"name":"Deir ez-Zor Bridge","name_ar":"جسر دير الزور المعلق","aliases":["Suspension bridge"]}}]}"#
        let feature = try Gazetteer.userSites(json: geoJSON, path: "b.geojson")
        #expect(feature.sites.first?.aliases == ["Suspension bridge", "جسر دير الزور المعلق"])
    }

    @Test func aRepeatedExplicitIDIsSkipped() throws {
        let csv = "id,name,lat,lon\na,First,1,2\na,Second,3,4\n"
        let result = try Gazetteer.userSites(csv: csv, path: "t.csv")
        #expect(result.sites.map(\.name) == ["First"])
        #expect(result.skipped.first?.reason == "Second: id 'user:a' is already used by line 2")
    }
}

@Suite struct ImportFormatTests {
    @Test(arguments: [
        ("ourairports-reordered.csv", Gazetteer.ImportFormat.ourAirports),
        ("geonames-iq-sy.txt", .geoNames),
        ("user-sites.csv", .csv),
        ("user-sites.json", .json),
        ("user-sites.geojson", .json),
    ])
    func formatIsSniffed(file: String, format: Gazetteer.ImportFormat) throws {
        #expect(try Gazetteer.importSites(fromFile: ImportFiles.fixture(file)).format == format)
    }

    @Test func theSharedCurrentLayoutIsSniffedAsOurAirports() throws {
        // The 2022 world file's format is checked where it is imported.
        guard let path = ImportFiles.shared(ImportFiles.currentOurAirports) else { return }
        #expect(try Gazetteer.importSites(fromFile: path).format == .ourAirports)
    }

    @Test func unrecognisedFilesSayWhatWasExpected() throws {
        let path = ImportFiles.fixture("unrecognised.csv")
        let error = try #require(throws: GazetteerError.self) { try Gazetteer.importSites(fromFile: path) }
        guard case .unrecognisedFormat(let errorPath, let detail) = error else {
            Issue.record("expected unrecognisedFormat, got \(error)")
            return
        }
        #expect(errorPath == path)
        #expect(detail.contains("place_ar") && detail.contains("--from"))
        // Made here rather than committed: an empty file is byte-identical to one in the shared corpus.
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-empty-\(getpid()).csv").path
        FileManager.default.createFile(atPath: empty, contents: Data())
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(throws: GazetteerError.unrecognisedFormat(path: empty, detail: "the file is empty")) {
            try Gazetteer.importSites(fromFile: empty)
        }
    }

    @Test func anExplicitFormatOverridesTheGuess() throws {
        // Read as a site CSV, the GeoNames file has no header naming its columns.
        let path = ImportFiles.fixture("geonames-iq-sy.txt")
        #expect(throws: GazetteerError.self) { try Gazetteer.importSites(fromFile: path, format: .csv) }
        #expect(Gazetteer.ImportFormat(rawValue: "ourairports") == .ourAirports)
        #expect(Gazetteer.ImportFormat.allCases.map(\.rawValue) == ["ourairports", "geonames", "csv", "json"])
    }

    @Test func aMissingFileIsUnreadable() {
        #expect(throws: GazetteerError.unreadable(path: "/nonexistent/sites.csv",
                                                  detail: "no such file or no permission to read it")) {
            try Gazetteer.importSites(fromFile: "/nonexistent/sites.csv")
        }
    }

    @Test func aFileOverTheLimitIsRefusedBeforeReading() throws {
        // A sparse file: 2 GiB and one byte long, no disk blocks, never read.
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("gazetteer-oversize-\(UUID().uuidString).csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(Gazetteer.maximumImportBytes) + 1)
        try handle.close()
        let error = try #require(throws: GazetteerError.self) { try Gazetteer.importSites(fromFile: path) }
        #expect(error.description.contains("over the 2 GiB import limit"))
    }
}
