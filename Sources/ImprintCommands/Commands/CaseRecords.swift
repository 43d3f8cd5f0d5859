import CaseStore
import Foundation

/// Case rows as output records.
enum CaseRecords {
    /// One row of `case files`; `nested` (JSON output) gives the tags as an object rather than
    /// as JSON text in a string.
    static func summary(_ summary: CaseDatabase.FileSummary, full: Bool, nested: Bool) -> OutputRecord {
        let file = summary.file, metadata = summary.metadata
        var record: OutputRecord = [
            ("path", .string(file.path)), ("size", .integer(file.size)), ("sha256", .string(file.sha256)),
            ("format", optional(file.format)), ("width", optional(file.width)), ("height", optional(file.height)),
            ("status", .string(file.decodeStatus.rawValue)), ("error", optional(file.decodeError)),
            ("date_taken", optional(metadata?.dateTaken)),
            ("gps_latitude", metadata?.gpsLatitude.map(OutputValue.double) ?? .null),
            ("gps_longitude", metadata?.gpsLongitude.map(OutputValue.double) ?? .null),
            ("make", optional(metadata?.make)), ("model", optional(metadata?.model)),
            ("posts", .integer(Int64(summary.postCount))),
        ]
        let pdq = summary.hashes.first { $0.algorithm == "pdq" }
        record += [("pdq", optional(pdq?.hex)), ("pdq_quality", optional(pdq?.quality)),
                   ("phash", optional(summary.hashes.first { $0.algorithm == "phash" }?.hex))]
        if full {
            record += [("md5", .string(file.md5)), ("mtime_ns", .integer(file.mtimeNanoseconds)),
                       ("software", optional(metadata?.software)), ("orientation", optional(metadata?.orientation)),
                       ("jpeg_quality", optional(metadata?.jpegQuality)),
                       ("hashes", .list(summary.hashes.map { .string("\($0.algorithm):\($0.hex)") })),
                       ("tags", metadata.map { nested ? .json($0.tags) : .string($0.tags) } ?? .null)]
        }
        return record
    }

    /// Everything `case show` prints about a file; `nested` (JSON output) gives the posts as an
    /// array of objects and the tags as an object, flat dotted keys otherwise.
    static func detail(_ detail: CaseDatabase.FileDetail, nested: Bool) -> OutputRecord {
        let summary = detail.summary, file = summary.file, metadata = summary.metadata
        var record: OutputRecord = [
            ("path", .string(file.path)), ("size", .integer(file.size)), ("mtime_ns", .integer(file.mtimeNanoseconds)),
            ("sha256", .string(file.sha256)), ("md5", .string(file.md5)),
            ("format", optional(file.format)), ("width", optional(file.width)), ("height", optional(file.height)),
            ("status", .string(file.decodeStatus.rawValue)), ("error", optional(file.decodeError)),
            ("date_taken", optional(metadata?.dateTaken)),
            ("gps_latitude", metadata?.gpsLatitude.map(OutputValue.double) ?? .null),
            ("gps_longitude", metadata?.gpsLongitude.map(OutputValue.double) ?? .null),
            ("make", optional(metadata?.make)), ("model", optional(metadata?.model)), ("software", optional(metadata?.software)),
        ]
        for hash in summary.hashes {
            record.append((hash.algorithm, .string(hash.hex)))
            if let quality = hash.quality { record.append((hash.algorithm + "_quality", .integer(Int64(quality)))) }
        }
        record.append(("same_content", .list(detail.sameContent.map(OutputValue.string))))
        let posts: [OutputRecord] = detail.posts.map { post in
            [("platform", .string(post.platform)), ("post_id", .string(post.postID)), ("url", optional(post.url)),
             ("author", optional(post.author)), ("posted_at", optional(post.postedAt)), ("language", optional(post.language)),
             ("text", optional(post.text)), ("extra", nested ? jsonOrString(post.extra) : .string(post.extra)),
             ("sidecar", .string(post.sidecar))]
        }
        if nested {
            // JSON: the posts as an array of objects and the tags as one object, as jq expects.
            record.append(("posts", .json("[" + posts.map { RecordWriter.jsonObject($0, indent: nil) }.joined(separator: ",") + "]")))
            record.append(("tags", metadata.map { jsonOrString($0.tags) } ?? .json("{}")))
            return record
        }
        // CSV and text: one column each, `post1.text`, `tag.IFD0:Make`.
        for (index, post) in posts.enumerated() {
            record += post.map { ("post\(index + 1).\($0.key)", $0.value) }
        }
        // The tags last, one key each, as `imprint exif -G` names them.
        if let tags = metadata?.tags, let object = try? JSONSerialization.jsonObject(with: Data(tags.utf8)) as? [String: Any] {
            for key in orderedKeys(tags) {
                record.append(("tag." + key, value(object[key])))
            }
        }
        return record
    }

    static func optional(_ text: String?) -> OutputValue { text.map(OutputValue.string) ?? .null }

    /// Stored JSON text as nested JSON, or as a string should it not parse (it always should).
    static func jsonOrString(_ text: String) -> OutputValue {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)) != nil ? .json(text) : .string(text)
    }
    static func optional(_ number: Int?) -> OutputValue { number.map { .integer(Int64($0)) } ?? .null }

    static func value(_ any: Any?) -> OutputValue {
        switch any {
        case let text as String: .string(text)
        case let number as NSNumber:
            number.doubleValue == Double(number.int64Value) ? .integer(number.int64Value) : .double(number.doubleValue)
        case let list as [Any]: .list(list.map(value))
        default: .null
        }
    }

    /// The keys of a flat JSON object in the order written (JSONSerialization forgets it).
    static func orderedKeys(_ json: String) -> [String] {
        var keys: [String] = []
        var depth = 0, inString = false, escaped = false, current = "", expectingKey = false
        for character in json {
            if inString {
                if escaped { current.append(character); escaped = false; continue }
                if character == "\\" { escaped = true; current.append(character); continue }
                if character == "\"" {
                    inString = false
                    if expectingKey, depth == 1 {
                        if let decoded = try? JSONSerialization.jsonObject(with: Data(("\"" + current + "\"").utf8), options: .fragmentsAllowed) as? String {
                            keys.append(decoded)
                        }
                        expectingKey = false
                    }
                    continue
                }
                current.append(character)
                continue
            }
            switch character {
            case "\"": inString = true; current = ""
            case "{", "[": depth += 1; if depth == 1 { expectingKey = true }
            case "}", "]": depth -= 1
            case ",": if depth == 1 { expectingKey = true }
            case ":": if depth == 1 { expectingKey = false }
            default: break
            }
        }
        return keys
    }
}
