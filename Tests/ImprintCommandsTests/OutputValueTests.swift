import ImageMetadata
@testable import ImprintCommands
import Testing

/// Values as `imprint exif` prints them, next to `exiftool -j -n`.
@Suite struct OutputValueTests {
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
        #expect(OutputValue(TagValue.string("4.5")) == .string("4.5"))
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
}
