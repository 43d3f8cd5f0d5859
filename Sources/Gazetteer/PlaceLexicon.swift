/// The words around a place name that say what kind of site is meant, whether it is being
/// claimed now, and which names are too common to count on their own. English and Arabic.
enum PlaceLexicon {
    /// A site-type word or phrase and the types it points to, with weights: "air base"
    /// points at an air base more than at an airport, "airport" the other way round.
    struct TypeWord {
        let words: [String]
        let weights: [SiteType: Double]
        /// An Arabic adjective (العسكري, الجوية, الحدودي) follows the name it qualifies.
        let isArabicAdjective: Bool
    }

    static let typeWords: [TypeWord] = {
        var table: [TypeWord] = []
        func add(_ phrases: [String], _ weights: [SiteType: Double], adjective: Bool = false) {
            for phrase in phrases {
                let words = PlaceText.words(phrase).map { PlaceKeys.canonical($0.form, script: $0.script) }
                table.append(TypeWord(words: words, weights: weights, isArabicAdjective: adjective))
            }
        }
        let airfield: [SiteType: Double] = [.airport: 1.0, .airBase: 0.8, SiteType(rawValue: "heliport"): 0.5]
        let airBase: [SiteType: Double] = [.airBase: 1.5, .airport: 0.6, .militaryBase: 0.6]
        let base: [SiteType: Double] = [.militaryBase: 1.0, .airBase: 0.8]
        let military: [SiteType: Double] = [.airBase: 0.6, .militaryBase: 0.6]
        let crossing: [SiteType: Double] = [.borderCrossing: 1.0]
        let border: [SiteType: Double] = [.borderCrossing: 0.6]
        let bank: [SiteType: Double] = [.bank: 1.0]
        let television: [SiteType: Double] = [.tvStation: 1.0]
        let dam: [SiteType: Double] = [.dam: 1.0]
        let city: [SiteType: Double] = [.city: 1.0]
        let unit: [SiteType: Double] = [.militaryBase: 1.0]
        let oil: [SiteType: Double] = [.oilField: 1.0, SiteType(rawValue: "oil_refinery"): 0.8]

        add(["airport", "airports", "airfield", "airstrip", "aerodrome", "air field", "air strip", "landing strip",
             "مطار", "مطارات", "مهبط", "المهبط",
             // French and German, which news agencies' posts are often in; Turkish and Kurmanji.
             "aéroport", "aérodrome", "flughafen", "flugplatz", "havalimanı", "havaalanı", "balafirgeh", "balafirgeha",
             // Sorani, with and without the ezafe: فڕۆکەخانەی نێودەوڵەتی سلێمانی.
             "فڕۆکەخانە", "فڕۆکەخانەی",
             // The Arabic word in Latin letters, in posts too short to be read as Arabizi ("el
             // shabab fatto 3a matar Abu el Zouhour": one word with a digit-letter).
             "matar", "mataar"], airfield)
        add(["runway", "runways", "hangar", "hangars", "apron", "tarmac", "flight line", "مدرج", "المدرج", "هنغار", "هنغارات"],
            [.airBase: 0.8, .airport: 0.8])
        add(["air base", "airbase", "air force base", "afb", "air station", "air bases", "airbases",
             "base aérienne", "militärflughafen", "militärflugplatz", "luftwaffenbasis", "fliegerhorst", "luftwaffenstützpunkt",
             "hava üssü", "hava üssünde", "hava üssüne"], airBase)
        add(["قاعدة جوية", "القاعدة الجوية"], airBase)
        add(["الجوية", "جوية", "الجوي", "جوي"], [.airBase: 0.7], adjective: true)
        add(["base", "bases", "camp", "garrison", "barracks", "قاعدة", "قواعد", "معسكر", "ثكنة",
             "stützpunkt", "militärstützpunkt", "militärbasis"], base)
        add(["military", "militaire"], military)
        add(["العسكري", "عسكري", "العسكرية", "عسكرية"], military, adjective: true)
        add(["international", "intl", "الدولي", "دولي"], [.airport: 0.3], adjective: true)
        add(["crossing", "border crossing", "crossing point", "border gate", "border post", "port of entry",
             "معبر", "منفذ", "المنفذ الحدودي", "المعبر الحدودي", "بوابة", "poste frontière", "grenzübergang",
             "sınır kapısı", "deriyê sînor", "derîyê sînor",
             // Turkish case forms: "Akçakale sınır kapısının Suriye tarafına" (of the border gate).
             "sınır kapısının", "sınır kapısında", "sınır kapısına", "sınır kapısından", "sınır kapısını",
             // Kurmanji "the gate of": Deriyê Sêmalkayê.
             "deriyê", "derîyê"], crossing)
        add(["border", "frontier", "gate", "checkpoint", "customs", "حدود", "جمرك", "جمارك"], border)
        add(["الحدودي", "حدودي", "الحدودية", "حدودية"], border, adjective: true)
        add(["bank", "banks", "central bank", "مصرف", "بنك", "البنك المركزي", "المصرف المركزي"], bank)
        add(["branch", "فرع"], [.bank: 0.3])
        add(["tv", "television", "tv station", "broadcaster", "broadcasting", "radio", "radio station", "channel",
             "تلفزيون", "تلفاز", "التلفزيون", "قناة", "اذاعة", "الإذاعة والتلفزيون", "هيئة الإذاعة"], television)
        add(["dam", "dams", "barrage", "سد", "سدود", "ناظم", "staudamm", "talsperre", "baraj", "barajı", "bendav", "bendava", "bendavê"], dam)
        add(["city", "town", "village", "old city", "مدينة", "بلدة", "قرية", "المدينة القديمة",
             // German, Turkish ("Tel Abyad ilçe merkezi": the district's town) and Kurmanji. (Not French
             // "ville": wire copy funds "la vieille ville de Mossoul" far more than it takes towns.)
             "stadt", "ilçe merkezi", "ilçe merkezine", "ilçe merkezinde", "ilçesi", "şehir merkezi", "kent merkezi",
             "bajar", "bajarê"], city)
        add(["division", "brigade", "regiment", "battalion", "headquarters", "hq",
             "الفرقة", "فرقة", "اللواء", "لواء", "الفوج", "فوج", "كتيبة", "مقر"], unit)
        add(["oil field", "oilfield", "gas field", "refinery", "oil", "حقل", "حقول", "مصفاة", "النفطي", "نفط", "raffinerie",
             "gas plant", "oil wells", "wells", "معمل غاز", "معمل الغاز", "حقل غاز", "حقل الغاز", "آبار", "ابار النفط", "آبار النفط"], oil)
        return table
    }()

    /// What a word of the post tells of, for the rules that look at the whole post (weather,
    /// sport, travel, a far country…): ``topicsByWord`` answers for all the lists at once, so
    /// that each word is looked up once, not once per list.
    struct Topics: OptionSet, Sendable {
        let rawValue: UInt16
        static let dailyLife = Topics(rawValue: 1 << 0)
        static let pilgrimage = Topics(rawValue: 1 << 1)
        static let job = Topics(rawValue: 1 << 2)
        static let sports = Topics(rawValue: 1 << 3)
        static let everydayReport = Topics(rawValue: 1 << 4)
        static let travel = Topics(rawValue: 1 << 5)
        static let weekday = Topics(rawValue: 1 << 6)
        static let farCountry = Topics(rawValue: 1 << 7)
        static let farPlace = Topics(rawValue: 1 << 8)
        static let broadcast = Topics(rawValue: 1 << 9)
        static let fiction = Topics(rawValue: 1 << 10)
        static let factCheckTag = Topics(rawValue: 1 << 11)
        /// The first word of a ``trafficPhrases`` phrase.
        static let traffic = Topics(rawValue: 1 << 12)
    }

    /// The topics of each word of ``dailyLifeWords``, ``pilgrimageWords``, ``jobWords``,
    /// ``sportsWords``, ``everydayReportWords``, ``travelWords``, ``weekdays``,
    /// ``farCountries``, ``farPlaces``, ``broadcastWords``, ``fictionWords``, ``factCheckTags``
    /// and the first words of ``trafficPhrases``.
    static let topicsByWord: [FoldedWord: Topics] = {
        var table: [FoldedWord: Topics] = [:]
        let lists: [(WordSet, Topics)] = [
            (dailyLifeWords, .dailyLife), (pilgrimageWords, .pilgrimage), (jobWords, .job), (sportsWords, .sports),
            (everydayReportWords, .everydayReport), (travelWords, .travel), (weekdays, .weekday), (farCountries, .farCountry),
            (farPlaces, .farPlace), (broadcastWords, .broadcast), (fictionWords, .fiction), (factCheckTags, .factCheckTag),
            (trafficFirstWords, .traffic),
        ]
        for (words, topic) in lists { for word in words { table[word, default: []].insert(topic) } }
        return table
    }()

    /// Arabic type nouns written in Latin letters ("matar Abu el Zouhour"): like مطار, they
    /// stand before their name.
    static let arabicNounsInLatin: Set<String> = ["matar", "mataar"]

    /// Positions in ``typeWords`` by their first word, for scanning.
    static let typeWordsByFirst: [String: [Int]] = Dictionary(grouping: typeWords.indices) { typeWords[$0].words[0] }
    /// The same, longest phrase first.
    static let typeWordsByFirstLongestFirst: [String: [Int]] = typeWordsByFirst.mapValues {
        $0.sorted { typeWords[$0].words.count > typeWords[$1].words.count }
    }

    /// Words after which a named place is a goal, not something taken: "next", "soon",
    /// الهدف القادم. A post that names its target and its next target claims the first.
    /// Directions ("towards", نحو) are not goals: convoys "reached Tabqa" after marching towards it.
    /// ("target" is most often the verb, an attack: "rockets target Ain al-Asad"; "next
    /// target" is caught by "next".)
    static let futureCues: WordSet = canonicalSet([
        "next", "soon", "tomorrow", "tmrw", "tmw", "coming", "ناوين", "ناوي", "upcoming", "will", "onward", "eyes", "preparing",
        // Still on the road: "advancing toward", "on its way to", "heading to", "ETA". (Not
        // تتقدم: Arabic posts "advance" in the airport as much as toward it.)
        "advancing", "heading", "way", "eta", "route", "objective",
        "القادم", "القادمة", "التالي", "التالية", "قريبا", "الهدف", "المقبل", "المقبلة", "سنحرر", "سندخل", "قادمون",
        // Iraqi and Levantine "the next one": ان شاء الله الجاية تلعفر.
        "الجايه", "الجاي", "الياي", "اليايه",
        // Tomorrow (Iraqi باجر, Levantine بكرا); "the appointed place": والموعد بغداد وكربلاء.
        "غدا", "الغد", "باجر", "بكرا", "بكره", "الموعد",
        // "We will return" (سنعود، عائدون; Arabizi "ra7 nerja3"); Turkish "next target"
        // (Sıradaki hedef Münbiç!).
        "سنعود", "عائدون", "nerja", "sıradaki", "sonraki", "hedef",
        // "in preparation for", "eyes on": استعداداً لمعركة …, والعيون على …
        "استعدادا", "تمهيدا", "العيون",
        // Plans: "approves a plan to turn Rasheed airbase into …", ندرس إعادة تأهيل مطار …
        "plan", "plans", "planned", "proposal", "proposed", "خطه", "مشروع", "ندرس", "يدرس", "تدرس", "دراسه",
        // On the road: رتل متجه إلى الموصل, في طريقها إلى سامراء.
        "متجه", "متجهه", "متجهين", "متوجه", "متوجهه", "متوجهين", "طريقها", "طريقه", "طريقهم",
        // Forecasts: زحام شديد متوقع على منفذ …, "expected to fall".
        "متوقع", "متوقعه", "expected",
        // "Will remain", "will stay", as "will" in English: كوباني ستبقى رمزاً للمقاومة is a slogan.
        "ستبقى", "سيبقى", "ستظل", "سيظل",
    ])

    /// The words before "way" that make it a road taken: "on its way", "on their way".
    static let wayOwners: Set<String> = ["its", "the", "their", "our", "his", "her", "my", "your"]

    /// "then", ثم, بعدها: opening a clause after a goal, it names the next goal.
    static let thenWords: WordSet = canonicalSet(["then", "ثم", "وبعدها", "بعدها"])

    /// Unity slogans, which list towns to say they are one country: "From Zakho to Faw, one
    /// Iraq", سوريا واحدة, شعب واحد.
    static let unityPhrases = PhraseList([
        "one syria", "one iraq", "one people", "onesyria", "oneiraq", "سوريا واحده", "سوريه واحده", "العراق واحد",
        "شعب واحد", "واحد واحد واحد",
        // "From Baghdad to Damascus to Beirut, the axis of resistance is one".
        "axis of resistance", "محور المقاومه",
    ])

    /// Words after which a place only locates another one: "east of Aleppo", "ريف حلب".
    static let referenceCues: WordSet = canonicalSet([
        "near", "outside", "east", "west", "north", "south", "northeast", "northwest", "southeast", "southwest",
        "eastern", "western", "northern", "southern",
        "countryside", "outskirts", "province", "governorate", "between",
        // A town's desert: بادية حمص, the Homs Badia.
        "بادية", "ببادية", "badia",
        "قرب", "بالقرب", "شرق", "غرب", "شمال", "جنوب", "شرقي", "غربي", "شمالي", "جنوبي", "ريف", "محافظة", "اطراف",
        "ضواحي", "بين",
        // German wire copy: "der Militärflugplatz Schairat südöstlich von Homs".
        "östlich", "westlich", "nördlich", "südlich", "nordöstlich", "nordwestlich", "südöstlich", "südwestlich", "nahe",
    ])

    /// Words after which a place is only where someone or something came from, even with no
    /// "from": "families flee Damascus", "a native of Homs", من أبناء حمص.
    static let originWords: WordSet = canonicalSet([
        "fled", "flee", "flees", "fleeing", "escaped", "native", "natives", "hails", "ابناء",
        // Where someone was born or grew up: "Born in Qamishlo, living in Stockholm", من مواليد حلب.
        "born", "raised", "مواليد", "ولدت",
        // "One of the people of Mayadin": الشاب … من أهالي الميادين.
        "اهالي",
    ])
    /// Words that make a place an origin when "from" (من) follows them: "a fighter from Homs",
    /// "jets operating from Hmeimim", "took off from", "crossed from Akçakale", أقلعت من.
    /// Without "from" they are no cue: "rockets launched at Ain al-Asad" is the target.
    static let originBeforeFrom: WordSet = canonicalSet([
        "operating", "operated", "launched", "launching", "fired", "flying", "flew", "flown", "off", "takeoff",
        "crossed", "came", "coming", "pushing", "displaced", "evacuated", "returned", "relocated", "arrived", "arriving", "arrive",
        "leaving", "travelling", "traveling", "departing", "نطلع", "طالعين", "نسافر", "مسافر", "مسافرين",
        // Troops on the move: "moved from the Euphrates Dam into Tabqa", انتقلت من.
        "moved", "advanced", "pushed", "marched", "انتقل", "انتقلت", "انتقلوا",
        "fighter", "fighters", "protesters", "protestors", "refugees", "volunteers", "families", "guest", "guests", "ضيوف", "ضيف",
        // People a meeting receives from their home region: "met tribal elders from Deir
        // ez-Zor in Damascus", استقبل وجهاء من دير الزور, وفد من الرقة.
        "elders", "notables", "dignitaries", "delegation", "delegations", "وجهاء", "شيوخ", "وفد", "وفدا",
        // Aircraft named by where they fly from: "a strike by jets from Tabqa air base", طائرات من.
        "jets", "jet", "warplanes", "planes", "aircraft", "helicopters", "drones", "bombers", "طائرات", "الطائرات", "طيران",
        // Iraqi "عندي طيارة من مطار بغداد": my flight leaves from Baghdad airport.
        "طياره",
        "اقلعت", "انطلقت", "انطلق", "اطلقت", "اطلق", "تنطلق", "ينطلق", "ستنطلق", "انطلاق", "انطلقوا", "قادمه", "قادمين", "قادما", "نزح", "نزحوا", "نازحين", "النازحين",
        "فر", "فروا", "هرب", "هربوا", "خرجوا", "مقاتلين", "مقاتلون", "مقاتل", "تصل", "وصلت", "يصل",
    ])
    /// Verbs by which a bank is the institution, not a building: "the Central Bank issues a
    /// new rate", مصرف سورية المركزي يصدر نشرة.
    static let institutionVerbs: WordSet = canonicalSet([
        "issues", "issued", "announces", "announced", "sets", "raises", "cuts", "lowers", "devalues", "prints", "says",
        "يصدر", "تصدر", "اصدر", "اصدرت", "يعلن", "تعلن", "اعلن", "اعلنت", "يرفع", "يخفض", "يحدد", "تحدد", "يطبع",
    ])

    /// Words that report who says something ("Next target, they say: Tishreen Dam", "Raqqa,
    /// activists said, has fallen"): they stand between a cue and its place without moving it.
    static let reportingWords: WordSet = canonicalSet([
        "they", "say", "says", "said", "claim", "claims", "claimed", "reportedly", "allegedly", "reports", "reported",
        "يقولون", "يقول", "تقول", "قالوا", "حسب", "بحسب", "وفق",
    ])

    /// Words that put a statement in others' mouths ("fake news says this is an old photo",
    /// "enemy media calls it a file photo", يزعمون أنها صورة قديمة): what follows is their claim.
    static let claimedByOthersWords: WordSet = canonicalSet([
        "say", "says", "said", "claim", "claims", "claimed", "claiming", "call", "calls", "called", "calling",
        "allege", "alleges", "alleged", "alleging",
        "يقول", "يقولون", "تقول", "قال", "قالوا", "يزعم", "يزعمون", "تزعم", "زعم", "زعموا", "يدعي", "يدعون", "تدعي", "ادعى",
        "يروج", "يروجون", "تروج",
    ])
    /// Words by which a post rejects that claim and says its picture is new: "it is not",
    /// "they are from today", "taken this morning", "is lying", بل هي … اليوم, والحقيقة أنها.
    static let newnessRebuttals: WordSet = canonicalSet([
        "today", "tonight", "morning", "now", "lying", "lie", "lies", "liar", "liars",
        "اليوم", "الليله", "صباح", "الان", "الآن", "بل", "والحقيقه", "كذب", "كاذب", "كاذبه", "يكذبون",
    ])

    /// The words a cue window does not count: gap words and reporting words, in one set so
    /// that each word is looked up once.
    static let uncountedWords: WordSet = gapWords.union(reportingWords)

    /// Buildings of an institution: مبنى محافظة كركوك is the governorate's building in the town.
    static let buildingWords: WordSet = canonicalSet(["مبنى", "مقر", "ديوان", "building", "headquarters"])

    /// "from" and من.
    static let fromWords: WordSet = canonicalSet(["from", "من"])

    /// Phrases by which a post remembers a past event rather than shows a present one: "on
    /// this day in 2016", "years ago", في مثل هذا اليوم. Such a post claims no site now. (The
    /// word "anniversary" alone is no such phrase: "Speicher massacre anniversary" posts
    /// show the base.)
    static let anniversaryPhrases = PhraseList([
        "on this day", "this day in", "years ago", "year ago", "في مثل هذا اليوم",
        // Remembering, not showing: "we remember the martyrs of Kobani", نستذكر, Kurmanji
        // "bi bîr tînin", Turkish "anıyoruz"; a "throwback" to a trip.
        "we remember", "in memory of", "remembering the", "نستذكر", "نتذكر", "bi bîr tînin", "bi bîr dixin", "anıyoruz",
        "i remember", "i still remember", "اتذكر",
        "throwback", "tbt", "flashback",
        // Counting the years: "11 years since the siege was broken". (Not "never forget" or
        // لن ننسى: massacre anniversaries show the base; nor "three years of" or بعد سنوات:
        // "the siege broken after three years".)
        "years since", "year since",
        // The same abbreviated: "10 yrs ago today Kobanê was liberated".
        "yrs ago", "yr ago", "yrs since",
        // A thread looking back: "How Mosul fell in June 2014: a retrospective".
        "retrospective", "a look back", "looking back at", "looking back on",
        // A liberation day celebrated ("Happy Kobanê Liberation Day from Berlin").
        "liberation day",
    ])

    /// Words that name an anniversary ("the anniversary of the fall of Tabqa airbase", ذكرى):
    /// a post marking one presents its picture as of the past, not as news.
    static let anniversaryWords: WordSet = canonicalSet([
        "anniversary", "ذكرى", "الذكرى", "بذكرى", "ذكري", "الذكري", "yıldönümü", "salvegera", "salvegerê",
    ])

    /// Ordinals that count an anniversary's years ("the fifth anniversary of Mosul's
    /// liberation", الذكرى الخامسة لتحرير الموصل, الذكرى الحادية عشرة لجريمة سبايكر): counted,
    /// it is remembered, as "years since" is; a bare "Speicher massacre anniversary" shows the base.
    /// "Before" (قبل) and the years it counts back, with a number between or not: قبل عامين,
    /// قبل سنتين, قبل 3 سنوات, قبل ثلاث سنوات, قبل عام: "two years ago" in Arabic, a picture of
    /// the past given as such.
    static let beforeWords: WordSet = canonicalSet(["قبل"])
    /// See `beforeWords`.
    static let yearsWords: WordSet = canonicalSet([
        "عام", "عاما", "عامين", "عامان", "سنة", "سنه", "سنتين", "سنتان", "سنوات", "اعوام", "أعوام", "سنين",
    ])
    /// See `beforeWords`: the numbers a count of years back is written with in words.
    static let smallNumberWords: WordSet = canonicalSet([
        "ثلاث", "ثلاثة", "اربع", "أربع", "اربعة", "أربعة", "خمس", "خمسة", "ست", "ستة", "سبع", "سبعة", "ثماني", "ثمانية",
        "تسع", "تسعة", "عشر", "عشرة", "بضع", "بضعة", "عدة",
    ])

    static let anniversaryOrdinals: WordSet = canonicalSet([
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
        "twelfth", "thirteenth", "fourteenth", "fifteenth", "twentieth",
        "الاولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة", "العاشرة",
        "الحادية", "العشرين", "الأولى",
        // "The annual anniversary" (الذكرى السنوية لمجزرة سبايكر) marks the yearly memorial,
        // as counting the years does.
        "السنوية", "annual",
    ])

    /// Words by which a post calls a report false: "rumours of a strike", "the ministry
    /// denies", شائعات, ينفي, كذب.
    static let denialCues: WordSet = canonicalSet([
        "rumour", "rumours", "rumor", "rumors", "hoax", "denies", "denied", "deny", "denying", "untrue",
        "شائعه", "شائعات", "اشاعه", "اشاعات", "ينفي", "تنفي", "نفى", "نفت", "ينفون", "كذب",
        // Casting doubt on a report: مصادر تشكك في رواية سقوط المطار.
        "يشكك", "تشكك", "شكك", "شككت", "يشككون",
    ])
    /// Phrases that call a report false or say all is as usual: "no truth", "was NOT hit",
    /// "operating normally", لا صحة, بشكل طبيعي, Iraqi ماكو شي "there is nothing".
    static let denialPhrases = PhraseList([
        "no truth", "not true", "not hit", "wasn't hit", "wasnt hit", "no strike", "operating normally", "nothing happened",
        "are false", "is false", "was false", "were false", "are fake", "is fake", "are untrue", "is untrue",
        "completely false", "totally false", "completely untrue", "entirely false",
        // "Officials cast doubt on the 'Mosul bank heist'."
        "cast doubt", "casts doubt", "casting doubt",
        "لم يحدث شيء", "ما صار شي",
        "لا صحه", "عار عن الصحه", "غير صحيح", "بشكل طبيعي", "ماكو شي", "ما في شي", "مافي شي",
    ])
    /// "Fake" and "false": a denial in a post about no picture.
    static let fakeWords: WordSet = canonicalSet(["fake", "false"])

    /// Words of a job advert ("We're hiring: logistics coordinator based in Erbil, travel to the
    /// Ibrahim Khalil border area; send CV", مجلس مدينة الميادين يعلن عن حاجته لعمال … على
    /// الراغبين مراجعة …): the places named are where the work is.
    static let jobWords: WordSet = canonicalSet([
        "hiring", "vacancy", "vacancies", "cv", "applicants", "وظيفه", "وظائف", "توظيف", "شاغر", "شاغره",
        // "Recruiting: drivers needed for the Erbil–Duhok line, clean licence required."
        "recruiting", "recruitment",
        // مطلوب محاسب … خبرة لا تقل عن سنتين، الراتب مغري: experience and pay.
        "salary", "الراتب", "راتب", "خبره",
        // على الراغبين مراجعة … "those interested should apply to …"; ارسال السيرة الذاتية, "send your CV".
        "الراغبين", "الراغبات", "السيره",
    ])

    /// Words of sports news (a transfer, a player arriving, a result): the places named are
    /// where the club plays or the player lands.
    static let sportsWords: WordSet = canonicalSet([
        "footballer", "striker", "midfielder", "goalkeeper", "transfer", "اللاعب", "مهاجم", "يتعاقد", "تعاقد", "التعاقد",
        // A result: "FT | Zakho 2–1 Al-Shorta", "scored twice", الشوط الثاني.
        "ft", "goals", "scored", "standings", "kickoff", "الشوط",
        // Fixtures and cups: "next fixture away at Zakho", يتأهل لنهائي كأس الجمهورية بهدفين.
        // (Not "match" or "vs": geolocation threads match hangars, "Kobani now vs 2015".)
        "fixture", "league", "مباراه", "المباراه", "الدوري", "كاس", "نهائي", "هدفين", "بهدفين",
        // Combat sports: "K-1 kickboxing: Kirkuk-born Rebwar wins by KO in Tokyo".
        "kickboxing", "boxing", "boxer", "mma", "ufc", "championship", "tournament",
    ])

    /// Words of the everyday reports a site's name turns up in: exchange rates (USD/SYP, buy
    /// and sell), a dam lake's storage (الخزين الكلي 5.1 مليار م³), flight tables (جدول رحلات),
    /// holiday offers (عروض فندق), the weather office (الأرصاد: أمطار رعدية). A place named in
    /// them is where life goes on. (Not queues or traffic: a photo of the queue at a crossing
    /// shows the crossing.)
    static let everydayReportWords: WordSet = canonicalSet([
        "usd", "syp", "iqd", "buy", "sell", "شراء", "مبيع",
        // (A lake's storage, not its level: "the level falls, today's photos show" is the dam.)
        "الخزين", "مخزون",
        "جدول", "departures", "arrivals", "boarding",
        "عروض", "offers", "resort", "منتجع",
        "الارصاد", "رعديه",
        // The weather office (الانواء الجوية: visibility under 1,000 m at Baghdad airport), a
        // reservoir's share of its capacity ("Dukan Dam down to 35% of capacity") and the farmers
        // told to plant less. (Not "reservoir" alone: photos of a dam's reservoir show the dam.)
        "الانواء", "capacity", "farmers", "الفلاحين", "المزارعين",
        // The farmers in Sorani too (جووتیارانی ڕانیە … نیگەرانن). (Not drought: "the lake of
        // Dukan Dam at its lowest for the drought, today's photos show…" is the dam.)
        "جووتیاران", "جووتیارانی",
        // Turkish snowfall (Akçakale'de yoğun kar yağışı bekleniyor); vegetables at the market
        // (طماطة سفوان نزلت للسوگ).
        "yağışı", "طماطه", "الطماطه", "خضار", "الخضار",
        // Tenders: مناقصة لأعمال صيانة …، آخر موعد لتقديم العطاءات.
        "مناقصه", "العطاءات", "tender", "tenders",
    ])

    /// Cities, regions and currencies far from Iraq and Syria, beside ``farCountries``: a post
    /// set there (a hotel at Quseir on the Red Sea paid in pounds, Balad north of Mogadishu, a
    /// car seen in Dubai, Damascus, Oregon, the Air Force Academy in Colorado) names a site's
    /// namesake, not the site. (Not Washington: wire reports from there are datelined so.)
    static let farPlaces: WordSet = canonicalSet([
        // Diaspora cities a post is written from ("Happy Kobanê Liberation Day from Berlin"),
        // and Germany as the diaspora writes it ("7 sneen b almanya"). (Not Beirut: the Masnaa
        // crossing is on the Beirut–Damascus road.)
        "almanya", "berlin", "hamburg", "munich", "stockholm", "london", "paris", "amsterdam", "vienna", "brussels", "copenhagen",
        "tokyo", "dubai", "دبي", "emirates", "الامارات", "جنيه", "الجنيه", "mogadishu", "مقديشو", "shabelle",
        "sinai", "سيناء", "hurghada", "الغردقه", "oregon", "maryland", "pennsylvania", "ohio", "texas", "indiana", "illinois",
        "colorado", "california", "virginia", "florida", "arizona", "nevada", "alabama", "kentucky", "oklahoma", "kansas",
        "carolina", "michigan", "tennessee", "missouri", "louisiana", "utah", "massachusetts", "wisconsin",
        // Counties are American or British ("schools closed in Palmyra and Lebanon, per the county").
        "county",
    ])
    /// The same as phrases: the Red Sea, البحر الأحمر.
    static let farPlacePhrases = PhraseList(["red sea", "البحر الاحمر"])
    /// Phrases of a fact-check that puts a picture in another country: "old + wrong country".
    static let elsewherePhrases = PhraseList(["wrong country", "another country", "different country", "بلد اخر", "دوله اخرى"])

    /// Words that make a question a report: "did you see what happened today at Safwan
    /// crossing?", شفتوا اللي صار اليوم بمنفذ سفوان؟
    static let sawWords: WordSet = canonicalSet(["شفتوا", "شفتو", "شفتي", "سمعتوا", "سمعتو", "seen"])

    /// Words of "now" that mark the current event among past ones: "… and today our forces
    /// entered Ain Issa city", اليوم, الآن.
    static let nowWords: WordSet = canonicalSet(["today", "now", "اليوم", "الان", "الآن", "هلق", "هسه", "هسا"])

    /// Phrases of everyday notices: a traffic alert (تنبيه مروري: the airport road closed
    /// for works) names the places travellers pass, not places taken or struck; "life goes
    /// on" tells of daily life. (Not the word مروري alone: "traffic at the Nasib crossing this
    /// morning" shows the crossing.)
    static let everydayPhrases = PhraseList([
        "تنبيه مروري", "traffic alert", "traffic advisory", "حادث سير", "road closure",
        // "Life goes on": a sunset on the corniche, not a place taken.
        "life goes on", "الحياه مستمره",
        // Statements that stress what matters (يؤكد أهمية … تأمين منفذ القائم). (Not a closure
        // "until further notice": the writers label a crossing closed so the crossing.)
        "يؤكد أهمية", "أكد أهمية", "ويؤكد أهمية", "وأكد أهمية", "stresses the importance", "stressed the importance",
        "reaffirm our commitment", "reaffirms its commitment", "نجدد التزامنا", "تؤكد التزامها", "يؤكد التزامه",
        // Agreements signed (توقيع اتفاق بين بغداد وأربيل لتطبيع الأوضاع في سنجار), adverts.
        "توقيع اتفاق", "signed an agreement", "sign an agreement", "for rent", "for sale", "للايجار", "للإيجار", "للبيع",
    ])

    /// Words of a reporter on the spot ("our reporter at the Habur gate", مراسلنا في منفذ
    /// …): the post shows the place, whatever threat or timetable it also reports.
    static let reporterWords: WordSet = canonicalSet(["reporter", "correspondent", "مراسل", "مراسلنا", "مراسلتنا", "موفدنا"])

    /// Words of a retreat: where forces "pulled back towards" is not what the post claims
    /// ("SNA factions take Manbij after the SDF pulled back east of the Euphrates towards Tishrin dam").
    static let retreatWords: WordSet = canonicalSet([
        "retreat", "retreated", "retreating", "withdrew", "withdrawn", "withdrawing", "pulled", "fled",
        "انسحب", "انسحبت", "انسحبوا", "انسحاب", "تراجع", "تراجعت", "تراجعوا",
    ])

    /// Words that name no place alone: nationalities and "state", "national", "central". A
    /// name made of them only ("Syrian state" television headquarters) needs its type word:
    /// "integration into the Syrian state" is no TV building.
    static let genericNameWords: WordSet = canonicalSet([
        "syrian", "iraqi", "turkish", "kurdish", "russian", "american", "state", "national", "central", "general",
        "public", "official", "سوري", "السوري", "السوريه", "عراقي", "العراقي", "العراقيه", "الوطني", "المركزي", "الرسمي",
        "العام", "الحكومي",
    ])

    /// Words that make the name beside them a village's: "al-Nayrab villages", قرية النيرب.
    static let villageWords: WordSet = canonicalSet(["village", "villages", "hamlet", "قريه", "قرى", "بلده"])

    /// Phrases of opinion and trivia ("Unpopular opinion: Mosul didn't fall because…", 📚
    /// معلومة: سد الموصل افتتح عام ١٩٨٦, "did you know"): a post that argues or informs about a
    /// place shows it no more than one remembering does.
    static let commentaryPhrases = PhraseList([
        "unpopular opinion", "in my opinion", "hot take", "برايي", "في رايي", "did you know", "fun fact", "هل تعلم", "معلومه",
    ])

    /// Phrases that date an event weeks or days back ("the crossing was retaken two weeks
    /// ago"): a capture so dated is background to what the post shows now.
    static let agoPhrases = PhraseList([
        "days ago", "weeks ago", "months ago", "week ago", "month ago", "last week", "last month",
        "قبل ايام", "قبل اسبوع", "قبل اسبوعين", "قبل شهر", "قبل شهرين", "الاسبوع الماضي", "الشهر الماضي",
    ])

    /// Phrases of a prayer (اللهم فرج عن أهلنا المحاصرين في حي الوعر بحمص): the places prayed
    /// for are not shown taken or struck. (Not "pray for" anywhere in the post: "Heavy clashes
    /// since dawn, pray for the defenders #Haditha" shows the fighting; beside the town it is a
    /// well-wish, ``wellWishPhrases``.)
    static let prayerPhrases = PhraseList(["اللهم", "يا رب", "يارب", "allah yer7am", "allah yerham"])

    /// Slogans that call a town a symbol (كوباني ستبقى رمزاً للمقاومة, "Kobani, symbol of
    /// resistance"): the town is praised, not shown taken or struck. (Not "capital of the
    /// revolution", عاصمة الثورة: a celebration in Homs's square is said so.)
    static let sloganPhrases = PhraseList([
        "symbol of", "رمزا للمقاومه", "رمزا للصمود", "رمزا للثوره", "رمزا للتحدي", "رمز المقاومه", "رمز الصمود",
        "رمز الثوره", "رمز للمقاومه", "رمز للصمود",
    ])

    /// Phrases by which a post asks for news ("does anyone know if the Trebil crossing is
    /// open?", حدا بيعرف, منو يعرف): it names the places it asks about, shows none taken.
    static let askPhrases = PhraseList([
        "anyone know", "anybody know", "anyone knows", "anyone have", "anybody have", "any info on", "any news on",
        "احد يعرف", "حدا بيعرف", "حدا يعرف", "منو يعرف", "مين بيعرف", "مين يعرف", "يعرف احد", "احد عنده خبر", "حدا عندو خبر",
    ])

    /// Phrases of a threat: "US bases at Ain al-Asad and Harir will become legitimate
    /// targets", أهدافاً مشروعة. The places are threatened, not shown struck.
    static let threatPhrases = PhraseList([
        "legitimate target", "legitimate targets", "هدف مشروع", "هدفا مشروعا", "اهداف مشروعه", "اهدافا مشروعه",
        // "Your days are numbered", "the appointed time is near": رسالة إلى جنود مطار دير الزور.
        "ايامكم معدوده", "الموعد قريب", "والموعد قريب",
        // "Your appointed time is the morning; is the morning not near?" (Quran 11:81, as a threat).
        "ان موعدكم", "اليس الصبح بقريب",
        // "Ankara says it could close the Habur gate."
        "could close", "may close", "might close",
        // "We are coming to you, and the days are between us"; "Turkey threatens to shut the
        // Habur gate", يهدد بإغلاق.
        "قادمون اليكم", "والايام بيننا", "الايام بيننا", "threatens", "threatened to", "threatening to", "يهدد", "تهدد", "هددت",
        // "We warn … your bases at Ain al-Asad and Harir will be within the resistance's range".
        "نحذر", "تحت مرمى", "we warn",
    ])

    /// Words of travel: fares, bookings, visas, timetables. With "entering" set aside, a place
    /// named in such a post is where travellers go, not a site taken.
    static let travelWords: WordSet = canonicalSet([
        "visa", "visas", "booking", "book", "tickets", "ticket", "fares", "fare", "timetable", "schedule", "schedules",
        "trip", "vacation",
        // Flights delayed by weather: "visibility under 500 m, flights may be delayed".
        "delayed", "delays", "visibility",
        "تاشيره", "التاشيره", "تاشيرات", "فيزا", "الفيزا", "حجز", "الحجز", "حجزا", "تذاكر", "التذاكر", "تذكره",
        // Turkish: services (flights, coaches), tickets.
        "sefer", "seferler", "seferleri", "seferi", "bilet", "biletler", "vize",
        // German: visa, entering the country (brauche ich noch ein Visum? über Beirut einreisen).
        "visum", "einreisen", "einreise",
    ])
    /// The days of the week, two of which make a timetable (رحلات أيام السبت والاثنين).
    static let weekdays: WordSet = canonicalSet([
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
        "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد",
    ])
    /// Capture words that are also how travellers use a crossing: دخول, "entry".
    static let entryWords: WordSet = canonicalSet(["دخول", "entry", "enter", "entered", "enters", "entering", "يدخل", "يدخلون", "تدخل"])
    /// The capture words but those: what still tells of a capture in a travellers' post.
    static let captureCuesButEntry: WordSet = captureCues.subtracting(entryWords)
    /// The news agencies whose name follows a dateline ("DAMAS, 19 nov 2017 (AFP) -"): the
    /// place before is where the report was filed, not what it reports.
    /// (Wire agencies only: a national agency is quoted as a source, "SANA says".)
    static let newsAgencies: WordSet = canonicalSet(["afp", "reuters", "ap", "dpa", "رويترز"])
    /// Words that, before a colon, start a picture's credit: "Photo: Horan Free League",
    /// "Source: SANA", المصدر: سانا, عدسة: مراسل شبكة شام.
    static let creditWords: WordSet = canonicalSet([
        "photo", "photos", "source", "sources", "credit", "credits", "foto", "quelle", "kaynak", "المصدر", "مصدر", "تصوير",
        "عدسه", "بعدسه",
    ])
    /// "Forwarded from …": what follows, to the end of its clause, is the name of the channel
    /// a post was forwarded from, not a place it shows.
    static let forwardedWords: WordSet = canonicalSet(["forwarded"])

    /// Words that join places in one list: "Erbil airport and Harir will burn".
    static let conjunctions: WordSet = canonicalSet(["and", "or", "&"])

    /// Words that correct what came before: "Fake: the photo is of Haditha Dam", "It isn't —
    /// the hangars are at K1", والحقيقة أن. The places named before one are denied when the
    /// post names another after it.
    static let correctionCues: WordSet = canonicalSet([
        "fake", "false", "actually", "truth", "wrong", "incorrect", "isn't", "isnt", "wasn't", "wasnt",
        "الحقيقة", "كذب", "كاذب", "كاذبة", "خطأ", "الصحيح", "اشاعة", "إشاعة", "شائعة", "rumour", "rumor",
    ])

    /// Short words capitalised at the start of a sentence that a loose spelling key would take
    /// for a short name ("This" for Tiyas, "Her" for Harir): never looked up that way.
    static let functionWords: WordSet = canonicalSet([
        "this", "that", "these", "those", "there", "their", "they", "them", "then", "than", "here", "her", "his",
        "hers", "our", "ours", "your", "yours", "its", "who", "whom", "what", "where", "which", "while", "when",
        "were", "was", "have", "has", "had", "been", "being", "will", "would", "could", "should", "must", "may",
        "might", "can", "also", "more", "most", "some", "such", "after", "over", "under", "into", "from", "with",
        "only", "very", "just", "like", "near", "next", "back", "down", "well", "many", "much", "each", "both",
        "same", "other", "again", "every", "today", "tonight", "now", "but", "and", "for", "nor", "yet", "so",
        "all", "any", "few", "not", "are", "is", "be", "do", "does", "did", "one", "two", "three", "four",
        "five", "six", "ten", "out", "off", "via", "per", "upon", "onto", "toward", "towards", "amid",
    ])

    /// Words that make a place named next to them the province around it, not the town: "ريف
    /// اللاذقية" (Latakia countryside), "Idlib province", محافظة. A place named only so claims
    /// nothing.
    static let provinceCues: WordSet = canonicalSet([
        "province", "governorate", "countryside", "region", "ريف", "محافظة", "بريف", "ارياف",
        // The Islamic State's provinces: ولاية الرقة, "Wilayat Raqqa".
        "ولاية", "wilayat", "wilayah", "wilaya", "vilayet",
    ])

    /// Words that make the town named right after them a team's name: نادي الموصل, فريق الفتوة.
    static let clubWordsBefore: WordSet = canonicalSet(["نادي", "فريق", "club", "team"])
    /// The same, right after the town: "Mosul FC", "Raqqa club".
    static let clubWordsAfter: WordSet = canonicalSet(["fc", "sc", "club", "team", "united"])
    /// Venues named after a town ("Basra International Stadium", ملعب البصرة الدولي, معرض دمشق
    /// الدولي "the Damascus International Fair"): next to the name, before it or after its
    /// type words, they make it the venue, no site of the gazetteer's.
    static let venueWords: WordSet = canonicalSet([
        "stadium", "arena", "fair", "exhibition", "expo", "university", "hospital", "hotel", "mall",
        "ملعب", "ستاد", "معرض", "جامعه", "مستشفى", "فندق", "مول",
    ])
    /// Words of a broadcast schedule ("tune in tonight", تابعونا على شاشة …, حلقة, برنامج): a TV
    /// station named with them is the channel, not the building.
    static let broadcastWords: WordSet = canonicalSet([
        "episode", "programme", "program", "airs", "aired",
        "شاشه", "حلقه", "برنامج", "تابعونا", "يعرض", "تعرض",
    ])

    /// Words that make the town named right after them a firm's name: شركة دمشق القابضة, بنك بغداد.
    static let firmWordsBefore: WordSet = canonicalSet(["شركه", "شركات", "مؤسسه", "بنك", "مصرف", "company",
        // A council named after its town: مجلس منبج العسكري, مجلس مدينة الميادين.
        "مجلس"])
    /// The same, right after the town: "Aleppo Soap Co.", "Baghdad Bank", "Damascus Holding".
    static let firmWordsAfter: WordSet = canonicalSet([
        "co", "company", "corp", "ltd", "llc", "inc", "holding", "holdings", "soap", "airways", "airlines", "bank",
        "القابضه", "council",
    ])
    /// Words of a channel's name ("Deir ez-Zor 24", شبكة دير الزور, "Aleppo Media Center",
    /// "Mosul Eye"): before a post's first "|", a town with them names the source.
    static let channelWords: WordSet = canonicalSet([
        "network", "media", "center", "centre", "news", "eye", "agency", "channel", "tv",
        "شبكه", "اخبار", "وكاله", "قناه", "مركز", "الاعلامي",
    ])

    /// Words of daily life, sport and politics (weather, prices, power cuts, a budget, a
    /// league): a post about them names a town as where it happens, not as a site shown taken
    /// or struck ("Baghdad hits 51°C today", اسعار الصرف بالقامشلي اليوم).
    static let dailyLifeWords: WordSet = canonicalSet([
        // (Not "dust", "rain", "fuel" or "electricity": "dust over Raqqa after the strike",
        // "rockets rain on Erbil", a fuel depot or a power station struck are war news; nor
        // الصرف, also "paying out": صرف رواتب.)
        "weather", "temperature", "temperatures", "heatwave", "sandstorm", "rainfall", "snowfall", "forecast", "humidity",
        "price", "prices", "dollar", "lira", "dinar", "blackout", "blackouts", "outage", "outages", "budget",
        "parliament", "holiday", "exams", "league", "football", "derby", "fixture",
        "الطقس", "طقس", "الحراره", "حراره", "درجات", "عاصفه", "الامطار", "ثلوج", "الانواء",
        "اسعار", "الاسعار", "سعر", "الدولار", "دولار", "ليره", "الليره", "دينار", "الذهب",
        "التقنين", "البرلمان", "الموازنه", "عطله", "العطله", "الامتحانات", "دوري", "الدوري", "مباراه", "المباراه", "منتخب",
        // Wanted notices: مطلوب سائقين على خط حلب - اللاذقية. (Job adverts: ``jobWords``.)
        "مطلوب",
        // A derby (ديربي اللاذقية 🔥 تشرين ٢ - ١ حطين).
        "ديربي", "الديربي",
        // Graduations, weddings, charity appeals, exam results, nostalgia.
        "graduates", "graduation", "graduated", "wedding", "donations", "donate", "nostalgia", "miss",
        "الخريجين", "خريجي", "تخرج", "عرس", "العرس", "زفاف", "الزفاف", "عروسته", "تبرعات", "التبرع", "الناجحين",
        "ذكريات", "اشتقت", "الحنين", "حيف",
        // Currency and gold rates, condolences, reconstruction funds.
        "gold", "usd", "iqd", "syp", "fx", "mithqal", "currency", "condolences", "condolence", "تعازينا", "التعازي", "نعزي",
        // Death notices: إنا لله وإنا إليه راجعون، انتقل إلى رحمة الله المرحوم …، الفاتحة على روحه.
        "راجعون", "المرحوم", "المرحومه", "الفقيد", "الفقيده", "الفاتحه", "عزاء", "العزاء",
        "reconstruction", "rebuilding", "اعمار", "الاعمار",
        // Portraits and obituaries: "Martyr's portrait: Ahmad, 23, from Manbij".
        "portrait", "obituary", "rip",
        // Maps of front lines, which name every town.
        "map", "خريطه", "خارطه", "infographic",
        // Sorani weather: rain, snow, weather, heat (سبەینێ لە سلێمانی باران دەبارێت).
        "باران", "بەفر", "کەشوهەوا", "گەرما",
        // Snow days; Turkish weather (rain, showers, fog, snow: Kilis'te sağanak yağış
        // bekleniyor); Kurmanji weddings and congratulations (Dawet li Zaxo ye, pîroz be).
        "snow", "yağış", "yağmur", "sağanak", "sis", "kar", "hava", "dawet", "daweta", "pîroz",
        // The groom and bride, "his wedding" (الف مبروك للعريس … على زفافه); Arabizi weather
        // once its digits are letters ("7ararat 44" → hararat, "3asfe" → asfe).
        "العريس", "العروس", "زفافه", "زفافها", "harara", "hararat", "asfe", "asifa",
        // Marriages, engagements and their parties (مبروك الزواج … الحفلة باجر بقاعة … بالنجف).
        "الزواج", "زواج", "زواجه", "زواجها", "الخطوبه", "خطوبه", "الحفله", "حفله",
        // Trials ("the trial was held at the Karkh court in Baghdad"), missing persons (مفقود …
        // من أهالي الميادين) and health news (asthma among Qayyarah's children, a cholera outbreak).
        "trial", "verdict", "sentenced", "sentences", "sentencing", "محاكمه", "المحاكمه", "بالاعدام",
        "مفقود", "مفقوده", "المفقود",
        // Oil exports, appeals for the missing (نداء … ابحث عن اخي … من حي الخالدية بحمص). (Not
        // agreements: fighters leave a town, or hand it over, under one.)
        "exports", "export", "exportations", "صادرات", "تصدير", "نداء", "ابحث",
        // Referendums and elections (نسبة التصويت في استفتاء اقليم كوردستان … مراكز كركوك).
        "referendum", "voting", "turnout", "election", "elections", "استفتاء", "الاستفتاء", "التصويت", "الانتخابات",
        // A parliament ratifying (The State Duma ratified the agreement on the naval facility in Tartus).
        "ratified", "ratifies", "ratify", "ratification", "صادق", "يصادق", "المصادقه",
        // Kurmanji weather: rain, storm, flood, snow (Îro li Duhokê baran û bager e; Berf li
        // Duhokê dibare); Arabizi snow, ice, weather, degrees, electricity (talj 3al tari2, el jaw,
        // wosal 52 daraja, el kahraba mgat3a); the wedding procession (الزفة الليلة بقاعة …);
        // a neighbourhood's generator and its amperes (صاحب المولدة رافع الأمبير).
        "baran", "bager", "lehiyê", "lehî", "berf", "berfê",
        "talj", "jalid", "jaw", "daraja", "kahraba", "الزفه", "زفه", "المولده", "مولده", "الامبير", "امبير",
        // Universities' registration and terms (بدء التسجيل في جامعة الفرات فرع الحسكة); an
        // Arabizi groom and bride (mabrouk ya 3arees).
        "جامعه", "الجامعه", "التسجيل", "الدراسي", "university", "semester", "enrollment", "arees", "aroos",
        "asthma", "patients", "vaccination", "vaccine", "cholera", "الربو", "مرضى", "المرضى", "لقاح", "اللقاح", "الكوليرا", "كوليرا",
    ])

    /// Phrases by which a town is greeted or prayed for, not shown taken or struck: "good
    /// morning from Damascus", صباح الخير من دمشق, اللهم احفظ حمص, "pray for Aleppo".
    static let wellWishPhrases = PhraseList([
        "good morning", "good evening", "greetings from", "pray for", "praying for", "prayers for", "god bless", "god protect",
        "صباح الخير", "مساء الخير", "صباح الورد", "صباحكم", "مساءكم", "تحيه من", "تحياتي من", "سلام من",
        "اللهم احفظ", "يا رب احفظ", "يارب احفظ", "الله يحمي", "الله يحفظ", "اللهم ارحم",
        // Eid greetings: عيدكم مبارك أهلنا بالرمادي, "Eid Mubarak".
        "عيدكم مبارك", "عيد مبارك", "كل عام وانتم بخير", "كل عام وانتو بخير", "eid mubarak",
        // The same in Arabizi, once its digits are letters (allah y7me, sabah el 5eir).
        "allah yhme", "allah yhmi", "allah yehmi", "allah yahmi", "allah yihmi", "allah yhmeha", "allah ykhalli",
        "sabah el kheir", "sabah al kheir", "sabah el khair", "sabah al khair", "sabah el kher", "masa el kheir", "msa el kheir",
        "sbah el kheir", "sbah al kheir", "sbah el khair", "sba el kheir",
        // Mercy on a town's dead: الرحمة لشهداء الفلوجة.
        "الرحمه لشهداء", "الرحمه للشهداء", "الرحمه لارواح", "رحم الله شهداء",
    ])
    /// Words of an attack: a question about one ("was there a strike on K1 in Kirkuk?") is a
    /// report being checked, which names the site as a claim does.
    static let attackWords: WordSet = canonicalSet([
        "strike", "strikes", "struck", "hit", "explosion", "explosions", "blast", "attack", "attacked", "attacks", "attacking",
        "bomber", "shelling",
        "hits", "bombed", "bombing", "shelled", "targeted", "raid", "raids", "airstrike", "airstrikes",
        "rocket", "rockets", "missile", "missiles", "صاروخ", "صواريخ",
        "ضربه", "ضربات", "قصف", "انفجار", "انفجارات", "استهداف", "هجوم", "غاره", "غارات",
        "ضرب", "ضربت", "يضرب", "قصفت", "يقصف", "استهدف", "استهدفت", "هاجم", "هاجمت",
    ])
    /// Spans of time by which a post dates one event from another: "a week after the raids on
    /// Hama airport", بعد أسبوع من غارات مطار حماة. The event so named is the past.
    static let durationWords: WordSet = canonicalSet([
        "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "ساعه", "ساعات", "يوم", "يومين", "ايام", "اسبوع", "اسبوعين", "اسابيع", "شهر", "شهرين", "اشهر",
    ])
    /// "after", بعد.
    static let afterWords: WordSet = canonicalSet(["after", "بعد"])
    /// Words after a place that say the sentence goes on to where someone is headed: in
    /// "leaving Shaddadi base, heading toward Iraq", "heading" is Iraq's, not the base's.
    static let directionWords: WordSet = canonicalSet(["to", "toward", "towards", "into", "نحو", "الى", "باتجاه"])
    /// "time" after a town ("1pm Baghdad time") and توقيت before it say only which clock.
    static let clockWordsAfter: WordSet = canonicalSet(["time"])
    static let clockWordsBefore: WordSet = canonicalSet(["توقيت", "بتوقيت"])

    /// Words by which a fact-check says a picture is fiction: "a still from a film", "Arma 3
    /// game footage", مشهد من فيلم.
    static let fictionWords: WordSet = canonicalSet([
        "film", "movie", "game", "videogame", "arma", "series", "فيلم", "لعبه", "مسلسل",
    ])
    /// Countries far from Iraq and Syria that fact-checks name as where a recycled picture is
    /// really from ("floods in India", "shot in Morocco"). Neighbours and parties to the war
    /// (Turkey, Iran, Russia, Jordan, Lebanon) are left out: posts name them for other reasons.
    static let farCountries: WordSet = canonicalSet([
        "morocco", "india", "pakistan", "afghanistan", "libya", "yemen", "egypt", "algeria", "tunisia", "sudan",
        "somalia", "nigeria", "mali", "ukraine", "chechnya", "bosnia", "mexico", "brazil", "philippines", "bangladesh",
        "myanmar", "nepal", "china", "indonesia", "gaza", "laos", "vietnam", "thailand", "cambodia", "malaysia", "kenya",
        "crimea", "crimée", "krim", "القرم",
        "ethiopia", "tanzania", "congo", "venezuela", "colombia", "peru", "chile", "argentina", "japan", "taiwan",
        "المغرب", "الهند", "باكستان", "افغانستان", "ليبيا", "اليمن", "مصر", "الجزائر", "تونس", "السودان", "الصومال",
        "نيجيريا", "مالي", "اوكرانيا", "الشيشان", "البوسنه", "المكسيك", "البرازيل", "الفلبين", "بنغلاديش", "ميانمار",
        "نيبال", "الصين", "اندونيسيا", "غزه", "لاوس", "فيتنام", "تايلاند", "كينيا", "اثيوبيا", "فنزويلا", "اليابان",
    ])
    /// Fact-checkers' own names and tags, beside ``oldMaterialCues``: "#Misbar", "#تأكد".
    static let factCheckTags: WordSet = canonicalSet(["misbar", "مسبار", "تاكد", "factcheck", "fatabyyano", "فتبينوا"])

    /// Landform words: "the Hamrin mountains" are not Hamrin Dam, جبل سنجار is not the town.
    static let landformWords: WordSet = canonicalSet([
        "mountains", "mountain", "mount", "mt", "hills", "jabal", "jebel", "جبل", "جبال", "سلسلة", "تلال",
    ])

    /// Words that deny the place that follows: "not Haditha Dam", "ليست من مطار الشعيرات".
    /// ("no" and لا are left out: "no retreat", لا إله إلا الله.)
    static let negationCues: WordSet = canonicalSet([
        "not", "isn't", "isnt", "wasn't", "wasnt", "aren't", "weren't", "never", "neither", "nor",
        // French "ne … pas": "cette photo ne montre pas l'aéroport d'Erbil".
        "pas",
        "ليس", "ليست", "ليسوا", "ليسا",
        // Dialects: Iraqi and Levantine مو, Egyptian and Levantine مش, Gulf مب.
        "مو", "مش", "مب",
    ])

    /// Words of a reply that only says no ("No.", "Nope", "It isn't.", "Not really.", لا, مش
    /// هيك): a clause of these alone, one of ``denyingWords`` among them, denies the sentence
    /// before it.
    static let bareDenialWords: WordSet = denyingWords.union(canonicalSet([
        "it", "this", "that", "is", "was", "so", "really", "at", "all", "هيك", "ابدا",
    ]))
    /// The words that make such a clause a denial: "no", "not", لا.
    static let denyingWords: WordSet = canonicalSet([
        "no", "nope", "nah", "not", "isn't", "aren't", "wasn't", "weren't", "non", "nein", "لا", "كلا", "مو", "مش",
    ])
    /// "But", "rather": what follows is what a picture does show (ليس من منبج بل من جرابلس).
    static let contrastWords: WordSet = canonicalSet(["but", "rather", "instead", "بل", "لكن", "وانما", "انما"])

    /// Negations of what something is ("These aren't Russian jets at Hmeimim", الصورة ليست
    /// لطائرات روسية في حميميم), with "not" after is/are/was/were.
    static let identityNegations: WordSet = canonicalSet([
        "isn't", "aren't", "wasn't", "weren't", "ليس", "ليست", "ليسوا", "ليسا", "مو", "مش", "مب",
    ])
    /// What such a negation is said of: the picture, or "this", "these", هاي.
    static let pictureSubjects: WordSet = pictureWords.union(canonicalSet([
        "this", "these", "that", "those", "it", "they", "هذه", "هذا", "هذي", "هاي", "هيدي", "هيدا", "هاد", "هادي",
    ]))
    /// Prepositions that place what a picture is said not to show: "jets at Hmeimim", في حميميم.
    static let placingPrepositions: WordSet = canonicalSet(["at", "in", "inside", "on", "from", "في", "من", "داخل"])

    /// Words that go with taking a place now: they raise a mention above mere context.
    static let captureCues: WordSet = canonicalSet([
        "liberated", "liberation", "liberate", "captured", "capture", "seized", "seize", "stormed", "storm",
        "control", "took", "taken", "raised", "raise", "raising", "flag", "fell", "fall", "falls", "fallen", "entered",
        "enter", "inside", "overran", "overrun", "recaptured", "retook", "hoisted", "secured", "cleared",
        "freed", "controlled", "takeover", "recapture", "recaptures", "retake", "retakes", "retaken", "seizes",
        "captures", "liberates", "storms", "enters", "controls", "liberating", "capturing", "storming",
        "تحرير", "حرر", "تحرر", "تحررت", "حررت", "حرروا", "محرر", "محررة", "السيطرة", "سيطرة", "يسيطر", "يسيطرون", "سيطرت", "اقتحام",
        "اقتحم", "اقتحموا", "رفع", "راية", "علم", "دخول", "دخلت", "دخل", "داخل", "سقوط", "سقط", "تطهير",
        "استعادة", "استعاد", "اغتنام", "تحريرها", "بالكامل",
        // Headlines tell it in the present: الجيش يدخل, القوات تقتحم, الحشد يستعيد, قسد تسيطر.
        "يدخل", "يدخلون", "يدخلوا", "تدخل", "دخلوا", "دخلو", "يقتحم", "يقتحمون", "تقتحم", "يستعيد", "تستعيد", "يستعيدون",
        "استعادت", "تسيطر", "يحرر", "يحررون",
        // Levantine "entered": فاتت الدبابات عالمطار.
        "فات", "فاتت", "فاتو", "فاتوا",
        // Lost by the other side: "the regime denies losing Kuweires", خسر مطار … (Not "loss"
        // or "lost": condolences are for "the loss of his mother", obituaries for one who "lost his life".)
        "losing", "loses", "خسر", "خسرت",
        // French wire copy: "ont repris le contrôle d'Albou Kamal".
        "repris", "reprise", "contrôle", "libéré", "libérée",
    ])

    /// Breaking a siege (فك الحصار عن مطار كويرس, "broke the three-year siege of Deir ez-Zor"):
    /// a verb of ``siegeBreakWords`` up to three words before a word of ``siegeWords``, then
    /// the place, "of" or عن between. Forces reach the place, as a capture word says.
    static let siegeBreakWords: WordSet = canonicalSet([
        "فك", "يفك", "تفك", "فكوا", "كسر", "يكسر", "تكسر", "كسروا", "break", "breaks", "broke", "broken", "breaking",
        "lift", "lifts", "lifted", "lifting",
    ])
    static let siegeWords: WordSet = canonicalSet(["الحصار", "حصار", "الطوق", "طوق", "siege", "blockade", "encirclement"])
    /// The words between a broken siege and its place that are not articles: عن, "on", "around".
    static let siegePrepositions: WordSet = canonicalSet(["عن", "on", "around"])

    /// Appeals a town is named in ("#SaveAleppo", #انقذوا_حلب, "#StandWithKobani"): the town is
    /// the cause, not a place shown.
    static let appealPhrases = PhraseList(["save", "انقذوا", "انقذو", "stand with", "standwith"])

    /// Words that begin an armed group's name ("Liwa Thuwar al-Raqqa", لواء ثوار الرقة, جيش أسود
    /// الشرقية) before an epithet (``groupEpithets``), or end it after one ("Raqqa Revolutionaries
    /// Brigade"): the town in it is the group's namesake, and the unit word no site's type.
    static let groupWords: WordSet = canonicalSet([
        "liwa", "liwaa", "jaysh", "jaish", "jeish", "kataib", "katibat", "katiba", "harakat", "faylaq", "tajammu", "saraya",
        "firqat", "jabhat", "brigade", "brigades", "battalion", "battalions", "front", "army", "movement", "legion",
        "لواء", "الويه", "كتائب", "كتيبه", "جيش", "حركه", "تجمع", "فيلق", "سرايا", "فرقه", "جبهه",
    ])
    /// The epithets of armed groups' names: revolutionaries, free men, martyrs, lions, falcons.
    static let groupEpithets: WordSet = canonicalSet([
        "thuwar", "thuwwar", "ahrar", "shuhada", "usud", "suqur", "fursan", "jund", "ansar", "abna", "rijal", "mujahidi",
        "revolutionaries", "martyrs", "lions", "falcons", "knights", "freemen",
        "ثوار", "احرار", "شهداء", "اسود", "صقور", "فرسان", "جند", "انصار", "ابناء", "رجال", "مجاهدي",
    ])

    /// Words after a town that make it a news source: a channel's correspondent ("Al Mayadeen's
    /// correspondent in Beirut"), a report ("Al Mayadeen reported"), a government speaking
    /// ("Damascus says").
    static let sourceWordsAfter: WordSet = canonicalSet([
        "correspondent", "correspondents", "reporter", "reporters", "reported", "reports", "says", "said", "quoted", "cited",
        "anchor", "presenter",
    ])
    /// Channel words right beside a town that make it a channel's name when no TV station of
    /// that name or near it is known: قناة الميادين, "Al Mayadeen TV".
    static let channelTypeWords: WordSet = canonicalSet(["tv", "channel", "television", "قناه", "قناة", "تلفزيون", "فضائيه"])
    /// "According to", نقلا عن: what follows is a source.
    static let accordingToPhrases = PhraseList(["according to", "per", "نقلا عن", "وفقا ل"])

    /// Units of distance: "a village about 20 km west of Manbij", على بعد ٤٠ كم شمال شرق دمشق.
    /// The town measured from only locates what the post is about.
    static let distanceUnits: WordSet = canonicalSet([
        "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "mi", "miles", "كم", "كيلو", "كيلومتر", "كيلومترات",
    ])

    /// Towns that give their names to sites but are other places alone: the towns across the
    /// border that crossings are named after (Nusaybin, Akçakale, Ceylanpınar, Kilis, Reyhanlı,
    /// Karkamış, Yayladağı, Ramtha, Mehran…), and towns near a base (Jableh by Hmeimim). A
    /// site's name made of them counts only with a type word that fits it ("Nusaybin border
    /// gate", "the Russian base in the Jableh countryside"): "a curfew in Nusaybin" is the Turkish town.
    static let neighbouringTowns: WordSet = canonicalSet([
        "nusaybin", "نصيبين", "akcakale", "اقجه", "قلعه", "ceylanpinar", "kilis", "كلس", "reyhanli", "الريحانيه", "karkamis",
        "karkemish", "قرقميش", "yayladagi", "ramtha", "الرمثا", "mehran", "مهران", "khosravi", "penjwen", "marivan",
        "tamarchin", "chazabeh", "mursitpinar", "cobanbey", "senyurt", "guvecci", "jableh", "jablah", "jableh", "جبله",
    ])

    /// Whose a base is, between its type word and the town that locates it: "the Russian base
    /// near Jableh", القاعدة الروسية في ريف جبلة, "the US-led coalition's base".
    static let ownerWords: WordSet = canonicalSet([
        "russian", "american", "us", "turkish", "iranian", "coalition", "الروسيه", "الروسي", "الامريكيه", "الامريكي",
        "التركيه", "التركي", "الايرانيه", "الايراني", "التحالف",
    ])

    /// Pilgrims and pilgrimage (زوار, زيارة الأربعين): a town they gather in is a holiday's place.
    /// (Pilgrims through a crossing still show the crossing.)
    static let pilgrimageWords: WordSet = canonicalSet([
        "pilgrims", "pilgrimage", "pilgrim", "worshippers", "زوار", "الزوار", "الزائرين", "زائرين", "المصلين", "حجاج",
    ])

    /// Road traffic: "traffic on the Mezzeh autostrad is insane", زحمة خانقة على جسر الجمهورية.
    /// The places named are where people drive, not places taken or struck (a queue at a
    /// crossing or a bank still shows it).
    static let trafficPhrases = PhraseList([
        "traffic jam", "traffic jams", "stuck in traffic", "traffic is", "traffic was", "traffic on", "traffic in", "gridlock",
        "زحمه", "زحمة", "ازدحام", "زحام", "الزحمه", "الزحمة",
    ])
    /// The words ``trafficPhrases`` begin with: a post without one needs no phrase search.
    static let trafficFirstWords: WordSet = canonicalSet(["traffic", "stuck", "gridlock", "زحمه", "ازدحام", "زحام"])

    /// Tomorrow, which marks a goal after the place too in Arabic: قافلة … باتجاه سنجار صباح الغد.
    static let tomorrowWords: WordSet = canonicalSet(["غدا", "الغد", "باجر", "بكرا", "بكره"])

    /// Words joined after a place that make it someone's origin: "Kirkuk-born", "Erbil-based".
    static let originAfterWords: Set<String> = ["born", "raised", "based", "native"]

    /// Words that make the "storm" after them weather: a dust storm, a snow storm.
    static let weatherBeforeStorm: Set<String> = ["dust", "sand", "snow", "rain", "hail", "thunder", "ice", "winter", "wind"]

    /// What makes places named in a row a story rather than a slogan's list: a capture, or
    /// crossing a border there ("… fled to Gaziantep; today I crossed back at Bab al-Salameh").
    static let presenceCues: WordSet = captureCues.union(canonicalSet(["crossed"]))

    /// Place names that are also ordinary words (الثورة "the revolution", الكرامة "dignity",
    /// الباب "the door", Hit): alone they claim nothing; next to a type word they do.
    static let commonWords: WordSet = canonicalSet([
        "الثورة", "الكرامة", "السلامة", "نصيب", "الباب", "باب", "حماة", "الوليد", "ربيعة",
        "جابر", "عين", "الخير", "النصر", "الفتح", "الحرية", "السلام", "الامل", "البعث", "الفرات", "التحرير",
        "الشهداء", "الجزيرة", "القدس", "الشعب", "الوحدة", "الاسد", "العرب", "الشام", "الحدود", "كسب",
        // "people", "humans" and "give good tidings" (وبشر الصابرين), whose letters are Bashur's;
        // Bashar (al-Assad), whose are Basra's.
        "بشر", "البشر", "bashar", "بشار",
        // "visual" (هويته البصرية), whose letters are Basra's.
        "البصرية", "بصرية",
        // "News" (خبر عاجل) and "expert(s)", whose consonants are Khabur's (الخابور).
        "خبر", "الخبر", "خبرا", "خبير", "الخبير", "خبراء", "الخبراء",
        // "The monastery" (الدير), Deir ez-Zor's everyday short name, and the first word of
        // villages (دير حافر, دير عطية); "shield" (درع الفرات, Operation Euphrates Shield), whose
        // consonants are Daraa's.
        "الدير", "درع", "الدرع",
        "hit", "gate", "hope", "victory", "liberty", "freedom", "unity", "door",
        "ain", "ayn", "asad", "assad", "jabir", "jaber", "salam", "nasr", "karama", "thawra", "euphrates",
        "tiger", "eagle", "lion", "palm", "sham", "rabia", "walid", "waleed",
        // A platter before it is Mezzeh: "mezze" in lower case is the food (Mezze, capitalised,
        // still names the air base).
        "mezze",
        // Qaraqosh's Syriac name, whose consonants are Baghdad's.
        "bakhdida", "بخديدا",
        // Tishreen is October and November, a university, a park, a club and a newspaper
        // before it is the dam.
        "tishreen", "tishrin", "teshreen", "تشرين",
        // Aliases in the built-in set that are also words or given names: al-Taqaddum is
        // "progress", Adhaim "the great", Dumayr "conscience", Balad "country", Tammuz "July",
        // Omar, Ali, Rashid and Saddam are people before they are bases.
        // Plural nouns whose consonants are a town's: المدن "the cities", المدنيين "civilians" (Mayadin).
        "المدن", "مدن", "المدنيين", "مدنيين", "المدنيون", "مدنيون",
        // كره "disliked" (ولو كره الكافرون), كرة "ball" (كرة القدم): Qayyarah's consonants once ك is ق.
        "كره", "الكره",
        "التقدم", "الصحراء", "العظيم", "العمر", "القاع", "المصنع", "الهندية", "الهول", "تموز", "حرير", "الشاعر",
        "شاعر", "صدام", "العبودية", "المثنى", "القادسية", "الضمير", "الراعي", "الشيب", "كيوان", "العريضة", "بلد",
        "الحلة", "الرشيد", "حمدان", "الحمدان", "البكر",
        "ali", "omar", "rashid", "rasheed", "saddam", "hamdan", "bakr", "bakir", "tammuz", "tahaluf", "anaconda",
        "greene", "adder", "sather", "sahra", "baath", "baas", "hurriya",
        // Countries and regions: "Central Bank of Iraq" must not be what "Iraq" claims.
        "iraq", "syria", "turkey", "jordan", "iran", "lebanon", "kurdistan", "العراق", "سوريا", "سورية", "تركيا",
        // The same in French, German and Turkish wire copy ("frappes en Syrie : la base aérienne de Doumeir").
        "syrie", "irak", "liban", "turquie", "jordanie", "syrien", "türkei", "suriye", "ırak",
        "الاردن", "ايران", "لبنان", "كردستان", "nineveh", "anbar", "نينوى", "الانبار",
        // Provinces named as the Islamic State's "wilayat": "Wilayat Ninawa" is not Ninawa TV,
        // "Wilayat Salahuddin" not the Salahuddin refinery.
        "ninawa", "ninewa", "salahuddin", "saladin", "salahaddin", "diyala",
        // Nationalities: "Syrian Central Bank" must not be what "the Syrian war" claims.
        "syrian", "iraqi", "turkish", "kurdish", "jordanian", "iranian", "lebanese", "russian", "american",
        "سوري", "السوري", "السورية", "سورية", "عراقي", "العراقي", "العراقية", "تركي", "التركي", "كردي", "الكردي",
    ])

    /// Place names that, next to these words, are the ordinary words they also are: صورة
    /// حديثة "a recent photo" (Haditha), الطبقة السياسية "the political class" (Tabqa),
    /// النظام القائم "the regime in place" (Al-Qaim), كل الميادين "every arena" (Mayadin).
    /// By the name's word: the words before it and after it that make it ordinary.
    static let ordinaryNeighbours: [String: (before: WordSet, after: WordSet)] = {
        // "a recent photo", "as if recent" (نشرت على أنها حديثة).
        let recent = pictureWords.union(canonicalSet(["معلومات", "اخبار", "أنباء", "تقارير", "نسخة", "دراسة", "احصائية", "أسلحة",
                                                      "معدات", "أنها", "أنه", "كأنها"]))
        let entries: [(String, before: WordSet, after: WordSet)] = [
            ("حديثة", recent, []),
            ("الطبقة", [], canonicalSet(["السياسية", "الحاكمة", "الوسطى", "العاملة", "الفقيرة", "الغنية", "المثقفة",
                                         "الأولى", "الثانية", "العليا", "الدنيا", "الأرضية", "الأوزون"])),
            ("القائم", canonicalSet(["النظام", "الوضع", "الواقع", "الحكم", "الصراع", "الخلاف"]), canonicalSet(["بالأعمال", "بأعمال", "على"])),
            ("الميادين", canonicalSet(["كل", "جميع", "شتى", "مختلف", "الساحات", "ساحات"]), []),
            // Russia's parliament, the (State) Duma, مجلس الدوما الروسي: not Douma.
            ("duma", canonicalSet(["state", "russian", "russia", "russias"]),
             canonicalSet(["deputy", "deputies", "speaker", "lawmakers", "member", "members", "committee", "chairman", "ratified",
                           "ratifies", "ratify", "approved", "approves", "passed", "passes", "voted", "votes", "elections"])),
            ("الدوما", canonicalSet(["مجلس"]), canonicalSet(["الروسي", "الروسيه", "الروسية"])),
        ]
        var table: [String: (before: WordSet, after: WordSet)] = [:]
        for (name, before, after) in entries { for key in canonicalSet([name]) { table[key.text] = (before, after) } }
        return table
    }()

    /// Months abbreviated as a name is: German Dez. (December) is the analysts' DeZ. Beside a
    /// number they are a date.
    static let monthAbbreviations: WordSet = canonicalSet(["dez"])

    /// Town names that are also verbs, as written (no clitic): تدمر "destroys" (Palmyra).
    static let verbHomographs: Set<String> = ["تدمر"]
    /// What war news says is destroyed, the object right after تدمر "destroys".
    static let destroyedObjects: WordSet = canonicalSet([
        "مستودعات", "مستودع", "مقرات", "مقر", "مقرا", "اليات", "الية", "دبابة", "دبابات", "مدرعة", "مدرعات", "عربة", "عربات",
        "مواقع", "موقعا", "تحصينات", "اسلحة", "مخازن", "مخزن", "منصة", "منصات", "راجمة", "راجمات", "نقاط", "نقطة", "تجمعات",
        "رتلا", "رتل", "عددا", "معدات", "مدفع", "مدافع", "طائرة", "طائرات", "مسيرة", "مسيرات", "سيارة", "سيارات", "شاحنة",
        "شاحنات", "جسر", "جسرا", "انفاق", "نفق", "معمل", "ورشة", "بنى", "البنية", "كل", "اهدافا", "اهداف",
    ])

    /// Words by which a post says itself that its picture is old or false ("recycled",
    /// "#factcheck", مفبركة): such a post presents nothing as new. ("Again" is not one:
    /// "Palmyra liberated again" is news.)
    static let oldMaterialCues: WordSet = canonicalSet([
        "recycled", "recirculated", "resurfaced", "factcheck", "debunk", "debunked", "debunking", "fake",
        "misleading", "misattributed", "hoax", "archive", "archival", "verify", "verification", "repost", "reposted",
        "reposting", "originally", "throwback", "tbt", "flashback",
        "misattribution", "miscaptioned", "mislabelled", "mislabeled",
        "مفبركة", "مفبرك", "مضللة", "مضلل", "كاذبة", "كاذب", "مزيفة", "مزيف", "تحقق", "التحقق", "فبركة", "تضليل", "مكررة",
        "ارشيفية", "ارشيف",
    ])

    /// Phrases by which a fact-check quotes what a picture was said to show ("the photo
    /// claiming to show Tabqa airbase after last night's strike is actually from Libya"): the
    /// place inside is what the picture is not.
    static let claimedToShowPhrases = PhraseList([
        "claiming to show", "claimed to show", "said to show", "purporting to show", "purported to show",
        "supposedly showing", "allegedly showing", "يزعم انها", "يزعم انه", "يدعى انها", "تدعي انها", "يدعي انه",
        // "The photo captioned 'Rebels celebrate at Menagh airbase today' is from Libya, 2011."
        "captioned", "billed as",
        // "That photo labelled 'Baghdad airport strike' is from Yemen", "tagged 'Speicher'",
        // "passing this off as tonight's strike on T4", "Wrong caption going round: 'US troops
        // in Mayadin'", Levantine نزلت ع اساس انها من مطار كويرس ("posted as if from Kuweires").
        "labelled", "labeled", "tagged", "passing this off as", "passing it off as", "passed off as", "passed it off as",
        "wrong caption", "false caption", "على اساس انها", "على اساس انه", "ع اساس انها", "ع اساس انه",
        // "Same picture, three captions: SANA says airport, SDF pages say Conoco …"
        "captions",
    ])

    /// "From our archive": a picture of the past presented as such (ارشيف).
    static let archiveWords: WordSet = canonicalSet(["archive", "archival", "archives", "ارشيف", "ارشيفية", "الارشيف"])

    /// Phrases by which a post says another post passed a picture off as new: "posted as
    /// today's", "as if", نشرت على أنها حديثة.
    static let passedOffPhrases = PhraseList([
        "posted as", "shared as", "presented as", "passed off", "as if", "claimed as", "first seen", "original from",
        "على انها", "على انه", "كانها",
        // A post that labels its own picture as old or checked: "FACT CHECK:", "(file photo)".
        "fact check", "file photo", "file picture", "file image", "file footage",
        // "No, this video does not show Mosul Dam collapsing."
        "does not show", "doesn't show", "doesnt show", "do not show", "don't show",
        // The same in French and German; "passing this off as", a wrong caption, Levantine
        // "as if" (ع اساس انها), and a reverse image search, which only a check runs.
        "ne montre pas", "ne montrent pas", "zeigt nicht", "passing this off", "passing it off", "wrong caption",
        "false caption", "على اساس انها", "على اساس انه", "ع اساس انها", "ع اساس انه", "reverse search", "reverse image search",
        // A picture said to be one seen before: "Same picture, three captions", نفس الصورة.
        "same picture", "same photo", "same pic", "same image", "same video", "same clip", "نفس الصوره", "نفس الفيديو",
    ])

    /// "old" words that mark old material when next to a picture word ("old photo", صورة قديمة).
    static let oldWords: WordSet = canonicalSet(["old", "older", "قديمة", "قديم", "قديمه"])
    static let pictureWords: WordSet = canonicalSet([
        "photo", "photos", "picture", "pictures", "pic", "image", "images", "footage", "video", "videos", "clip",
        "صورة", "صور", "فيديو", "مقطع", "لقطات", "الصورة", "الصور",
    ])

    /// Type words that, far from any name, are as often something a post mentions in
    /// passing ("the smoke from the oil wells", "the border", "our channel") as the site.
    static let passingTypeWords: WordSet = canonicalSet([
        "oil", "نفط", "النفطي", "wells", "آبار", "ابار", "border", "frontier", "gate", "customs", "checkpoint", "حدود", "جمرك", "جمارك", "channel",
        "قناة", "branch", "فرع", "military", "international", "عسكري", "العسكري", "العسكرية", "عسكرية",
    ])

    /// "border" words that, after a preposition, say where a place lies rather than name a
    /// crossing: "Tal Abyad on the Turkish border", على الحدود التركية.
    static let borderWords: WordSet = canonicalSet(["border", "borders", "frontier", "حدود", "الحدود"])
    /// The prepositions that make a lone "border" after them a locator.
    static let alongPrepositions: WordSet = canonicalSet(["on", "along", "near", "across", "by", "على", "عند", "قرب", "بمحاذاة"])

    /// Words that may stand between a type word and its name: "the airport of Tabqa".
    static let gapWords: WordSet = canonicalSet([
        "the", "of", "in", "at", "on", "de", "du", "d", "la", "le", "main", "old", "former", "new", "key", "strategic",
        "building", "buildings", "square", "compound", "complex", "state",
        "في", "الرئيسي", "القديم", "الاستراتيجي", "الاستراتيجية", "مبنى", "ساحة",
        // Sorani "international" between the airport word and the name.
        "نێودەوڵەتی",
        // "God willing" stands anywhere: الهدف القادم بإذن الله مطار دير الزور.
        "بإذن", "الله", "تعالى", "inshallah", "insha'allah",
    ]).union(PlaceKeys.latinArticles.map(FoldedWord.init))

    /// Words that begin a person's name: the kunya (Abu Bakr, أبو عمر) and patronymics. The
    /// words after them name a person, even when they look like places (al-Baghdadi,
    /// الموصلي) — unless a place's own name begins with them (Abu Kamal, Abu al-Duhur).
    static let personNameStarts: WordSet = canonicalSet([
        "abu", "abou", "abi", "ibn", "bin", "umm", "um", "ابو", "ابي", "ابا", "ابن", "بن", "ام", "بنت",
        // A prophet's honorific: سيدنا إبراهيم الخليل is Abraham, not the Ibrahim Khalil crossing.
        "سيدنا", "النبي", "prophet", "sayyidina", "sayyiduna",
    ])

    /// Honorifics that begin a person's name in a site's name, as the gazetteer writes them
    /// (canonical: الإمام → امام): Imam Ali Air Base is named after a person. Only names are
    /// checked against these, never a post's words (أمام, "in front of", folds the same).
    static let personTitles: Set<String> = ["imam", "امام", "sheikh", "shaikh", "شيخ", "sayyida", "سيده"]
    /// "Son of" inside a name: Ubaydah bin al-Jarrah is a person.
    static let patronymics: WordSet = canonicalSet(["bin", "ibn", "بن", "ابن"])

    /// "Spring" and "eye" before a name make another place of it: العين السخنة (Ain Sokhna on
    /// the Red Sea) is not Sukhnah, عين التمر not a town called التمر. A place whose own name
    /// begins so (عين العرب, Ain Issa) is matched whole, and wins as the longer name.
    static let springWords: WordSet = canonicalSet(["عين", "العين", "ain", "ayn", "ein"])

    private static func canonicalSet(_ words: [String]) -> WordSet {
        Set(words.flatMap { PlaceText.words($0).map { FoldedWord(PlaceKeys.canonical($0.form, script: $0.script)) } })
    }
}
