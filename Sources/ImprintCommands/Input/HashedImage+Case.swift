import CaseStore
import Foundation
import PerceptualHash

extension HashedImage {
    /// Every file in the case with a stored hash for each of `algorithms`, in path order,
    /// without reading or hashing any image: what `cluster --case` and `match --case` use.
    ///
    /// The time is the date taken (UTC where the file recorded an offset), else the earliest
    /// post the file came with, else the modification time it was ingested with (as a
    /// folder's files fall back to theirs).
    static func fromCase(_ store: CaseDatabase, algorithms: [HashAlgorithm]) throws -> [HashedImage] {
        var byFile: [Int64: HashedImage] = [:]
        var order: [Int64] = []
        for (index, algorithm) in algorithms.enumerated() {
            let rows = try store.storedHashes(algorithm: algorithm.rawValue)
            if index == 0 {
                // A million images are too many to grow into: each growth copies them all.
                byFile.reserveCapacity(rows.count)
                order.reserveCapacity(rows.count)
            }
            for stored in rows {
                let words = Self.words(of: stored.value)
                if index == 0 {
                    var image = HashedImage(path: stored.path)
                    image.orientation = stored.orientation
                    if let taken = Self.sortableTime(iso: stored.dateTaken) {
                        (image.time, image.timeSource) = (taken, stored.dateTakenSource ?? "date_taken")
                    } else if let posted = Self.sortableTime(iso: stored.firstPostedAt) {
                        (image.time, image.timeSource) = (posted, "posted_at")
                    } else {
                        (image.time, image.timeSource) = (Self.sortableTime(epochSeconds: Int(stored.mtimeNanoseconds / 1_000_000_000)), "mtime")
                    }
                    byFile[stored.fileID] = image
                    order.append(stored.fileID)
                }
                guard byFile[stored.fileID] != nil else { continue }
                byFile[stored.fileID]!.words[algorithm] = words
                byFile[stored.fileID]!.hex[algorithm] = HashRecord(fileID: 0, algorithm: "", value: stored.value, quality: nil).hex
                if algorithm == .pdq { byFile[stored.fileID]!.pdqQuality = stored.quality }
            }
        }
        // Region hashes and dihedral variants, under the names `imprint hash` prints, read in
        // name order as HashListReader reads them from hash output.
        let names = try store.storedHashNames()
        for algorithm in algorithms {
            for name in names where name.hasPrefix(algorithm.rawValue + "_") {
                let suffix = name.dropFirst(algorithm.rawValue.count + 1)
                for stored in try store.storedHashes(algorithm: name) where byFile[stored.fileID] != nil {
                    let words = Self.words(of: stored.value)
                    if suffix == "trimmed" {
                        byFile[stored.fileID]!.trimmedWords[algorithm] = words
                    } else if suffix.hasPrefix("dihedral") {
                        continue
                    } else {
                        byFile[stored.fileID]!.regions[algorithm, default: []].append((name, words))
                    }
                }
            }
        }
        if algorithms.contains(.pdq) {
            var variants: [Int64: [[UInt64]]] = [:]
            for k in 1..<8 {
                for stored in try store.storedHashes(algorithm: HashRecord.dihedralName(k)) { variants[stored.fileID, default: []].append(Self.words(of: stored.value)) }
            }
            for (fileID, list) in variants where list.count == 7 {
                guard let pdq = byFile[fileID]?.words[.pdq] else { continue }
                byFile[fileID]!.pdqDihedral = [pdq] + list
            }
        }
        return order.compactMap { byFile[$0] }.filter { image in algorithms.allSatisfy { image.words[$0] != nil } }
    }

    /// A stored hash as words, most significant first.
    static func words(of value: HashValue) -> [UInt64] {
        switch value {
        case .bits64(let bits): return [bits]
        case .wide(let bytes, _):
            return stride(from: 0, to: bytes.count, by: 8).map { start in
                bytes[start..<min(start + 8, bytes.count)].reduce(0) { $0 << 8 | UInt64($1) }
            }
        }
    }

    /// `2017-07-02T06:41:17.120Z` → `2017-07-02T06:41:17Z`: to the second, keeping the `Z`.
    static func sortableTime(iso: String?) -> String? {
        guard let iso, iso.count >= 10 else { return nil }
        // A date without a time sorts before that day's times, as its first moment would.
        if iso.count < 19 { return String(iso.prefix(10)) }
        // A time in UTC keeps its Z; a camera's clock (no offset recorded) has none.
        return String(iso.prefix(19)) + (iso.hasSuffix("Z") ? "Z" : "")
    }
}
