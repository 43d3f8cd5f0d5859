import Foundation

/// Paths as the file system keeps them: bytes, usually UTF-8, but not always. A name that is
/// not valid UTF-8 (a Windows-1256 name unpacked from an Arabic zip archive, a Latin-1 one
/// from an old disk) would lose its bytes in a Swift `String`, and the file could then not be
/// opened. Each byte that is not part of valid UTF-8 is kept as a private-use character
/// instead (U+10FF00 plus the byte, as Python's `surrogateescape` keeps it as a lone
/// surrogate), turned back into that byte whenever the path goes to the file system, and shown
/// as U+FFFD in output (``displayed(_:)``).
public enum FileSystemName {
    /// The characters U+10FF80–U+10FFFF stand for the bytes 0x80–0xFF.
    private static let escapeBase: UInt32 = 0x10FF00

    /// A path from the file system's bytes.
    public static func string<Bytes: Collection>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        if !bytes.contains(0xF4), let valid = String(validating: bytes, as: UTF8.self) { return valid }
        let bytes = Array(bytes)
        var text = String.UnicodeScalarView()
        var runStart = 0, index = 0
        func flushRun() {
            text.append(contentsOf: String(decoding: bytes[runStart..<index], as: UTF8.self).unicodeScalars)
        }
        while index < bytes.count {
            let length = validSequenceLength(bytes, at: index)
            // A valid character in the escapes' own range is kept as its bytes too, so that
            // every name comes back to the file system unchanged.
            if length > 0, !(length == 4 && bytes[index] == 0xF4 && bytes[index + 1] == 0x8F && bytes[index + 2] >= 0xBE) {
                index += length
                continue
            }
            flushRun()
            let count = max(length, 1)
            for byte in bytes[index..<index + count] { text.append(Unicode.Scalar(escapeBase + UInt32(byte))!) }
            index += count
            runStart = index
        }
        flushRun()
        return String(text)
    }

    /// The length of the valid UTF-8 sequence at `index`, or 0 when the byte there starts none.
    private static func validSequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        func continuation(_ offset: Int, _ range: ClosedRange<UInt8> = 0x80...0xBF) -> Bool {
            index + offset < bytes.count && range.contains(bytes[index + offset])
        }
        switch bytes[index] {
        case 0x00...0x7F: return 1
        case 0xC2...0xDF: return continuation(1) ? 2 : 0
        case 0xE0: return continuation(1, 0xA0...0xBF) && continuation(2) ? 3 : 0
        case 0xED: return continuation(1, 0x80...0x9F) && continuation(2) ? 3 : 0
        case 0xE1...0xEF: return continuation(1) && continuation(2) ? 3 : 0
        case 0xF0: return continuation(1, 0x90...0xBF) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF1...0xF3: return continuation(1) && continuation(2) && continuation(3) ? 4 : 0
        case 0xF4: return continuation(1, 0x80...0x8F) && continuation(2) && continuation(3) ? 4 : 0
        default: return 0
        }
    }

    /// A path from a NUL-terminated C string (a command-line argument, a folder entry).
    public static func string(cString: UnsafePointer<CChar>) -> String {
        string(UnsafeBufferPointer(start: UnsafeRawPointer(cString).assumingMemoryBound(to: UInt8.self), count: strlen(cString)))
    }

    /// Calls `body` with the path as the file system's bytes, NUL-terminated.
    public static func withBytes<Result>(_ path: String, _ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        guard keepsBytes(path) else { return try path.withCString(body) }
        var bytes: [CChar] = []
        for scalar in path.unicodeScalars {
            if isEscape(scalar) {
                bytes.append(CChar(bitPattern: UInt8(scalar.value - escapeBase)))
            } else {
                bytes.append(contentsOf: String(scalar).utf8.map { CChar(bitPattern: $0) })
            }
        }
        bytes.append(0)
        return try bytes.withUnsafeBufferPointer { try body($0.baseAddress!) }
    }

    /// Whether the path holds bytes that are not UTF-8, kept as characters of their own.
    public static func keepsBytes(_ path: String) -> Bool {
        // The kept bytes are four-byte characters starting with 0xF4, which names rarely hold.
        path.utf8.contains(0xF4) && path.unicodeScalars.contains(where: isEscape)
    }

    /// The text with each kept byte shown as U+FFFD: output stays valid UTF-8.
    public static func displayed(_ text: String) -> String {
        guard keepsBytes(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isEscape($0) ? "\u{FFFD}" : $0 }))
    }

    private static func isEscape(_ scalar: Unicode.Scalar) -> Bool {
        (escapeBase + 0x80...escapeBase + 0xFF).contains(scalar.value)
    }
}
