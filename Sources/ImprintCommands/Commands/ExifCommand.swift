import ArgumentParser
import Foundation
import ImageMetadata

/// `imprint exif`: EXIF, XMP and file facts for files and folders, shaped like `exiftool -j -n`.
struct ExifCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "exif",
        abstract: "Print EXIF, GPS and XMP metadata, with exiftool's tag names and -n values.",
        discussion: """
            Adds what exiftool does not show by default: SHA-256, MD5, the JPEG quality \
            estimate and the embedded thumbnail's size. A file that cannot be read gets an \
            Error field and a line on stderr; the run goes on. Exit status: 0 when every \
            file was read, 1 when some failed, 2 for usage errors.
            """
    )

    @OptionGroup var batch: BatchOptions

    @Flag(name: [.customShort("G"), .customLong("groups")],
          help: "Prefix each tag with exiftool's -G1 group (IFD0:Make, GPS:GPSLatitude, XMP-xmp:CreatorTool).")
    var groups = false

    @Option(name: .customLong("extract-thumbnails"), help: ArgumentHelp(
        "Write each embedded EXIF thumbnail to this folder as <SHA-256 of the file>.jpg.", valueName: "dir"))
    var thumbnailFolder: String?

    func validate() throws {
        if let thumbnailFolder {
            var isFolder: ObjCBool = false
            if !FileManager.default.fileExists(atPath: thumbnailFolder, isDirectory: &isFolder) || !isFolder.boolValue {
                throw ValidationError("--extract-thumbnails: \(thumbnailFolder) is not a folder.")
            }
        }
    }

    func run() async throws {
        let writer = RecordWriter(format: batch.outputFormat)
        let grouped = groups, thumbnails = thumbnailFolder
        let identity = BatchRun.Identity(pathKey: "SourceFile", sizeKey: grouped ? "System:FileSize" : "FileSize",
                                         sha256Key: grouped ? "Imprint:SHA256" : "SHA256", md5Key: grouped ? "Imprint:MD5" : "MD5")
        let failures = try await BatchRun(options: batch, writer: writer).run(identity: identity, errorKey: "Error") { input in
            Self.describe(input, grouped: grouped, thumbnailFolder: thumbnails)
        }
        if failures > 0 { throw ExitCode(1) }
    }

    /// The record for one file: SourceFile, then its tags, or an Error field.
    static func describe(_ input: BatchInput, grouped: Bool, thumbnailFolder: String?) -> BatchRun.Outcome {
        let path: String, bytes: [UInt8]
        switch BatchRun.read(input) {
        case .failure(let failure): return .unreadable(failure, pathKey: "SourceFile", errorKey: "Error")
        case .success(let file): (path, bytes) = file
        }
        // Digested here, not with other files on the writing thread as `hash` does: without a
        // decode, the digests are half of the work, and one thread doing them all for both
        // workers made a run slower (47 → 65 ms over the EXIF corpus).
        do {
            let metadata = try MetadataReader.read(bytes)
            var record: OutputRecord = [("SourceFile", .string(path))]
            for (key, value) in metadata.keyedTags(grouped: grouped) {
                record.append((key, OutputValue(value)))
            }
            if let thumbnailFolder, let thumbnail = metadata.thumbnail {
                let target = URL(fileURLWithPath: thumbnailFolder).appendingPathComponent(metadata.sha256 + ".jpg")
                do {
                    try Data(thumbnail).write(to: target)
                    record.append((grouped ? "Imprint:ThumbnailFile" : "ThumbnailFile", .string(target.path)))
                } catch {
                    return BatchRun.Outcome(record: record + [("Error", .string("cannot write thumbnail: \(target.path)"))],
                                            failure: "\(path): cannot write thumbnail to \(target.path)")
                }
            }
            return BatchRun.Outcome(record: record, failure: nil)
        } catch {
            // As exiftool, a file it cannot read still has its size (an empty or HTML "JPEG").
            return BatchRun.Outcome(record: [("SourceFile", .string(path)), (grouped ? "System:FileSize" : "FileSize", .integer(Int64(bytes.count))),
                                             ("Error", .string("\(error)"))],
                                    failure: "\(path): \(error)")
        }
    }
}

extension OutputValue {
    /// Whether `text` is a whole number as exiftool's JSON writer prints one unquoted: an
    /// optional minus, then 0 or up to 15 digits without a leading zero.
    static func isPlainInteger(_ text: String) -> Bool {
        let digits = text.hasPrefix("-") ? text.utf8.dropFirst() : text.utf8[...]
        guard (1...15).contains(digits.count), digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return false }
        return digits.count == 1 || digits.first != UInt8(ascii: "0")
    }

    /// Whether exiftool's JSON writer prints `text` unquoted, as a number: its rule is
    /// `^-?(\d|[1-9]\d{1,14})(\.\d{1,16})?(e[-+]?\d{1,3})?$` (case-insensitive), so "2.50" and
    /// "1e5" are numbers and "007", "1.", a 16-digit integer or 17 decimals are text.
    static func isExiftoolNumber(_ text: String) -> Bool {
        var rest = Substring(text)
        if rest.hasPrefix("-") { rest = rest.dropFirst() }
        func digits(_ range: ClosedRange<Int>) -> Bool {
            let run = rest.prefix { $0.isASCII && $0.isNumber }
            guard range.contains(run.count) else { return false }
            rest = rest.dropFirst(run.count)
            return true
        }
        let integer = rest.prefix { $0.isASCII && $0.isNumber }
        guard integer.count == 1 || (2...15).contains(integer.count) && integer.first != "0", digits(1...15) else { return false }
        if rest.hasPrefix(".") {
            rest = rest.dropFirst()
            guard digits(1...16) else { return false }
        }
        if rest.hasPrefix("e") || rest.hasPrefix("E") {
            rest = rest.dropFirst()
            if rest.hasPrefix("-") || rest.hasPrefix("+") { rest = rest.dropFirst() }
            guard digits(1...3) else { return false }
        }
        return rest.isEmpty
    }

    /// The JSON-ready form of a metadata value, typed as exiftool's JSON writer types it: text
    /// that reads as a number is a number ("2.50", SubSecTime "42"), "true"/"false" in any
    /// case a boolean, and a number too long for its rule ("0.000312500010781628", a 16-digit
    /// integer) or not finite (exiftool's "inf" and "undef") a string.
    init(_ value: TagValue) {
        switch value {
        case .string(let text) where Self.isPlainInteger(text): self = .integer(Int64(text)!)
        case .string(let text) where Self.isExiftoolNumber(text): self = .number(text)
        case .string(let text) where ["true", "false"].contains(text.lowercased()): self = .bool(text.lowercased() == "true")
        case .string(let text): self = .string(text)
        case .integer(let number): self = Self.isPlainInteger(String(number)) ? .integer(number) : .string(String(number))
        case .double(let number): self = Self.isExiftoolNumber(value.exiftoolText) ? .double(number) : .string(value.exiftoolText)
        case .list(let items): self = .list(items.map(OutputValue.init))
        case .boolean(let flag): self = .bool(flag)
        }
    }
}
