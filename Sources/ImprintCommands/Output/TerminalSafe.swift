import FileNames

extension String {
    /// The text with control characters (C0, a tab and a line break among them, DEL and C1)
    /// shown as `.`, as exiftool prints them: a hostile file's name or EXIF text must not send
    /// escape sequences to the analyst's terminal, nor a tab or line break that shifts a
    /// table's columns or splits a line of stderr. Only for text meant for a terminal: JSON
    /// escapes them itself, and CSV keeps values as they are.
    var terminalSafe: String {
        let text = FileSystemName.displayed(self)
        guard text.unicodeScalars.contains(where: Self.isControl) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { Self.isControl($0) ? "." : $0 }))
    }

    /// A message of several lines (a usage error with its help) made ``terminalSafe`` line by
    /// line: its own line breaks kept, any other control character shown as `.`.
    var terminalSafeLines: String {
        split(separator: "\n", omittingEmptySubsequences: false).map { String($0).terminalSafe }.joined(separator: "\n")
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
