import CaseStore
import Foundation
import Gazetteer
import PerceptualHash

/// Thresholds of the claims indexer, shared by `imprint claims`, `imprint site` and
/// `imprint flags`.
struct ClaimSettings: Sendable {
    /// A post presenting a photo as new is `recycled` when the photo (or a repost) was posted
    /// or taken more than this many days before it.
    var recycledDays = 30
    /// One photo claimed at two sites farther apart than this (beyond both sites'
    /// uncertainties) is `conflicting-sites`.
    var conflictKm = 25.0
    /// EXIF GPS farther than this from the claimed site (beyond its uncertainty) is
    /// `gps-mismatch`.
    var gpsMismatchKm = 25.0
    /// EXIF GPS within the site's uncertainty plus this links the photo to the site (`gps`).
    var gpsRadiusKm = 2.0
    /// A thumbnail whose pHash differs from the image's by more than this many bits of 64
    /// shows another picture: the image was `edited` after the camera wrote it.
    var thumbnailBits = ThumbnailHash.phashThreshold
}

/// How an image is linked to a site.
enum Evidence: String, Sendable {
    /// A post the image came with names the site.
    case claimed
    /// The image's EXIF GPS lies within the site's radius.
    case gps
    /// Another image of its repost cluster is claimed at the site.
    case repost
}

/// One link image ↔ site with its evidence.
struct SiteLink: Sendable {
    let file: Int
    let site: Site
    let score: Double
    let evidence: Evidence
    /// The claiming post's time (claimed, repost) or the date taken (gps), ISO 8601.
    let time: String?
    /// One line a person can check.
    let detail: String
}

/// A contradiction found in the case, with a reason a person can check.
struct Contradiction: Sendable {
    enum Kind: String, Sendable, CaseIterable {
        case recycled, conflictingSites = "conflicting-sites", gpsMismatch = "gps-mismatch", edited
    }

    let kind: Kind
    private(set) var files: [String]
    let sites: [Site]
    let posts: [String]
    let reason: String

    /// Names one more file the finding is about (another copy of the photo), once.
    mutating func name(_ path: String) {
        if !files.contains(path) { files.append(path) }
    }
}

/// The claims indexer over a case: every post's text resolved to the site it claims, every
/// image linked to sites by its posts, its GPS and its reposts, and the contradictions.
struct CaseClaims {
    let settings: ClaimSettings
    let files: [CaseDatabase.ClaimFile]
    let posts: [Int64: PostRecord]
    /// Each post's strongest claim (a post is taken to claim one site: its first target).
    let claimByPost: [Int64: SiteClaim]
    /// The other sites a post names nearly as strongly as its claim ("Tabqa air base and Deir
    /// ez-Zor airport are ours"): a contradiction is not built on one of them being left out.
    let alsoNamedByPost: [Int64: [Site]]
    /// How close to the claim's score another site must come to count as also named.
    static let alsoNamedShare = 0.5
    /// Repost clusters as positions in `files` (singletons left out).
    let clusters: [[Int]]
    let clusterOfFile: [Int: Int]
    /// Per cluster, every claim its members' posts make, in post order: computed once, so
    /// that a viral photo's 20,000 copies do not each walk the whole cluster.
    let clusterClaims: [[MemberClaim]]
    /// Per cluster, its dated events (posts, dates taken), earliest first.
    let clusterEvents: [[Event]]

    /// A claim a post makes for one member of a cluster.
    struct MemberClaim {
        let member: Int
        let postID: Int64
        let claim: SiteClaim
    }

    /// A dated fact about a photo: it was taken, or posted, at that time.
    struct Event {
        /// Seconds since 1970 (a time without a zone read as UTC).
        let seconds: Int
        let member: Int
        /// The post, for a posting; nil for a date taken.
        let postID: Int64?
        let text: String
    }
    /// Files whose EXIF thumbnail shows another picture, with the distance that says so.
    let thumbnailFindings: [Int64: ThumbnailDifference.Finding]
    let gazetteer: Gazetteer
    /// The resolver the posts went through, for commands that also look sites up by name.
    let resolver: ClaimResolver

    /// Reads the case, resolves its posts and clusters its images.
    init(store: CaseDatabase, settings: ClaimSettings, gazetteer: Gazetteer) throws {
        self.settings = settings
        self.gazetteer = gazetteer
        let inputs = try store.claimInputs()
        files = inputs.files
        var posts: [Int64: PostRecord] = [:]
        for post in inputs.posts { if let id = post.id { posts[id] = post } }
        self.posts = posts
        let resolver = ClaimResolver(gazetteer: gazetteer)
        self.resolver = resolver
        let texts = inputs.posts.map { $0.text ?? "" }
        let resolved = ParallelMap.map(texts) { resolver.resolve($0, limit: 3) }
        var claims: [Int64: SiteClaim] = [:], alsoNamed: [Int64: [Site]] = [:]
        for (post, ranked) in zip(inputs.posts, resolved) {
            guard let id = post.id, let claim = ranked.first else { continue }
            claims[id] = claim
            let others = ranked.dropFirst().filter { $0.score >= claim.score * Self.alsoNamedShare }.map(\.site)
            if !others.isEmpty { alsoNamed[id] = others }
        }
        claimByPost = claims
        alsoNamedByPost = alsoNamed

        let images = try HashedImage.fromCase(store, algorithms: [.pdq])
        let clusterer = RepostClusterer(algorithms: [.pdq], thresholds: try MatchThresholds(parsing: nil),
                                        dihedral: true, mode: .components)
        var fileByPath: [String: Int] = [:]
        for (index, file) in files.enumerated() { fileByPath[file.path] = index }
        clusters = clusterer.clusters(of: images, singletons: false).map { cluster in
            cluster.members.compactMap { fileByPath[images[$0].path] }
        }
        var clusterOf: [Int: Int] = [:]
        for (number, members) in clusters.enumerated() { for member in members { clusterOf[member] = number } }
        clusterOfFile = clusterOf
        let files = self.files, claimByPost = claims
        clusterClaims = clusters.map { Self.claims(of: $0, files: files, claimByPost: claimByPost) }
        clusterEvents = clusters.map { Self.events(of: $0, files: files, posts: posts) }
        thumbnailFindings = try ThumbnailDifference.findings(in: store, phashBits: settings.thumbnailBits)
    }

    // MARK: Links

    /// Every link of file `index`, strongest evidence first: its own posts' claims, sites
    /// its GPS lies at, then its reposts' claims.
    func links(of index: Int) -> [SiteLink] {
        let file = files[index]
        var links: [SiteLink] = []
        var claimedSites = Set<String>()
        for postID in file.postIDs {
            guard let claim = claimByPost[postID], let post = posts[postID] else { continue }
            claimedSites.insert(claim.site.id)
            links.append(SiteLink(file: index, site: claim.site, score: claim.score, evidence: .claimed, time: post.postedAt,
                                  detail: "\(Self.label(post)): \(claim.explanation)"))
        }
        if let latitude = file.latitude, let longitude = file.longitude, !(latitude == 0 && longitude == 0) {
            let reach = settings.gpsRadiusKm + gazetteer.largestUncertaintyKm
            for (site, km) in gazetteer.near(latitude: latitude, longitude: longitude, km: reach)
            where km <= Self.extent(of: site) + settings.gpsRadiusKm && !Self.isPlaceholderBuilding(site, gpsRadiusKm: settings.gpsRadiusKm) {
                // The distance is to the site's point, which stands for an area or a rough place.
                let placed = site.uncertaintyKm > 0 ? String(format: " (site uncertainty ±%g km)", site.uncertaintyKm) : ""
                links.append(SiteLink(file: index, site: site, score: 2, evidence: .gps, time: file.dateTaken,
                                      detail: String(format: "EXIF GPS %.5f,%.5f is %.1f km from the site", latitude, longitude, km) + placed))
            }
        }
        if let cluster = clusterOfFile[index] {
            var seen = claimedSites
            for item in clusterClaims[cluster] where item.member != index && seen.insert(item.claim.site.id).inserted {
                guard let post = posts[item.postID] else { continue }
                links.append(SiteLink(file: index, site: item.claim.site, score: item.claim.score, evidence: .repost, time: post.postedAt,
                                      detail: "repost of \(files[item.member].path), claimed by \(Self.label(post))"))
            }
        }
        return links
    }

    /// How far from its point a photo may be and still show the site: a place's extent and
    /// uncertainty, but for a single building (a bank, a TV station), whose approximate point
    /// would otherwise pull in every photo of its city, nothing beyond the GPS radius.
    static func extent(of site: Site) -> Double {
        isSingleBuilding(site) ? 0 : site.uncertaintyKm
    }

    /// A bank or a TV station: one building, not an area.
    static func isSingleBuilding(_ site: Site) -> Bool {
        site.type == .bank || site.type == .tvStation
    }

    /// Whether `site` is a single building (a bank, a TV station) placed only roughly, farther
    /// off than the GPS radius (a branch "placed at the city centre; verify"): a photo near
    /// that point is a photo of the city, not of the building, so GPS links none to it.
    static func isPlaceholderBuilding(_ site: Site, gpsRadiusKm: Double) -> Bool {
        isSingleBuilding(site) && site.uncertaintyKm > gpsRadiusKm
    }

    /// `twitter 1426553791140831232 (2021-08-14T14:08:55Z)`.
    static func label(_ post: PostRecord) -> String {
        "\(post.platform) \(post.postID)" + (post.postedAt.map { " (\($0))" } ?? "")
    }

    // MARK: Contradictions

    /// Every contradiction in the case, by kind, then file path.
    func contradictions() -> [Contradiction] {
        recycled() + conflictingSites() + gpsMismatches() + edited()
    }

    /// Posts presenting a photo as new when it (or a repost of it) was posted or taken more
    /// than `recycledDays` earlier (elapsed time, a time without a zone read as UTC). Posts that
    /// say themselves that the photo is old (fact checks: "old photo", "first seen in 2017",
    /// "file photo", صورة قديمة), or name the year it was taken or first posted ("photo from
    /// 2015", عام 2015), present nothing as new. A post saved with two copies of one photo (the
    /// same tweet downloaded twice) is one finding naming both.
    func recycled() -> [Contradiction] {
        var found: [Contradiction] = []
        // The finding already made for a post and a photo (its cluster, else its content).
        var findingOf: [String: Int] = [:]
        for index in files.indices {
            let file = files[index]
            var events: [Event]? = nil
            for postID in file.postIDs {
                guard let claim = claimByPost[postID], let post = posts[postID], let postedAt = post.postedAt,
                      let postSeconds = CalendarDay.seconds(iso: postedAt), !ClaimResolver.presentsAsOld(post.text ?? "") else { continue }
                let photo = clusterOfFile[index].map { "cluster \($0)" } ?? "sha256 \(file.sha256)"
                if let earlier = findingOf["\(postID) \(photo)"] {
                    found[earlier].name(file.path)
                    continue
                }
                if events == nil { events = clusterOfFile[index].map { clusterEvents[$0] } ?? Self.events(of: [index], files: files, posts: posts) }
                // The earliest fact about the photo other than this post itself.
                guard let earliest = events!.first(where: { $0.postID != postID }),
                      postSeconds - earliest.seconds > settings.recycledDays * 86_400,
                      !Self.namesYear(of: earliest.seconds, before: postSeconds, in: post.text ?? "") else { continue }
                let who = earliest.member == index ? "the same photo" : "a copy of it, \(files[earliest.member].path),"
                var involved = [file.path]
                if earliest.member != index { involved.append(files[earliest.member].path) }
                let earlierPost = earliest.postID.flatMap { posts[$0] }.map { "\($0.platform) \($0.postID)" }
                findingOf["\(postID) \(photo)"] = found.count
                found.append(Contradiction(
                    kind: .recycled, files: involved, sites: [claim.site],
                    posts: ["\(post.platform) \(post.postID)"] + (earlierPost.map { [$0] } ?? []),
                    reason: "\(Self.label(post)) shows \(claim.site.name) as news, but \(who) \(earliest.text), "
                        + "\(Self.elapsed(postSeconds - earliest.seconds)) earlier"))
            }
        }
        return found
    }

    /// "31 days", "30 days 1 hour".
    static func elapsed(_ seconds: Int) -> String {
        let days = seconds / 86_400, hours = (seconds % 86_400) / 3600
        return "\(days) day\(days == 1 ? "" : "s")" + (hours > 0 ? " \(hours) hour\(hours == 1 ? "" : "s")" : "")
    }

    /// Whether `text` names the year of `seconds` (Western or Arabic-Indic digits), one before
    /// the post's own year: a post that dates the photo itself ("Kuweires air base, photo from
    /// 2015", مطار كويرس عام 2015). The post's own year is today's date, not the photo's.
    /// A year glued to a name (`#Raqqa2017`, a campaign's tag) dates the campaign, not the
    /// photo, and does not count.
    static func namesYear(of seconds: Int, before posted: Int, in text: String) -> Bool {
        let year = CalendarDay.year(seconds: seconds)
        guard year < CalendarDay.year(seconds: posted),
              PlaceText.words(text).contains(where: { $0.script == .digits && $0.form == String(year) }) else { return false }
        let arabicIndic = String(String(year).unicodeScalars.map { Character(Unicode.Scalar($0.value - 0x30 + 0x0660)!) })
        let scalars = Array(text.unicodeScalars)
        for spelling in [String(year), arabicIndic] {
            let digits = Array(spelling.unicodeScalars)
            var start = 0
            while start + digits.count <= scalars.count {
                if scalars[start..<start + digits.count].elementsEqual(digits), start == 0 || !scalars[start - 1].properties.isAlphabetic {
                    return true
                }
                start += 1
            }
        }
        return false
    }

    /// The claims the posts of a group of files make, member by member, post by post.
    static func claims(of members: [Int], files: [CaseDatabase.ClaimFile], claimByPost: [Int64: SiteClaim]) -> [MemberClaim] {
        members.flatMap { member in
            files[member].postIDs.compactMap { id in claimByPost[id].map { MemberClaim(member: member, postID: id, claim: $0) } }
        }
    }

    /// The dated events of a group of files (when each was taken and posted), earliest
    /// first; ties in member, then post order.
    static func events(of members: [Int], files: [CaseDatabase.ClaimFile], posts: [Int64: PostRecord]) -> [Event] {
        var events: [Event] = []
        for member in members {
            // A camera whose clock was never set (2000-01-01 00:00:00) dates nothing.
            if let taken = files[member].dateTaken, !DateTaken.looksUnset(taken), let seconds = CalendarDay.seconds(iso: taken) {
                events.append(Event(seconds: seconds, member: member, postID: nil,
                                    text: "was taken \(taken) (\(files[member].dateTakenSource ?? "date taken"))"))
            }
            for postID in files[member].postIDs {
                guard let post = posts[postID], let at = post.postedAt, let seconds = CalendarDay.seconds(iso: at) else { continue }
                events.append(Event(seconds: seconds, member: member, postID: postID, text: "was posted \(at) (\(post.platform) \(post.postID))"))
            }
        }
        return events.enumerated().sorted { ($0.element.seconds, $0.offset) < ($1.element.seconds, $1.offset) }.map(\.element)
    }

    /// One photo (a file or a repost cluster) claimed at sites farther apart than
    /// `conflictKm` beyond their uncertainties.
    func conflictingSites() -> [Contradiction] {
        var groups = clusterClaims
        for index in files.indices where clusterOfFile[index] == nil && !files[index].postIDs.isEmpty {
            groups.append(Self.claims(of: [index], files: files, claimByPost: claimByPost))
        }
        var found: [Contradiction] = []
        for group in groups {
            var claims = group.compactMap { item in posts[item.postID].map { (site: item.claim.site, post: $0, file: item.member) } }
            claims.sort { ($0.post.postedAt ?? "", $0.post.id ?? 0) < ($1.post.postedAt ?? "", $1.post.id ?? 0) }
            // Distinct sites, each with its first claim: a few, however many reposts claim them.
            var firstClaim: [Int] = []
            var seenSites = Set<String>()
            for (position, claim) in claims.enumerated() where seenSites.insert(claim.site.id).inserted { firstClaim.append(position) }
            // Two sites one post names both of are no conflict ("Tabqa and Deir ez-Zor are ours").
            func namesBoth(_ a: Int, _ b: Int) -> Bool {
                [(a, b), (b, a)].contains { one, other in
                    (claims[one].post.id.flatMap { alsoNamedByPost[$0] } ?? []).contains { $0.id == claims[other].site.id }
                }
            }
            var worst: (a: Int, b: Int, km: Double)? = nil
            for a in firstClaim {
                for b in firstClaim where b > a && !namesBoth(a, b) {
                    let km = GeoDistance.kilometres(claims[a].site.latitude, claims[a].site.longitude,
                                                    claims[b].site.latitude, claims[b].site.longitude)
                    let allowed = settings.conflictKm + claims[a].site.uncertaintyKm + claims[b].site.uncertaintyKm
                    if km > allowed, worst == nil || km > worst!.km { worst = (a, b, km) }
                }
            }
            guard let worst else { continue }
            let first = claims[worst.a], second = claims[worst.b]
            var sites: [Site] = []
            for claim in claims where !sites.contains(where: { $0.id == claim.site.id }) { sites.append(claim.site) }
            let involved = Array(Set(claims.map(\.file))).sorted().map { files[$0].path }
            found.append(Contradiction(
                kind: .conflictingSites, files: involved, sites: sites,
                posts: claims.map { "\($0.post.platform) \($0.post.postID)" },
                reason: "the same photo is claimed at \(first.site.name) by \(Self.label(first.post)) and at "
                    + "\(second.site.name) by \(Self.label(second.post)), \(Int(worst.km.rounded())) km apart"))
        }
        return found.sorted { $0.files.first ?? "" < $1.files.first ?? "" }
    }

    /// Files whose EXIF GPS lies farther than `gpsMismatchKm` from a site their own post, or a
    /// post of one of their reposts, claims: the first upload keeps the camera's GPS, the
    /// stripped reposts claim another place.
    func gpsMismatches() -> [Contradiction] {
        var found: [Contradiction] = []
        // The finding already made for a photo's content and a site: a second copy of the same
        // file (same GPS, same cluster) is named in it, not reported again.
        var findingOf: [String: Int] = [:]
        for (index, file) in files.enumerated() {
            guard let latitude = file.latitude, let longitude = file.longitude, !(latitude == 0 && longitude == 0) else { continue }
            var claims = Self.claims(of: [index], files: files, claimByPost: claimByPost)
            if let cluster = clusterOfFile[index] { claims += clusterClaims[cluster].filter { $0.member != index } }
            // One finding per site, naming every post that claims it.
            var order: [String] = []
            var bySite: [String: [MemberClaim]] = [:]
            for item in claims where posts[item.postID] != nil {
                if bySite[item.claim.site.id] == nil { order.append(item.claim.site.id) }
                bySite[item.claim.site.id, default: []].append(item)
            }
            // A post that also names a site near the GPS ("Tabqa and Deir ez-Zor are ours", the
            // photo taken at Deir ez-Zor) agrees with the camera.
            func alsoNamesTheGPSPlace(_ item: MemberClaim) -> Bool {
                (alsoNamedByPost[item.postID] ?? []).contains { other in
                    GeoDistance.kilometres(latitude, longitude, to: other) <= settings.gpsMismatchKm + other.uncertaintyKm
                }
            }
            for siteID in order {
                let items = bySite[siteID]!.filter { !alsoNamesTheGPSPlace($0) }, site = bySite[siteID]![0].claim.site
                guard !items.isEmpty else { continue }
                let km = GeoDistance.kilometres(latitude, longitude, to: site)
                guard km > settings.gpsMismatchKm + site.uncertaintyKm else { continue }
                if let earlier = findingOf["\(file.sha256) \(siteID)"] {
                    found[earlier].name(file.path)
                    continue
                }
                findingOf["\(file.sha256) \(siteID)"] = found.count
                let first = items[0], post = posts[first.postID]!
                let whose = first.member == index ? "" : " for a repost of it, \(files[first.member].path)"
                // A post linked to two copies of the photo is one post.
                var postIDs: [Int64] = []
                for item in items where !postIDs.contains(item.postID) { postIDs.append(item.postID) }
                let more = postIDs.count > 1 ? " (and \(postIDs.count - 1) more post\(postIDs.count == 2 ? "" : "s"))" : ""
                var involved = [file.path]
                for item in items where !involved.contains(files[item.member].path) { involved.append(files[item.member].path) }
                found.append(Contradiction(
                    kind: .gpsMismatch, files: involved, sites: [site], posts: postIDs.compactMap { posts[$0].map { "\($0.platform) \($0.postID)" } },
                    reason: String(format: "EXIF GPS %.5f,%.5f is %.0f km from %@, which %@ claims%@%@",
                                   latitude, longitude, km, site.name, Self.label(post), whose, more)))
            }
        }
        return found
    }

    /// Files whose EXIF Software names an image editor, or whose EXIF thumbnail shows
    /// another picture than the image.
    func edited() -> [Contradiction] {
        var found: [Contradiction] = []
        for file in files {
            var reasons: [String] = []
            // EXIF Software first; else the XMP an editor leaves (some write only that).
            var named: [(tag: String, value: String)] = []
            if let software = file.software { named.append(("EXIF Software", software)) }
            if let tool = file.creatorTool { named.append(("XMP CreatorTool", tool)) }
            named += file.historySoftwareAgents.map { ("XMP HistorySoftwareAgent", $0) }
            for (tag, value) in named {
                guard let editor = EditorNames.editor(in: value) else { continue }
                reasons.append("\(tag) \"\(value)\" is an image editor (\(editor))")
                break
            }
            if let finding = thumbnailFindings[file.id] {
                reasons.append("the EXIF thumbnail shows another picture (\(finding.algorithm) distance \(finding.distance) of "
                               + "\(finding.bits), over \(finding.threshold))")
            }
            guard !reasons.isEmpty else { continue }
            found.append(Contradiction(kind: .edited, files: [file.path], sites: [], posts: [], reason: reasons.joined(separator: "; ")))
        }
        return found
    }
}
