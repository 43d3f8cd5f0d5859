import Testing
@testable import ImageMetadata

@Suite struct TagValueFormatTests {
    /// Reals print as the C library's `%.15g` prints them (exiftool's JSON), whether the short
    /// way or printf itself makes the text: over edge cases and 200,000 numbers of every
    /// magnitude, random and short.
    @Test func realsPrintAsPrintfsFifteenDigits() {
        var numbers: [Double] = [0.1, 0.2, 1.0 / 3, 2.0 / 3, 1e-4, 1.0000000000000002e-4, 9.999999999999999e-5, 0.00012,
                                 123456789012345.6, 99999999999999.95, 999999999999999.9, 1e15 - 0.5, 0.30000000000000004,
                                 33.513812, -43.1234567, 1.5e-7, 0.008, 2.220446049250313e-16, 12345.678901234567,
                                 0.000123456789012345, 9.87654321098765e14, -0.0001, 5e-324, 1.7976931348623157e308]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<100_000 {
            // Any bit pattern's number, and one with few digits (as EXIF rationals and GPS have).
            let bits = Double(bitPattern: generator.next())
            if bits.isFinite { numbers.append(bits) }
            let digits = Double(Int.random(in: 1...999_999_999, using: &generator))
            numbers.append(digits / pow10(Int.random(in: -3...12, using: &generator)) * (Bool.random() ? 1 : -1))
        }
        let differing = numbers.filter { number in
            (number != number.rounded() || abs(number) >= 1e15) && TagValue.format(number) != cFormat("%.15g", number)
        }
        #expect(differing.isEmpty, "\(differing.prefix(5).map { "\($0): \(TagValue.format($0)) against \(cFormat("%.15g", $0))" })")
    }

    private func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent < 0 ? 1 / result : result
    }
}
