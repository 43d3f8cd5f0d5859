import Foundation

/// Writes `text` to stderr as it is, whole. An error is passed over, as a diagnostic has
/// nowhere else to go. (Not through FileHandle: a bare write(2) needs no Foundation object or
/// Data copy, and a run prints its summary line here.)
func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { _ = writeAll(STDERR_FILENO, UnsafeRawBufferPointer($0)) }
}

/// Writes all of `bytes` to `descriptor`, again after a partial write or a signal; the
/// `errno` of the write that failed, or nil.
func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0, errno == EINTR { continue }
        guard written > 0 else { return written < 0 ? errno : ENOSPC }
        offset += written
    }
    return nil
}
