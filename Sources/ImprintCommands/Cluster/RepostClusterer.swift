import HammingIndex
import PerceptualHash

/// Groups images whose hashes lie within the thresholds: the core of `imprint cluster`.
struct RepostClusterer {
    /// How groups are formed from the "close enough" pairs.
    enum Mode: String, CaseIterable, Sendable {
        /// Connected components: A~B and B~C put A, B, C together (the PDQ tools' "snowball").
        case components
        /// Each group is the earliest unassigned image and every unassigned image close to it,
        /// so every member is within the threshold of the representative.
        case earliest
    }

    let algorithms: [HashAlgorithm]
    let thresholds: MatchThresholds
    /// Compare PDQ hashes under all eight rotations and mirrors.
    let dihedral: Bool
    let mode: Mode
    /// PDQ hashes below this quality are left out, as the PDQ authors advise.
    var minimumQuality = 50

    /// A group, members in time order, the first being the representative.
    struct Cluster {
        var members: [Int]
        /// Per member, per algorithm: the distance to the representative (nil: no hash).
        var distances: [[HashAlgorithm: Int]]
        /// Per member, how it met the group: the closest member it matched (the representative
        /// when it matched that one) and the hashes that met. Nil for the representative. In
        /// `components` mode a member may be far from the representative and have joined
        /// through another member: this says through which, and by which region or turn.
        var joins: [Join?]
    }

    /// A matched pair's closest hashes: their distance and names ("pdq_a1x1", "pdq_ROTATE90").
    struct Meeting {
        var distance: Int
        var names: (String, String)
        /// The two names as output shows them: "pdq_c90~pdq".
        var hashes: String { names.0 + "~" + names.1 }
    }

    /// The member another joined the group through, and how they met.
    struct Join {
        var via: Int
        var meeting: Meeting
    }

    /// Images that take part: no error, and (when PDQ is used) quality at least the minimum.
    func isLowQuality(_ image: HashedImage) -> Bool {
        algorithms.contains(.pdq) && image.words[.pdq] != nil && (image.pdqQuality ?? 100) < minimumQuality
    }

    /// The clusters of `images`, ordered by their earliest member then path; singletons
    /// included only when `singletons`, after every larger cluster.
    func clusters(of images: [HashedImage], singletons: Bool) -> [Cluster] {
        let eligible = images.indices.filter { images[$0].error == nil && !isLowQuality(images[$0]) }
        // Images whose hashes are all the same (one file saved again and again, a popular
        // photo reposted unchanged thousands of times) meet every other image alike: the index
        // compares one of them, and each image's neighbours are its copies and the copies of
        // the groups its group met. Comparing every copy with every copy took memory and time
        // that grew with the square of the copies (8,000 copies: 7 GB; CLI probe round 10, H1).
        let (copies, copyGroup) = copyGroups(images, eligible: eligible)
        // Copy groups in the time order of their earliest copy.
        let byTime = eligible.sorted { images[$0].orderKey < images[$1].orderKey }
        var timeRank = [Int32](repeating: -1, count: copies.count), groupsByTime: [Int] = []
        for index in byTime where timeRank[copyGroup[index]!] < 0 {
            timeRank[copyGroup[index]!] = Int32(groupsByTime.count)
            groupsByTime.append(copyGroup[index]!)
        }
        // Which groups met which, a bounded list each (a photo's thousands of distinct
        // near-copies all meet each other): `components` keeps the groups of smallest input
        // index, whose copies are the join candidates below; `earliest` the earliest groups,
        // among which a group finds the centre that takes it.
        let keyedByIndex = mode == .components
        func key(_ group: Int) -> Int32 { keyedByIndex ? Int32(group) : timeRank[group] }
        func groupOf(key: Int32) -> Int { keyedByIndex ? Int(key) : groupsByTime[Int(key)] }
        var met = MetGroups(count: copies.count, capacity: 32)
        var root = Array(copies.indices)  // union-find over the groups (`components`)
        func find(_ x: Int) -> Int {
            var x = x
            while root[x] != x { root[x] = root[root[x]]; x = root[x] }
            return x
        }
        for algorithm in algorithms {
            pairs(images, among: copies.map { $0[0] }, algorithm: algorithm) { x, y in
                met.add(key(y), to: x)
                met.add(key(x), to: y)
                if keyedByIndex { root[find(x)] = find(y) }
            }
        }
        met.finish()
        /// Whether two images' hashes meet (what the index finds), asked only of groups that met
        /// more groups than they kept.
        func meet(_ a: Int, _ b: Int) -> Bool { firstMeeting(images[a], images[b]) != nil }
        /// Whether two groups met: kept in a list, or, beyond a full list, asked of the hashes.
        func groupsMet(_ x: Int, _ y: Int) -> Bool {
            x == y || met.keeps(key(y), in: x) || (met.truncated[x] && meet(copies[x][0], copies[y][0]))
        }
        /// `member`'s neighbours (the images it matched), smallest indices first, at most `limit`
        /// (in `components` mode exactly those: the groups kept are the ones of smallest index).
        func neighbours(of member: Int, limit: Int) -> [Int] {
            let own = copyGroup[member]!
            var merged = Array(copies[own].lazy.filter { $0 != member }.prefix(limit))
            for key in met.kept[own] { merged += copies[groupOf(key: key)].prefix(limit) }
            return Array(merged.sorted().prefix(limit))
        }
        // Each group joins a cluster, and every copy goes where its group goes.
        var clusterOf = [Int](repeating: -1, count: copies.count)
        switch mode {
        case .components:
            for group in copies.indices { clusterOf[group] = find(group) }
        case .earliest:
            // The earliest image not yet taken is a centre and takes every image it met that is
            // not taken: a group goes to the earliest centre among the groups it met before it
            // (all taken by then), and is a centre itself when there is none.
            var centres: [Int] = []
            for group in groupsByTime {
                let rank = timeRank[group]
                var centre = met.kept[group].lazy.filter { $0 < rank }.map { groupOf(key: $0) }
                    .first { clusterOf[$0] == $0 }
                if centre == nil, met.truncated[group], let last = met.kept[group].last {
                    // It met more groups than it kept: the earliest centre after those that it
                    // meets, one comparison of hashes per centre asked (rare: a group's earliest
                    // neighbours are nearly always taken by a centre among them).
                    centre = centres.first { timeRank[$0] > last && meet(copies[$0][0], copies[group][0]) }
                }
                clusterOf[group] = centre ?? group
                if centre == nil { centres.append(group) }
            }
        }
        var groups: [[Int]] = [], position: [Int: Int] = [:]
        for index in byTime {
            let cluster = clusterOf[copyGroup[index]!]
            if let found = position[cluster] { groups[found].append(index) } else {
                position[cluster] = groups.count
                groups.append([index])
            }
        }
        // byTime order makes groups come out ordered by earliest member, members in time order.
        // Groups of two and more come first, singletons after: a cluster keeps its number
        // whether or not the singletons are listed.
        let kept = groups.filter { $0.count > 1 } + (singletons ? groups.filter { $0.count == 1 } : [])
        return kept.map { members in
            let representative = images[members[0]]
            return Cluster(members: members, distances: members.map { member in
                var distances: [HashAlgorithm: Int] = [:]
                for algorithm in algorithms {
                    distances[algorithm] = distance(representative, images[member], algorithm)
                }
                return distances
            }, joins: members.enumerated().map { rank, member in
                guard rank > 0 else { return nil }
                let metRepresentative = groupsMet(copyGroup[member]!, copyGroup[members[0]]!)
                return join(member, representative: members[0], metRepresentative: metRepresentative,
                            candidates: { neighbours(of: member, limit: 32) }, images: images)
            })
        }
    }

    /// Eligible images grouped by identical hashes (every algorithm's whole-image, region and
    /// dihedral hashes, with their names), each group in input order, groups in the order of
    /// their first image; `group` maps an image to its group.
    private func copyGroups(_ images: [HashedImage], eligible: [Int]) -> (groups: [[Int]], group: [Int: Int]) {
        func hashes(_ image: HashedImage) -> [[(name: String, words: [UInt64])]] {
            algorithms.map { image.namedHashes($0, dihedral: false) + variants(of: image, $0) }
        }
        func same(_ a: HashedImage, _ b: HashedImage) -> Bool {
            let (x, y) = (hashes(a), hashes(b))
            return x.count == y.count && zip(x, y).allSatisfy { p, q in
                p.count == q.count && zip(p, q).allSatisfy { $0.name == $1.name && $0.words == $1.words }
            }
        }
        var groups: [[Int]] = [], group: [Int: Int] = [:], byKey: [Int: [Int]] = [:]
        group.reserveCapacity(eligible.count)
        byKey.reserveCapacity(eligible.count)
        for index in eligible {
            let lists = hashes(images[index])
            // An image with none of the hashes compared meets nothing, not even its like.
            guard lists.contains(where: { !$0.isEmpty }) else {
                group[index] = groups.count
                groups.append([index])
                continue
            }
            var hasher = Hasher()
            for list in lists {
                hasher.combine(list.count)
                for hash in list { hasher.combine(hash.name); hasher.combine(hash.words) }
            }
            let key = hasher.finalize()
            if let found = byKey[key]?.first(where: { same(images[groups[$0][0]], images[index]) }) {
                groups[found].append(index)
                group[index] = found
            } else {
                byKey[key, default: []].append(groups.count)
                group[index] = groups.count
                groups.append([index])
            }
        }
        return (groups, group)
    }

    /// How `member` met its group: through the representative when it matched it, else through
    /// the member it came closest to among those it matched (by the first algorithm that met;
    /// among its first 32 in input order, so that a member of a dense cluster of thousands
    /// costs no more than a few).
    private func join(_ member: Int, representative: Int, metRepresentative: Bool, candidates neighbours: () -> [Int],
                      images: [HashedImage]) -> Join? {
        let candidates = metRepresentative ? [representative] : neighbours()
        let joins = candidates.compactMap { other in
            firstMeeting(images[other], images[member]).map { (rank: $0.rank, join: Join(via: other, meeting: $0.meeting)) }
        }
        return joins.min { ($0.rank, $0.join.meeting.distance) < ($1.rank, $1.join.meeting.distance) }?.join
    }

    /// The first algorithm, in the order given, under which the two images meet (their
    /// closest hashes within its threshold): its rank and that meeting.
    private func firstMeeting(_ a: HashedImage, _ b: HashedImage) -> (rank: Int, meeting: Meeting)? {
        for (rank, algorithm) in algorithms.enumerated() {
            if let meeting = meeting(a, b, algorithm), meeting.distance <= thresholds[algorithm] { return (rank, meeting) }
        }
        return nil
    }

    /// The distance between two images' hashes: the smallest over their whole-image and
    /// region hashes, and over dihedral variants when asked (any hash against any, except one
    /// variant against another: see `pairs`).
    func distance(_ a: HashedImage, _ b: HashedImage, _ algorithm: HashAlgorithm) -> Int? {
        meeting(a, b, algorithm)?.distance
    }

    /// The closest pair of `a`'s and `b`'s hashes of `algorithm`, with their names: the same
    /// hashes `pairs` puts in the index, so a joined pair shows the distance that joined it.
    func meeting(_ a: HashedImage, _ b: HashedImage, _ algorithm: HashAlgorithm) -> Meeting? {
        guard let x = a.words[algorithm], let y = b.words[algorithm], x.count == y.count else { return nil }
        let ownA = a.namedHashes(algorithm, dihedral: false), ownB = b.namedHashes(algorithm, dihedral: false)
        var best: Meeting?
        func consider(_ p: (name: String, words: [UInt64]), _ q: (name: String, words: [UInt64])) {
            guard p.words.count == q.words.count else { return }
            let distance = Self.distance(p.words, q.words)
            if distance < best?.distance ?? .max { best = Meeting(distance: distance, names: (p.name, q.name)) }
        }
        for p in ownA {
            for q in ownB + variants(of: b, algorithm) { consider(p, q) }
        }
        for p in variants(of: a, algorithm) {
            for q in ownB { consider(p, q) }
        }
        return best
    }

    /// The image's seven turned and flipped PDQ hashes, when dihedral matching is on.
    private func variants(of image: HashedImage, _ algorithm: HashAlgorithm) -> [(name: String, words: [UInt64])] {
        algorithm == .pdq && dihedral ? Array((image.namedDihedral ?? []).dropFirst()) : []
    }

    static func distance(_ x: [UInt64], _ y: [UInt64]) -> Int {
        zip(x, y).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
    }

    /// Pairs of `representatives` (positions in it) whose hashes lie within the algorithm's
    /// threshold, through the Hamming index, handed to `body` as they are found, in no
    /// particular order; a pair may come more than once.
    func pairs(_ images: [HashedImage], among representatives: [Int], algorithm: HashAlgorithm,
               _ body: (Int, Int) -> Void) {
        // Hashes of the usual width for this algorithm; a differently sized hash (another
        // --hash-size) is compared only with its own kind.
        var bySize: [Int: [Int]] = [:]
        for (position, index) in representatives.enumerated() {
            if let words = images[index].words[algorithm] { bySize[words.count, default: []].append(position) }
        }
        let radius = thresholds[algorithm]
        for (width, members) in bySize.sorted(by: { $0.key < $1.key }) {
            // One entry per hash: an image has one for the whole and one per region (trimmed,
            // central, corner, rotated), plus with dihedral matching its seven other rotations
            // and flips; a pair of images is close when any of their entries are. One exact
            // self-join over all entries: querying the index once per variant and region cost
            // 20 times more at 50,000 images.
            // A rotated or flipped variant is matched against the other image's own hashes,
            // never against its variants: turning both the same way compares nothing new,
            // and only adds chances for two photos in one app's screenshot template to meet.
            var owners: [Int] = []
            var isVariant: [Bool] = []
            var words: [UInt64] = []
            for member in members {
                let image = images[representatives[member]]
                let own = image.allWords(algorithm)
                for (index, hash) in (own + variants(of: image, algorithm).map(\.words)).enumerated() where hash.count == width {
                    owners.append(member)
                    isVariant.append(index >= own.count)
                    words += hash
                }
            }
            HammingIndex.selfJoin(words: words, wordsPerHash: width, radius: radius) { batch in
                for pair in batch {
                    let (a, b) = (owners[Int(pair.first)], owners[Int(pair.second)])
                    guard a != b, !(isVariant[Int(pair.first)] && isVariant[Int(pair.second)]) else { continue }
                    body(a, b)
                }
            }
        }
    }
}
