/// A 256-bit PDQ hash, stored as four 64-bit words, most significant first.
///
/// The hex form is the reference implementation's: 64 lowercase hex digits, the first word
/// first, so `words` line up with the `--int64` listing of the C++ `pdq-photo-hasher`.
/// Bit `k` of the 256-bit number is DCT coefficient `(k / 16, k % 16)` above the median.
public struct Hash256: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The four words, most significant (first 16 hex digits) first.
    public var words: (UInt64, UInt64, UInt64, UInt64)

    /// The all-zero hash, which the reference returns for images too small to hash.
    public static let zero = Hash256(words: (0, 0, 0, 0))

    /// A hash from four words, most significant first.
    public init(words: (UInt64, UInt64, UInt64, UInt64)) {
        self.words = words
    }

    /// A hash from four words, most significant first, as `--int64` tools print them.
    public init(int64Words a: Int64, _ b: Int64, _ c: Int64, _ d: Int64) {
        words = (UInt64(bitPattern: a), UInt64(bitPattern: b), UInt64(bitPattern: c), UInt64(bitPattern: d))
    }

    /// Parses 64 hex digits (either case); nil for any other input.
    public init?(hex: some StringProtocol) {
        let utf8 = Array(hex.utf8)
        guard utf8.count == 64 else { return nil }
        var parsed: [UInt64] = [0, 0, 0, 0]
        for (index, char) in utf8.enumerated() {
            guard let nibble = hexNibble(char) else { return nil }
            parsed[index / 16] = parsed[index / 16] << 4 | UInt64(nibble)
        }
        words = (parsed[0], parsed[1], parsed[2], parsed[3])
    }

    /// 64 lowercase hex digits, as the reference tools print the hash.
    public var hex: String {
        hexDigits(of: [words.0, words.1, words.2, words.3], digitsPerWord: 16)
    }

    /// The hex form.
    public var description: String { hex }

    /// The bit for DCT coefficient `index` (row * 16 + column), counting from the number's low end.
    public subscript(bit index: Int) -> Bool {
        get {
            precondition((0..<256).contains(index), "bit index out of range")
            return word(at: 3 - index / 64) >> UInt64(index % 64) & 1 == 1
        }
        set {
            precondition((0..<256).contains(index), "bit index out of range")
            let mask = UInt64(1) << UInt64(index % 64)
            var value = word(at: 3 - index / 64)
            value = newValue ? value | mask : value & ~mask
            setWord(at: 3 - index / 64, value)
        }
    }

    /// The number of bits that differ.
    ///
    /// - Complexity: O(1): four XORs and population counts.
    @inlinable
    public func distance(to other: Hash256) -> Int {
        (words.0 ^ other.words.0).nonzeroBitCount + (words.1 ^ other.words.1).nonzeroBitCount
            + (words.2 ^ other.words.2).nonzeroBitCount + (words.3 ^ other.words.3).nonzeroBitCount
    }

    /// The four words as signed integers, most significant first, for storage as `Int64`.
    public var int64Words: [Int64] {
        [Int64(bitPattern: words.0), Int64(bitPattern: words.1), Int64(bitPattern: words.2), Int64(bitPattern: words.3)]
    }

    /// The 32 bytes, most significant first, for storage as a blob.
    public var bytes: [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(32)
        for word in [words.0, words.1, words.2, words.3] {
            for shift in stride(from: 56, through: 0, by: -8) {
                result.append(UInt8(truncatingIfNeeded: word >> UInt64(shift)))
            }
        }
        return result
    }

    /// A hash from 32 bytes, most significant first; nil for any other length.
    public init?(bytes: some Collection<UInt8>) {
        guard bytes.count == 32 else { return nil }
        var parsed: [UInt64] = [0, 0, 0, 0]
        for (index, byte) in bytes.enumerated() {
            parsed[index / 8] = parsed[index / 8] << 8 | UInt64(byte)
        }
        words = (parsed[0], parsed[1], parsed[2], parsed[3])
    }

    /// Equal when all 256 bits are.
    public static func == (lhs: Hash256, rhs: Hash256) -> Bool {
        lhs.words == rhs.words
    }

    /// Orders as the unsigned 256-bit numbers do (the hex strings' order).
    public static func < (lhs: Hash256, rhs: Hash256) -> Bool {
        [lhs.words.0, lhs.words.1, lhs.words.2, lhs.words.3]
            .lexicographicallyPrecedes([rhs.words.0, rhs.words.1, rhs.words.2, rhs.words.3])
    }

    /// Feeds the four words to `hasher`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(words.0)
        hasher.combine(words.1)
        hasher.combine(words.2)
        hasher.combine(words.3)
    }

    private func word(at index: Int) -> UInt64 {
        switch index {
        case 0: words.0
        case 1: words.1
        case 2: words.2
        default: words.3
        }
    }

    private mutating func setWord(at index: Int, _ value: UInt64) {
        switch index {
        case 0: words.0 = value
        case 1: words.1 = value
        case 2: words.2 = value
        default: words.3 = value
        }
    }
}

/// The value of one ASCII hex digit, or nil.
public func hexNibble(_ char: UInt8) -> UInt8? {
    switch char {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): char - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): char - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): char - UInt8(ascii: "A") + 10
    default: nil
    }
}

/// Lowercase hex of each word, zero-padded to `digitsPerWord`, concatenated.
public func hexDigits(of words: [UInt64], digitsPerWord: Int) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var out: [UInt8] = []
    out.reserveCapacity(words.count * digitsPerWord)
    for word in words {
        for position in stride(from: digitsPerWord - 1, through: 0, by: -1) {
            out.append(digits[Int(word >> UInt64(position * 4) & 0xF)])
        }
    }
    return String(decoding: out, as: UTF8.self)
}
