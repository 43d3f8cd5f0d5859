extension StringProtocol {
    /// The text without blanks (spaces, tabs, any Unicode space) at either end, as Foundation's
    /// `trimmingCharacters(in: .whitespaces)` gives it for an option's value, but without its
    /// character sets, whose first use costs a tenth of a millisecond of every run's start.
    var trimmingBlanks: String {
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(self[first...last])
    }
}
