internal import CExif
internal import Foundation

/// The EXIF directories libexif reads, with exiftool's `-G1` group names.
enum ExifDirectory: Int, CaseIterable {
    // Raw values are libexif's `ExifIfd` numbering.
    case ifd0 = 0, ifd1 = 1, exif = 2, gps = 3, interop = 4

    /// exiftool's family-1 group name.
    var group: String {
        switch self {
        case .ifd0: "IFD0"
        case .ifd1: "IFD1"
        case .exif: "ExifIFD"
        case .gps: "GPS"
        case .interop: "InteropIFD"
        }
    }
}

/// One EXIF entry as libexif loaded it, copied out of C memory.
struct RawExifEntry {
    var directory: ExifDirectory
    var tag: UInt16
    /// TIFF field type (1 BYTE … 12 DOUBLE).
    var format: UInt16
    var data: [UInt8]
}

/// Everything taken out of one libexif parse.
struct ExifParseResult {
    var entries: [RawExifEntry] = []
    var bigEndian = false
    var thumbnail: [UInt8]?
    var warnings: [String] = []
    /// libexif found and interpreted a MakerNote (``ExifStructureGuard`` keeps this false).
    var makerNoteInterpreted = false
}

/// Collects libexif's log messages; libexif would otherwise print nothing, but we want its
/// complaints about corrupt data as warnings.
final class ExifLogCollector {
    var messages: [String] = []
}

/// The libexif functions used, from the library opened on the first EXIF block a process
/// reads rather than linked: a run that reads no metadata (a second ingest, a query of the
/// case) does not pay the loader for it at start. (The types are the headers'; the functions
/// are only named here, so that nothing links to them.)
struct LibExif: @unchecked Sendable {
    let dataNew: @convention(c) () -> UnsafeMutablePointer<ExifData>?
    let dataUnsetOption: @convention(c) (UnsafeMutablePointer<ExifData>?, ExifDataOption) -> Void
    let dataLoadData: @convention(c) (UnsafeMutablePointer<ExifData>?, UnsafePointer<UInt8>?, UInt32) -> Void
    let dataGetByteOrder: @convention(c) (UnsafeMutablePointer<ExifData>?) -> ExifByteOrder
    let dataGetMnoteData: @convention(c) (UnsafeMutablePointer<ExifData>?) -> OpaquePointer?
    let dataLog: @convention(c) (UnsafeMutablePointer<ExifData>?, OpaquePointer?) -> Void
    let dataUnref: @convention(c) (UnsafeMutablePointer<ExifData>?) -> Void
    let logNew: @convention(c) () -> OpaquePointer?
    /// Takes the callback as a raw pointer: Swift cannot spell a C function type whose
    /// parameter is a function taking a `va_list`.
    let logSetFunc: @convention(c) (OpaquePointer?, UnsafeRawPointer?, UnsafeMutableRawPointer?) -> Void
    let logUnref: @convention(c) (OpaquePointer?) -> Void

    /// The library, opened once (the soname of libexif 0.6, whose headers this is built
    /// against); nil when it is not installed.
    static let opened: LibExif? = {
        let names = ["libexif.so.12", "libexif.12.dylib", "libexif.dylib"]
        guard let handle = names.lazy.compactMap({ name in dlopen(name, RTLD_NOW | RTLD_LOCAL) }).first else { return nil }
        if let library = try? LibExif(handle: handle) { return library }
        dlclose(handle)
        return nil
    }()

    private struct MissingFunction: Error {}

    /// Each function from `handle`, as the type of the property it goes to.
    private init(handle: UnsafeMutableRawPointer) throws {
        func function<F>(_ name: String) throws -> F {
            guard let symbol = dlsym(handle, name) else { throw MissingFunction() }
            return unsafeBitCast(symbol, to: F.self)
        }
        dataNew = try function("exif_data_new")
        dataUnsetOption = try function("exif_data_unset_option")
        dataLoadData = try function("exif_data_load_data")
        dataGetByteOrder = try function("exif_data_get_byte_order")
        dataGetMnoteData = try function("exif_data_get_mnote_data")
        dataLog = try function("exif_data_log")
        dataUnref = try function("exif_data_unref")
        logNew = try function("exif_log_new")
        logSetFunc = try function("exif_log_set_func")
        logUnref = try function("exif_log_unref")
    }
}

/// Owns one libexif `ExifData` and frees it in `deinit`.
final class ExifDataHandle {
    private let library: LibExif
    private let data: UnsafeMutablePointer<ExifData>
    private let collector = ExifLogCollector()

    /// Creates an empty handle configured for tolerant, faithful reading; nil when libexif
    /// cannot be opened or cannot allocate.
    init?() {
        guard let library = LibExif.opened, let data = library.dataNew() else { return nil }
        self.library = library
        self.data = data
        // FOLLOW_SPECIFICATION makes libexif add, "fix" and drop entries after loading;
        // IGNORE_UNKNOWN_TAGS drops tags it has no name for. We want exactly what is stored.
        library.dataUnsetOption(data, EXIF_DATA_OPTION_FOLLOW_SPECIFICATION)
        library.dataUnsetOption(data, EXIF_DATA_OPTION_IGNORE_UNKNOWN_TAGS)
        if let log = library.logNew() {
            library.logSetFunc(log, unsafeBitCast(exifLogSink, to: UnsafeRawPointer.self), Unmanaged.passUnretained(collector).toOpaque())
            library.dataLog(data, log)
            library.logUnref(log)  // `data` holds its own reference now
        }
    }

    deinit {
        library.dataUnref(data)
    }

    /// Parses `payload`, which must start with "Exif\0\0" followed by the TIFF header.
    /// libexif caps the payload at 0xFFFE bytes (one JPEG segment).
    func load(_ payload: [UInt8]) -> ExifParseResult {
        payload.withUnsafeBufferPointer { buffer in
            library.dataLoadData(data, buffer.baseAddress, UInt32(buffer.count))
        }
        var result = ExifParseResult()
        result.bigEndian = library.dataGetByteOrder(data) == EXIF_BYTE_ORDER_MOTOROLA
        let contents = [data.pointee.ifd.0, data.pointee.ifd.1, data.pointee.ifd.2, data.pointee.ifd.3, data.pointee.ifd.4]
        for (index, content) in contents.enumerated() {
            guard let content, let directory = ExifDirectory(rawValue: index), let entries = content.pointee.entries else { continue }
            for i in 0..<Int(content.pointee.count) {
                guard let entry = entries[i] else { continue }
                let size = Int(entry.pointee.size)
                let bytes = entry.pointee.data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
                result.entries.append(RawExifEntry(
                    directory: directory, tag: UInt16(truncatingIfNeeded: entry.pointee.tag.rawValue),
                    format: UInt16(truncatingIfNeeded: entry.pointee.format.rawValue), data: bytes))
            }
        }
        if let thumb = data.pointee.data, data.pointee.size > 0 {
            result.thumbnail = Array(UnsafeBufferPointer(start: thumb, count: Int(data.pointee.size)))
        }
        result.makerNoteInterpreted = library.dataGetMnoteData(data) != nil
        result.warnings = collector.messages
        return result
    }

    /// libexif logs structural damage (entries past the buffer, recursion) at DEBUG level next
    /// to per-entry chatter such as "Loading 12 entries"; these format-string fragments pick
    /// out the damage before anything is formatted.
    fileprivate static let damageFragments: [[CChar]] = [
        "past end", "Recursive", "multiple times", "Short data", "Bogus", "Deep/expensive", "Invalid",
    ].map { Array($0.utf8CString) }

    /// Whether a message with this code, domain and format string is worth keeping.
    fileprivate static func keeps(code: ExifLogCode, domain: UnsafePointer<CChar>?, format: UnsafePointer<CChar>) -> Bool {
        // Maker-note parsers: we do not report MakerNotes, so their complaints (e.g. Canon
        // "too many tags") are not the caller's problem.
        if let domain, strncmp(domain, "ExifMnote", 9) == 0 { return false }
        if code != EXIF_LOG_CODE_DEBUG { return true }
        return damageFragments.contains { fragment in fragment.withUnsafeBufferPointer { strstr(format, $0.baseAddress!) != nil } }
    }

}

/// libexif's log callback. It formats the message with `vsnprintf` (the `va_list` is only valid
/// here) and never calls back into libexif.
private let exifLogSink: ExifLogFunc = { _, code, domain, format, arguments, context in
    guard let context, let format, let arguments, ExifDataHandle.keeps(code: code, domain: domain, format: format) else { return }
    let collector = Unmanaged<ExifLogCollector>.fromOpaque(context).takeUnretainedValue()
    var buffer = [CChar](repeating: 0, count: 512)
    _ = buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, arguments) }
    let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    collector.messages.append("libexif: " + message)
}
