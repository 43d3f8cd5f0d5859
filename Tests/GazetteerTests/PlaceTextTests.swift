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

    @Test func skeletonsSurviveTransliteration() {
        let deir = ["Deir", "Dayr"].map { PlaceKeys.skeleton(PlaceText.forms($0)[0], script: .latin) }
        let zor = ["Zor", "Zour", "Zawr"].map { PlaceKeys.skeleton(PlaceText.forms($0)[0], script: .latin) }
        let menagh = ["Menagh", "Minaq", "Mennagh", "Minakh"].map { PlaceKeys.skeleton(PlaceText.forms($0)[0], script: .latin) }
        #expect(Set(deir).count == 1 && Set(zor).count == 1 && Set(menagh).count == 1)
    }

    @Test func arabicCliticsAreTakenOff() {
        #expect(PlaceKeys.variants("بالطبقه", script: .arabic).contains("طبقه"))
        #expect(PlaceKeys.variants("للمطار", script: .arabic).contains("مطار"))
        #expect(PlaceKeys.variants("والموصل", script: .arabic).contains("موصل"))
    }

    @Test func linksAndHandlesAreNoPlaces() {
        #expect(PlaceText.forms("مطار الطبقة https://t.me/deirezzor24 @raqqa_now") == ["مطار", "الطبقه"])
        #expect(PlaceText.forms("via www.mosul-news.com") == ["via"])
        // The line break around a link still ends the clause before it.
        #expect(PlaceText.words("Tabqa\nhttps://t.me/x\nMenagh").map(\.startsClause) == [true, true])
    }
}
