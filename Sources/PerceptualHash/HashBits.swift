/// A bit string hash in Python imagehash's layout: bits in row-major order, the first bit the
/// most significant, as `ImageHash.hash.flatten()` holds them.
///
/// Its hex form is imagehash's `str(hash)`: the bit string read as one binary number, written
/// in lowercase hex zero-padded to `⌈count / 4⌉` digits, so hashes exchange with imagehash users
/// (`imagehash.hex_to_hash` reads them back for square hashes).
public struct HashBits: Hashable, Sendable, CustomStringConvertible {
    /// Number of bits.
    public let count: Int
    /// The bits packed 64 to a word, first bit in the top bit of the first word; unused low
    /// bits of the last word are zero.
    public private(set) var words: [UInt64]

    /// An all-zero hash of `count` bits.
    public init(count: Int) {
        precondition(count >= 0, "negative bit count")
        self.count = count
        words = Array(repeating: 0, count: (count + 63) / 64)
    }

    /// A hash from bits in row-major order.
    public init(bits: some Collection<Bool>) {
        self.init(count: bits.count)
        for (index, bit) in bits.enumerated() where bit {
            self[index] = true
        }
    }

    /// A 64-bit hash whose first bit is `value`'s top bit.
    public init(uint64 value: UInt64) {
        count = 64
        words = [value]
    }

    /// Parses imagehash's hex form of a `count`-bit hash; nil if the digits are not hex, the
    /// length is not `⌈count / 4⌉`, or the number does not fit in `count` bits.
    public init?(hex: some StringProtocol, count: Int) {
        let utf8 = Array(hex.utf8)
        guard count > 0, utf8.count == (count + 3) / 4 else { return nil }
        var nibbleBits: [Bool] = []
        nibbleBits.reserveCapacity(utf8.count * 4)
        for char in utf8 {
            guard let nibble = hexNibble(char) else { return nil }
            for shift in stride(from: 3, through: 0, by: -1) {
                nibbleBits.append(nibble >> UInt8(shift) & 1 == 1)
            }
        }
        let padding = nibbleBits.count - count
        guard !nibbleBits.prefix(padding).contains(true) else { return nil }
        self.init(bits: nibbleBits.dropFirst(padding))
    }

    /// Parses imagehash's hex form of a square hash, taking the size as
    /// `imagehash.hex_to_hash` does: `⌊√(4 × digits)⌋` squared bits.
    public init?(hex: some StringProtocol) {
        let side = Int(Double(hex.utf8.count * 4).squareRoot())
        self.init(hex: hex, count: side * side)
    }

    /// The bit at row-major `index`.
    public subscript(index: Int) -> Bool {
        get {
            precondition((0..<count).contains(index), "bit index out of range")
            return words[index / 64] >> UInt64(63 - index % 64) & 1 == 1
        }
        set {
            precondition((0..<count).contains(index), "bit index out of range")
            let mask = UInt64(1) << UInt64(63 - index % 64)
            if newValue { words[index / 64] |= mask } else { words[index / 64] &= ~mask }
        }
    }

    /// The hash as one `UInt64` (first bit on top) when it has exactly 64 bits.
    public var uint64: UInt64? {
        count == 64 ? words[0] : nil
    }

    /// imagehash's hex form: lowercase, zero-padded to `⌈count / 4⌉` digits.
    public var hex: String {
        let digitCount = (count + 3) / 4
        let padding = digitCount * 4 - count
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(digitCount)
        var nibble = 0
        var filled = padding
        for index in 0..<count {
            nibble = nibble << 1 | (self[index] ? 1 : 0)
            filled += 1
            if filled == 4 {
                out.append(digits[nibble])
                nibble = 0
                filled = 0
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The hex form.
    public var description: String { hex }

    /// The number of bits that differ. Both hashes must have the same `count`, as imagehash
    /// requires of its operands.
    ///
    /// - Complexity: O(count / 64).
    public func distance(to other: HashBits) -> Int {
        precondition(count == other.count, "hashes of different sizes have no distance")
        var total = 0
        for index in words.indices {
            total += (words[index] ^ other.words[index]).nonzeroBitCount
        }
        return total
    }
}
