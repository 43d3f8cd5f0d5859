import Foundation
import ImageMetadata
@testable import ImprintCommands
import Testing

/// Values as `imprint exif` prints them, next to `exiftool -j -n`.
@Suite struct OutputValueTests {
    /// `fixed` writes what printf's `%.Nf` writes, checked against Foundation's formatter on
    /// values of every size (those within a rounding error of a tie are allowed either way).
    @Test func fixedPointIsPrintfs() {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [0, -0.0, 1, -1, 0.5, 0.004, 0.005001, 1.995001, 9.999, 99.5, 123.456, -3.14159, 1e9 + 0.25]
        for exponent in -4...9 {
            for _ in 0..<200 {
                values.append(Double.random(in: -1...1, using: &generator) * pow(10, Double(exponent)))
            }
        }
        for value in values {
            for decimals in 0...3 {
                let scaled = abs(value) * pow(10, Double(decimals))
                if abs(scaled - scaled.rounded(.down) - 0.5) < 1e-6 { continue }
                #expect(fixed(value, decimals: decimals) == String(format: "%.\(decimals)f", value), "\(value) to \(decimals)")
            }
        }
        #expect(fixed(12.345678, decimals: 2) == "12.35")
        #expect(fixed(0.004, decimals: 2) == "0.00")
    }

    @Test func realsPrintAsExiftoolPrintsThem() {
        #expect(OutputValue.double(151.20000000000002).json == "151.2")
        #expect(OutputValue.double(42).json == "42")
        #expect(OutputValue.double(0.3333333333).json == "0.3333333333")
    }

    @Test func textThatReadsAsAWholeNumberIsOne() {
        #expect(OutputValue(TagValue.string("42")) == .integer(42))
        #expect(OutputValue(TagValue.string("-7")) == .integer(-7))
        #expect(OutputValue(TagValue.string("007")) == .string("007"), "a leading zero keeps the quotes, as in exiftool")
        #expect(OutputValue(TagValue.string("1234567890123456")) == .string("1234567890123456"), "over 15 digits")
    }

    /// exiftool's JSON writer (`EscapeJSON` in exiftool 12.57) prints any value matching
    /// `^-?(\d|[1-9]\d{1,14})(\.\d{1,16})?(e[-+]?\d{1,3})?$` unquoted, as written, and
    /// true/false in any case as booleans; everything else is a string.
    @Test func textIsTypedAsExiftoolsJSONTypesIt() {
        #expect(OutputValue(TagValue.string("4.5")) == .number("4.5"))
        #expect(OutputValue(TagValue.string("2.50")).json == "2.50")
        #expect(OutputValue(TagValue.string("-0.5")).json == "-0.5")
        #expect(OutputValue(TagValue.string("1e5")).json == "1e5")
        #expect(OutputValue(TagValue.string("1E-05")).json == "1E-05")
        #expect(OutputValue(TagValue.string("1.")) == .string("1."))
        #expect(OutputValue(TagValue.string(".5")) == .string(".5"))
        #expect(OutputValue(TagValue.string("0.12345678901234567")) == .string("0.12345678901234567"), "17 decimals")
        #expect(OutputValue(TagValue.string("1e1234")) == .string("1e1234"))
        #expect(OutputValue(TagValue.string("True")) == .bool(true))
        #expect(OutputValue(TagValue.double(0.000312500010781628)) == .string("0.000312500010781628"))
        #expect(OutputValue(TagValue.integer(1234567890123456)) == .string("1234567890123456"))
    }

    /// exiftool -j -n prints XMP's "False" (FlashFired, …) as JSON false.
    @Test func xmpBooleansAreJSONBooleans() {
        #expect(OutputValue(TagValue.boolean(false)).json == "false")
        #expect(OutputValue(TagValue.boolean(true)).json == "true")
        #expect(TagValue.boolean(false).exiftoolText == "False")
    }

    @Test func divisionsByZeroAreExiftoolsStrings() {
        #expect(OutputValue(TagValue.double(.infinity)) == .string("inf"))
        #expect(OutputValue(TagValue.double(.nan)) == .string("undef"))
        #expect(OutputValue(TagValue.double(-.infinity)) == .string("-inf"))
    }

    /// Lists in CSV and text are joined as exiftool joins them, so that their items stay apart.
    @Test func listsJoinWithACommaAndASpace() {
        #expect(OutputValue.list([.string("Tabqa airbase"), .string("Raqqa")]).text == "Tabqa airbase, Raqqa")
        #expect(OutputValue.list([.string("Tabqa"), .string("airbase Raqqa")]).text == "Tabqa, airbase Raqqa")
    }

    /// Numbers and times are never cut in a text table ("1304…" would read as 1304 bytes), and
    /// time and size columns are wide enough for their values whatever the first row holds.
    @Test func numbersAndTimesAreNeverCut() {
        for text in ["130422", "-36.19", "1e5", "2024-02-08T23:00:00Z", "2024-02-08"] { #expect(RecordWriter.isNumberOrTime(text), "\(text)") }
        for text in ["Deir ez-Zor", "-", "T4", "2024 photos", ""] { #expect(!RecordWriter.isNumberOrTime(text), "\(text)") }
        #expect(RecordWriter.minimumWidth(of: "time") == 20 && RecordWriter.minimumWidth(of: "posted_at") == 20)
        #expect(RecordWriter.minimumWidth(of: "size") >= 10 && RecordWriter.minimumWidth(of: "path") == 0)
    }

    /// A hash or a site id cut in a table is useless to copy into the next command; free text
    /// and paths are cut.
    @Test func hashesAndIdsAreNeverCut() {
        #expect(RecordWriter.isNeverCut("73a7873c2b0e9d41f6a5c3e8d7b2a1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b4", key: "pdq_a1x1"))
        #expect(RecordWriter.isNeverCut("builtin:al-walid-al-tanf-crossing", key: "id"))
        #expect(!RecordWriter.isNeverCut("Al-Walid / al-Tanf border crossing", key: "name"))
        #expect(!RecordWriter.isNeverCut("/evidence/2024/december/airport.jpg", key: "path"))
    }

    /// Text tables stay aligned: long values are cut with "…" (a path keeps its file name),
    /// and a column without a given width is as wide as its first value.
    @Test func textTablesStayAligned() throws {
        #expect(RecordWriter.cut("/evidence/2024/december/airport.jpg", to: 12, keepingEnd: true) == "…airport.jpg")
        #expect(RecordWriter.cut("Deir ez-Zor Air Base", to: 8, keepingEnd: false) == "Deir ez…")
        #expect(RecordWriter.cut("short", to: 8, keepingEnd: false) == "short")
        let result = try CommandLineRunner.run(["hash", "--format", "text", "--no-trim", "samples"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        try #require(lines.count > 3)
        // Every row's SHA-256 starts where the heading's does.
        let column = try #require(lines[0].range(of: "sha256")).lowerBound.utf16Offset(in: lines[0])
        for line in lines.dropFirst() {
            let digest = line.utf16.dropFirst(column).prefix(64)
            #expect(digest.count == 64 && String(digest)!.allSatisfy(\.isHexDigit), "\(line)")
        }
    }
}
