/// Text in the 8-bit encoding older metadata is written in: PNG's tEXt keywords and text,
/// JPEG comments, the name of a PNG's ICC profile.
enum LegacyText {
    /// `bytes` as Windows-1252 reads them, as exiftool reads these fields: Latin-1, with
    /// punctuation at 0x80–0x9F (€ “ ” …).
    static func windows1252(_ bytes: some Sequence<UInt8>) -> String {
        String(String.UnicodeScalarView(bytes.map { byte in
            guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
            return Unicode.Scalar(high[Int(byte - 0x80)]) ?? Unicode.Scalar(byte)
        }))
    }

    /// `bytes` as UTF-8 when they are valid UTF-8, else as Windows-1252: writers put UTF-8
    /// (Arabic captions, generator prompts) where the format says Latin-1, and reading those
    /// as Latin-1 would only make mojibake.
    static func utf8OrWindows1252(_ bytes: some Sequence<UInt8>) -> String {
        String(validating: bytes, as: UTF8.self) ?? windows1252(bytes)
    }

    /// Windows-1252 for 0x80–0x9F; the five unassigned bytes stay as the C1 controls.
    private static let high: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D, 0x17E, 0x178,
    ]
}
