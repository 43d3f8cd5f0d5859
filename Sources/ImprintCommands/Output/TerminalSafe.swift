import FileNames

extension String {
    /// The text with control characters (C0 but tab, DEL, C1) shown as `.`, as exiftool
    /// prints them: a hostile file's name or EXIF text must not send escape sequences to the
    /// analyst's terminal. Only for text meant for a terminal: JSON escapes them itself, and
    /// CSV keeps values as they are.
    var terminalSafe: String {
        let text = FileSystemName.displayed(self)
        guard text.unicodeScalars.contains(where: Self.isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { Self.isControl($0) ? "." : $0 }))
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (0x7F...0x9F).contains(scalar.value)
    }
}
