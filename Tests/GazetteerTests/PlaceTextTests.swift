import Foundation
import Testing
@testable import Gazetteer

@Suite struct PlaceTextTests {
    @Test func arabicIsFoldedAsPeopleTypeIt() {
        // Hamza forms, taa marbuta, alef maqsura, tashkeel, tatweel, Persian letters, digits.
        #expect(PlaceText.forms("أإآ ة ى") == ["ااا", "ه", "ي"])
        #expect(PlaceText.forms("مَطَارُ") == ["مطار"])
        #expect(PlaceText.forms("مطـــار") == ["مطار"])
        #expect(PlaceText.forms("کوبانی") == ["كوباني"])
        #expect(PlaceText.forms("الفرقة ١٧") == ["الفرقه", "17"])
    }

    @Test func latinIsFoldedAndHashtagsSplit() {
        #expect(PlaceText.forms("Qa'im Mosul's Cilvegözü") == ["qaim", "mosul", "cilvegozu"])
        #expect(PlaceText.forms("#TabqaAirbase #معركة_مطار_الطبقة") == ["tabqa", "airbase", "معركه", "مطار", "الطبقه"])
    }

    /// Text in NFD (accents as combining marks after their letters, as macOS gives it) reads as
    /// the same text precomposed: before, "Ş" typed as S + U+0327 split "Şanlıurfa" in two.
    @Test func combiningAccentsReadAsPrecomposedOnes() {
        let composed = "Şanlıurfa Kobanê Cilvegözü café أُعلنت"
        let decomposed = composed.decomposedStringWithCanonicalMapping
        #expect(decomposed.unicodeScalars.count > composed.unicodeScalars.count, "the test text is decomposed")
        #expect(PlaceText.forms(decomposed) == PlaceText.forms(composed))
        #expect(PlaceText.forms(decomposed) == ["sanliurfa", "kobane", "cilvegozu", "cafe", "اعلنت"])
    }

    @Test func skeletonsSurviveTransliteration() {
        let deir = ["Deir", "Dayr"].map { PlaceKeys.skeleton(PlaceText.forms($0)[0], script: .latin) }
        let zor = ["Zor", "Zour", "Zawr"].map { PlaceKeys.skeleton(PlaceText.forms($0)[0], script: .latin) }
        let menagh = ["Menagh", "Minaq", "Mennagh", "Minakh"].map { PlaceKeys.skeleton(PlaceText.forms($0)[0], script: .latin) }
        #expect(Set(deir).count == 1 && Set(zor).count == 1 && Set(menagh).count == 1)
        // Kurmanji x for kh: Xelîl, Khalil.
        let khalil = ["Xelîl", "Khalil", "Halil"].map { PlaceKeys.skeleton(PlaceText.forms($0)[0], script: .latin) }
        #expect(khalil[0] == khalil[1] && khalil[1] != khalil[2])
    }

    /// OCR: 0 and 1 between letters of a Latin word are O and I (l between small letters);
    /// dotless letters only OCR writes are the letters they lost the dots of, and mark the
    /// text as one whose dots were lost, as a dotless ى inside a word does.
    @Test func ocrDamageIsRead() {
        #expect(PlaceText.readingOCRDigits("TIKR1T A1RFIELD M0SUL Ba1ad") == "TIKRIT AIRFIELD MOSUL Balad")
        #expect(PlaceText.readingOCRDigits("F16 K1 T4 AH1Z B1B2 WA0031 Su24") == "F16 K1 T4 AH1Z B1B2 WA0031 Su24")
        #expect(PlaceText.forms("سد تشرىں") == ["سد", "تشرين"])
        #expect(PlaceText.hasLostDots("سد تشرىں") && PlaceText.hasLostDots("القوات العراقىة"))
        #expect(!PlaceText.hasLostDots("مطار دمشق الدولى") && !PlaceText.hasLostDots("مستشفى الموصل"))
        // A dotless ى inside a word may be any of ب ت ث ن ي; an ي as typed is an ي.
        let dotless = PlaceText.words("مبىى")[0].dotless
        #expect(PlaceKeys.losesDots("مبيي", from: "مبني", dotless: dotless))
        #expect(!PlaceKeys.losesDots("مبيي", from: "مبني", dotless: 0))
        #expect(PlaceKeys.losesDots("منبح", from: "منبج", dotless: 0) && !PlaceKeys.losesDots("منتج", from: "منبج", dotless: 0))
    }

    @Test func arabicCliticsAreTakenOff() {
        #expect(PlaceKeys.variants("بالطبقه", script: .arabic).contains("طبقه"))
        #expect(PlaceKeys.variants("للمطار", script: .arabic).contains("مطار"))
        #expect(PlaceKeys.variants("والموصل", script: .arabic).contains("موصل"))
    }

    @Test func linksAndHandlesAreNoPlaces() {
        #expect(PlaceText.forms("مطار الطبقة https://t.me/deirezzor24 @raqqa_now") == ["مطار", "الطبقه"])
        #expect(PlaceText.forms("via www.mosul-news.com") == ["via"])
        // Scraped without a scheme: t.me/…, a bare domain; "Mosul.Then" is two words.
        #expect(PlaceText.forms("مطار الطبقة t.me/deirezzor24 (orient-news.net)") == ["مطار", "الطبقه"])
        #expect(PlaceText.forms("Mosul.Then") == ["mosul", "then"])
        // The line break around a link still ends the clause before it.
        #expect(PlaceText.words("Tabqa\nhttps://t.me/x\nMenagh").map(\.startsClause) == [true, true])
    }
}

@Suite struct JoinedWordTests {
    /// A hyphen, slash or dash with no space after a word joins the next word to it (a route, a
    /// pair); a dash with a space is still a break between clauses.
    @Test func routesAreJoinedAndSpacedDashesEndClauses() {
        let route = PlaceText.words("Erbil–Istanbul flights")
        #expect(route.map(\.joinedToPrevious) == [false, true, false])
        #expect(route.map(\.startsClause) == [true, false, false])
        #expect(PlaceText.words("Deir ez-Zor / Raqqa, Homs/Hama").map(\.joinedToPrevious) == [false, false, true, false, false, true])
        let spaced = PlaceText.words("It isn't — the hangars are at K1")
        #expect(spaced.map(\.startsClause) == [true, false, true, false, false, false, false, false])
        #expect(!spaced.contains { $0.joinedToPrevious })
        // A dash after a word and before a space or the end still ends the clause.
        #expect(PlaceText.words("Tabqa— next Raqqa").map(\.startsClause) == [true, true, false])
    }
}

@Suite struct AcronymAndHeaderTests {
    /// Capitals-only words are acronyms in a text with small letters, not in a shouted one; the
    /// words before a post's first "|" are marked, for channel names heading it.
    @Test func acronymsAndTheFirstBar() {
        let words = PlaceText.words("CJTF-OIR: near Qayyarah | one strike")
        #expect(words.map(\.isAcronym) == [true, true, false, false, false, false])
        #expect(words.map(\.beforeFirstBar) == [true, true, true, true, false, false])
        #expect(PlaceText.words("a | b c | d").map(\.barsBefore) == [0, 1, 1, 2])
        #expect(!PlaceText.words("TABQA AIRBASE LIBERATED").contains { $0.isAcronym })
    }
}

@Suite struct TurkishSuffixTests {
    /// A Turkish case ending after an apostrophe is not part of the name; a name's own
    /// apostrophe (an ayn or a hamza) stays inside it.
    @Test func caseEndingsComeOffNamesNotApostrophes() {
        #expect(PlaceText.forms("Humus'un Halep'ten Üssü'nde") == ["humus", "halep", "ussu"])
        #expect(PlaceText.forms("Qa'im Rabi'a Shu'aytat Tabqa's") == ["qaim", "rabia", "shuaytat", "tabqa"])
    }
}

@Suite struct ArabiziTests {
    /// Digits inside Latin words are letters once two such words make the text Arabizi; the
    /// site words become Arabic, in Arabic's order.
    @Test func arabiziWordsAreSpelledInLetters() {
        #expect(Arabizi.latinised("el thuwwar fatu 3a matar 7ama el 3askari") == "el thuwwar fatu 3a مطار hama el العسكري")
        #expect(Arabizi.latinised("sabah el 5eir ya 7alab") == "sabah el kheir ya halab")
    }

    /// Models, codes, units and ordinals are not Arabizi: "T4", "K2", "Su24", "5km", "3rd", "7am".
    @Test func codesAndUnitsStayAsTheyAre() {
        for text in ["Su24 struck T4 at 5am, 3rd time", "K2 and T2 pumping stations, 5km apart", "F16s over H3 at 7pm",
                     "3ID moved 10km north", "B52 and MiG21"] {
            #expect(Arabizi.latinised(text) == nil, "\(text)")
        }
        #expect(Arabizi.latinised("meet at 7am near 3amoud") == nil, "one Arabizi-looking word alone is not enough")
    }

    /// Through the resolver: an Arabizi capture claims its site; an Arabizi greeting does not.
    @Test func arabiziPostsResolve() {
        let resolver = ClaimResolver(gazetteer: .builtIn)
        #expect(resolver.resolve("el thuwwar fatu 3a matar 7ama el 3askari w sar kello b2ideyna").first?.site.id == "builtin:hama-air-base")
        #expect(resolver.resolve("sabah el 5eir ya 7alab 🌹 3ayshin w ma mnensa").isEmpty)
    }
}
