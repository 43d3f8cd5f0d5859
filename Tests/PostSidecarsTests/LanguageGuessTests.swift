import Foundation
import Testing
@testable import PostSidecars

/// The language a post's text shows when its sidecar names none.
@Suite struct LanguageGuessTests {
    @Test(arguments: [
        ("عاجل: جنود الخلافة يسيطرون على مطار الطبقة العسكري #ولاية_الرقة https://t.me/x/1", "ar"),
        // Iraqi Arabic writes گ and چ; it is still Arabic.
        ("شگد حلوة الچاي بالموصل اليوم والله", "ar"),
        // Addresses and handles are not words: this is an Arabic post.
        ("الموصل الآن @furatpost_official_channel https://x.com/furatpost/status/1426553791140831232", "ar"),
        ("Smoke over Mosul airport this morning after the strike #الموصل", "en"),
        ("داعش فرودگاه نظامی طبقه را تصرف کرد و یک هواپیما منهدم شد", "fa"),
        ("هێزەکانی سووریای دیموکرات گەیشتنە ناو شاری ڕەقە", "ckb"),
        ("شہر میں دھماکے کے بعد لوگوں نے پناہ لی اور پولیس پہنچ گئی", "ur"),
        ("Fighters of the group raised their flag over the airport after a night of clashes", "en"),
        ("Les combattants ont pris le contrôle de l'aéroport dans la nuit, selon des sources locales", "fr"),
        ("Die Kämpfer haben den Flughafen in der Nacht eingenommen und sind nicht abgezogen", "de"),
        ("Los combatientes tomaron el aeropuerto por la noche, según fuentes locales", "es"),
        ("Militanlar gece boyunca havalimanını ele geçirdi ve bir uçak imha edildi", "tr"),
        ("Şervanên QSD li bajarê Reqayê û herêma Tebqa hatin bicihkirin", "ku"),
        // Too little to tell: place names, a hashtag, a number.
        ("Mosul airport today", nil),
        ("#Raqqa 🏴", nil),
        ("", nil),
        ("1926 🙏", nil),
    ] as [(String, String?)])
    func guessesOnlyWhatTheTextPlainlyShows(text: String, expected: String?) {
        #expect(LanguageGuess.language(of: text) == expected, "\(text)")
    }

    @Test func aTableWithoutALanguageColumnGetsTheTextsLanguage() throws {
        let table = "file,text,language\na.jpg,سيطرة كاملة على معبر البوكمال الحدودي,\nb.jpg,The crossing was reopened to trucks on Monday,\nc.jpg,Crossing,\nd.jpg,Anything,und\n"
        let posts = try #require(try SidecarReader.read(path: "/nonexistent/notes.csv", data: Data(table.utf8))?.posts)
        #expect(posts.map(\.language) == ["ar", "en", nil, "und"], "a language the sidecar gives is kept as it is")
    }
}
