import Foundation

/// Writes `text` to stderr as it is, whole: written again after a partial write or a signal.
/// An error is passed over, as a diagnostic has nowhere else to go. (Not through FileHandle:
/// a bare write(2) needs no Foundation object or Data copy, and a run prints its summary line
/// here.)
func writeStandardError(_ text: String) {
    var text = text
    text.withUTF8 { bytes in
        var offset = 0
        while offset < bytes.count {
            let written = write(STDERR_FILENO, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0, errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }
}
