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

    @Test func divisionsByZeroAreExiftoolsStrings() {
        #expect(OutputValue(TagValue.double(.infinity)) == .string("inf"))
        #expect(OutputValue(TagValue.double(.nan)) == .string("undef"))
        #expect(OutputValue(TagValue.double(-.infinity)) == .string("-inf"))
    }
}
