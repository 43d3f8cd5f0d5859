import Foundation
import PerceptualHash
import PostSidecars

/// Reads `imprint hash` output back (JSON Lines, a JSON array, or CSV with a header row).
enum HashListReader {
    /// Problems with a hash output file as a whole.
    struct Failure: Error, CustomStringConvertible {
        let source: String
        let reason: String
        var description: String { "\(source): \(reason)" }
    }

    /// The images listed in `text`, in order; rows with an `error` keep it and have no hashes.
    /// - Parameter source: the file name, for messages.
    static func read(_ text: String, source: String) throws -> [HashedImage] {
        let trimmed = text.drop { $0.isWhitespace }
        if trimmed.first == "[" {
            guard let array = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) as? [[String: Any]] else {
                throw Failure(source: source, reason: "not a JSON array of objects")
            }
            return try array.enumerated().map { try image(from: $1, source: source, line: $0 + 1) }
        }
        if trimmed.first == "{" {
            return try text.split(whereSeparator: \.isNewline).enumerated().compactMap { number, line in
                guard !line.allSatisfy(\.isWhitespace) else { return nil }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw Failure(source: source, reason: "line \(number + 1) is not a JSON object")
                }
                return try image(from: object, source: source, line: number + 1)
            }
        }
        let rows = CSVTable.rows(text)
        guard let header = rows.first, header.contains("path") else {
            throw Failure(source: source, reason: "neither JSON nor CSV with a path column (is it `imprint hash` output?)")
        }
        return try rows.dropFirst().enumerated().compactMap { number, row in
            guard row.contains(where: { !$0.isEmpty }) else { return nil }
            var object: [String: Any] = [:]
            for (key, value) in zip(header, row) where !value.isEmpty { object[key] = value }
            if let list = object["pdq_dihedral"] as? String {
                // ", " between the hashes (a space in files written before lists took commas).
                object["pdq_dihedral"] = list.split(whereSeparator: { $0 == " " || $0 == "," }).map(String.init)
            }
            return try image(from: object, source: source, line: number + 2)
        }
    }

    static func image(from object: [String: Any], source: String, line: Int) throws -> HashedImage {
        guard let path = object["path"] as? String else {
            throw Failure(source: source, reason: "record \(line) has no path")
        }
        var image = HashedImage(path: path)
        image.error = object["error"] as? String
        image.sha256 = (object["sha256"] as? String).flatMap { $0.count == 64 ? $0.lowercased() : nil }
        for algorithm in HashAlgorithm.allCases {
            guard let text = object[algorithm.rawValue] as? String else { continue }
            guard image.setHash(algorithm, hex: text) else {
                throw Failure(source: source, reason: "record \(line): '\(text)' is not a \(algorithm.rawValue) hash")
            }
            if let trimmed = object[algorithm.rawValue + "_trimmed"] as? String {
                guard let words = HashedImage.words(algorithm, hex: trimmed) else {
                    throw Failure(source: source, reason: "record \(line): '\(trimmed)' is not a \(algorithm.rawValue) hash")
                }
                image.trimmedWords[algorithm] = words
            }
            // Central, corner, edge, rotated and aspect regions (`<algorithm>_c90`, `_tl90`,
            // `_el91`, `_r-2`, `_a1x1`), in name order.
            let prefix = algorithm.rawValue + "_"
            for key in object.keys.filter({ $0.hasPrefix(prefix) && CanonicalRegions.isRegionName($0.dropFirst(prefix.count)) }).sorted() {
                guard let region = object[key] as? String, let words = HashedImage.words(algorithm, hex: region) else {
                    throw Failure(source: source, reason: "record \(line): \(key) is not a \(algorithm.rawValue) hash")
                }
                image.regions[algorithm, default: []].append((key, words))
            }
        }
        if let quality = object["pdq_quality"] {
            image.pdqQuality = (quality as? Int) ?? (quality as? String).flatMap { Int($0) }
        }
        if let list = object["pdq_dihedral"] as? [String] {
            let hashes = list.compactMap { HashedImage.words(.pdq, hex: $0) }
            guard hashes.count == 8 else {
                throw Failure(source: source, reason: "record \(line): pdq_dihedral needs eight PDQ hashes")
            }
            image.pdqDihedral = hashes
        }
        if let taken = object["DateTimeOriginal"] as? String, let time = HashedImage.sortableTime(exif: taken) {
            image.time = time
            image.timeSource = "DateTimeOriginal"
        }
        return image
    }
}
