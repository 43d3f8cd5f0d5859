import Testing
@testable import Gazetteer

@Suite struct GazetteerTests {
    @Test func everyBuiltInRowParses() {
        let rows = BuiltInSites.table.split(separator: "\n").filter {
            !$0.trimmingCharacters(in: .whitespaces).hasPrefix("#") && !$0.allSatisfy(\.isWhitespace)
        }
        #expect(Gazetteer.builtIn.sites.count == rows.count)
    }

    @Test func importsDoNotDuplicateACuratedSite() {
        var gazetteer = Gazetteer.builtIn
        let imported = Site(id: "ourairports:SY-0035", type: .airport, name: "Al Tabqah Airbase",
                            latitude: 35.7547, longitude: 38.5668, source: "test")
        let result = gazetteer.add([imported])
        #expect(result.added == 0 && result.skipped == 1)
    }

    @Test func nearIsSortedByDistance() {
        let gazetteer = Gazetteer(sites: [
            Site(id: "a", type: .city, name: "Far", latitude: 36.5, longitude: 44.0, source: "test"),
            Site(id: "b", type: .city, name: "Near", latitude: 36.2, longitude: 44.0, source: "test"),
            Site(id: "c", type: .city, name: "Out", latitude: 40.0, longitude: 44.0, source: "test"),
        ])
        let found = gazetteer.near(latitude: 36.19, longitude: 44.01, km: 40)
        #expect(found.map(\.site.id) == ["b", "a"])
        #expect(abs(found[0].km - 1.4) < 0.2)
    }

    @Test func nearWrapsAtTheAntimeridianAndReachesOverThePoles() {
        let gazetteer = Gazetteer(sites: [
            Site(id: "east", type: .city, name: "East", latitude: 10, longitude: 180, source: "test"),
            Site(id: "pole", type: .other, name: "Pole", latitude: 90, longitude: 0, source: "test"),
        ])
        #expect(gazetteer.near(latitude: 10, longitude: 179.99, km: 5).map(\.site.id) == ["east"])
        #expect(gazetteer.near(latitude: 10, longitude: -179.995, km: 5).map(\.site.id) == ["east"])
        #expect(gazetteer.near(latitude: 89.99, longitude: 120, km: 5).map(\.site.id) == ["pole"])
        // A radius past half the Earth's circumference finds everything, at once.
        #expect(gazetteer.near(latitude: 0, longitude: 0, km: 1e300).count == 2)
        #expect(gazetteer.near(latitude: 0, longitude: 0, km: .infinity).isEmpty)
    }
}

@Suite struct SiteLookupTests {
    /// People name sites by the codes they have: an OurAirports id merged into a built-in
    /// site, an ICAO or IATA code, an imported id without the `user:` prefix.
    @Test func sitesAreFoundByIdsAndCodes() throws {
        var gazetteer = Gazetteer.builtIn
        #expect(gazetteer.site(named: "ourairports:ORER")?.id == "builtin:erbil-international-airport")
        #expect(gazetteer.site(named: "OSDZ")?.id == "builtin:deir-ez-zor-air-base")
        #expect(gazetteer.site(named: "osdz") == nil, "a code is written in capitals; \"dam\" is a word, not DAM")
        #expect(gazetteer.site(named: "DEZ")?.id == "builtin:deir-ez-zor-air-base")
        #expect(gazetteer.site(named: "no such code") == nil)
        gazetteer.add([Site(id: "user:my:smoke-hill", type: .city, name: "Smoke Hill", latitude: 35.8, longitude: 38.6, source: "own")])
        #expect(gazetteer.site(named: "my:smoke-hill")?.id == "user:my:smoke-hill")
        let resolver = ClaimResolver(gazetteer: gazetteer)
        #expect(resolver.search("ORER").first?.id == "builtin:erbil-international-airport")
        #expect(resolver.search("Smoke Hill").first?.id == "user:my:smoke-hill")
    }

    /// A search is a name, not a sentence: its first word is looked up in every spelling, as
    /// `claims resolve` does inside a post ("Al Thaurah airport" is the Thawra air base), but a match
    /// by loose skeleton only ("Green" for Korean Village) comes after names that hold the
    /// words as written (the Green Zone's sites).
    @Test func searchFindsSpellingVariantsAfterWrittenNames() throws {
        let resolver = ClaimResolver(gazetteer: .builtIn)
        #expect(resolver.search("Al Thaurah airport").first?.id == "builtin:tabqa-air-base")
        #expect(resolver.search("Al Thaurah").prefix(3).contains { $0.id == "builtin:tabqa-air-base" })
        // A bare name is the town first, as in a post; with a type word, the site of that type.
        #expect(resolver.search("Qamishly").first?.id == "builtin:qamishli")
        #expect(resolver.search("Albukamal").first?.id == "builtin:abu-kamal")
        #expect(resolver.search("Mosul dam").first?.id == "builtin:mosul-dam")
        // A name typed as two words the gazetteer writes as one.
        #expect(resolver.search("Fish Khabur crossing").first?.id == "builtin:fishkhabur-semalka-crossing")
        let green = resolver.search("Green")
        let korean = try #require(green.firstIndex { $0.id == "builtin:korean-village" })
        let writesGreen = { (site: Site) in site.allNames.contains { $0.lowercased().contains("green") } }
        #expect(korean > 0 && green[..<korean].allSatisfy(writesGreen), "\(green.map(\.name))")
    }
}
