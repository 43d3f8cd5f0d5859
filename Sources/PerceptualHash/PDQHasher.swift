internal import CHashKernels
import Foundation

/// The result of hashing one image with PDQ.
public struct PDQResult: Sendable, Hashable {
    /// The 256-bit hash.
    public var hash: Hash256
    /// The reference's quality score, 0–100, from the gradients of the 64×64 downsample.
    /// The PDQ authors advise discarding hashes of quality 49 or less.
    public var quality: Int
}

/// Meta's PDQ perceptual hash, following the C++ reference (ThreatExchange `pdq/cpp`)
/// operation for operation, in the same `Float` arithmetic, so that the same luma gives the
/// same bits.
///
/// Steps: luma from RGB (0.299, 0.587, 0.114) → two Jarosz box-filter passes per axis with a
/// window of ⌈size / 128⌉ → decimation to 64×64 at pixel centres → quality from gradients →
/// DCT coefficients 1…16 × 1…16 → bit set where the coefficient exceeds the Torben median.
public enum PDQHasher {
    /// Images smaller than this on either side get the zero hash and quality 0, as in the reference.
    public static let minimumDimension = 5

    /// Hashes an 8-bit image (1 channel grey or 3 channels RGB, row-major, interleaved).
    ///
    /// - Parameters:
    ///   - pixels: `width × height × channels` bytes.
    ///   - dihedral: also return the hashes of the 7 other rotations and flips.
    /// - Returns: the hash and quality, and when `dihedral` is set the 8 hashes in the
    ///   reference's order: original, rotate 90, rotate 180, rotate 270, flip x, flip y,
    ///   flip plus 1 (transpose), flip minus 1 (anti-transpose).
    /// - Complexity: O(width × height).
    public static func hash(
        pixels: [UInt8], width: Int, height: Int, channels: Int, dihedral: Bool = false
    ) -> (PDQResult, [Hash256]?) {
        precondition(channels == 1 || channels == 3, "PDQ hashes grey or RGB pixels")
        precondition(pixels.count >= width * height * channels, "pixel buffer too small")
        var luma = PDQLuma.plane(of: pixels, count: width * height, channels: channels)
        return hash(luma: &luma, width: width, height: height, dihedral: dihedral)
    }

    /// Hashes a luma plane; `luma` is used as scratch and left blurred.
    ///
    /// - Complexity: O(width × height).
    public static func hash(
        luma: inout [Float], width: Int, height: Int, dihedral: Bool = false
    ) -> (PDQResult, [Hash256]?) {
        guard width >= minimumDimension, height >= minimumDimension else {
            return (PDQResult(hash: .zero, quality: 0), dihedral ? Array(repeating: .zero, count: 8) : nil)
        }
        return result(of: downsample64(luma: &luma, width: width, height: height), dihedral: dihedral)
    }

    /// Quality, hash and (when asked) the 8 dihedral hashes of a 64×64 downsample.
    static func result(of block: [Float], dihedral: Bool) -> (PDQResult, [Hash256]?) {
        let quality = qualityMetric(block)
        let dct = dct64To16(block)
        let hash = bits(of: dct)
        guard dihedral else { return (PDQResult(hash: hash, quality: quality), nil) }
        let variants = DihedralTransform.allCases.map { bits(of: $0.apply(to: dct)) }
        return (PDQResult(hash: hash, quality: quality), variants)
    }

    /// The reference's `fillFloatLumaFromRGB`: `0.299 R + 0.587 G + 0.114 B` in `Float`,
    /// summed left to right.
    static func lumaFromRGB(_ pixels: [UInt8], count: Int) -> [Float] {
        let red: Float = 0.299, green: Float = 0.587, blue: Float = 0.114
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            pixels.withUnsafeBufferPointer { rgb in
                for index in 0..<count {
                    let base = index * 3
                    out[index] = red * Float(rgb[base]) + green * Float(rgb[base + 1]) + blue * Float(rgb[base + 2])
                }
            }
            initialized = count
        }
    }

    /// Blur (two box passes along rows then columns, repeated) and pick 64×64 pixel centres;
    /// a 64×64 input is used as is, as in the reference.
    static func downsample64(luma: inout [Float], width: Int, height: Int) -> [Float] {
        if width == 64 && height == 64 { return luma }
        let rowWindow = jaroszWindowSize(oldDimension: width, newDimension: 64)
        let columnWindow = jaroszWindowSize(oldDimension: height, newDimension: 64)
        var scratch = [Float](repeating: 0, count: width * height)
        luma.withUnsafeMutableBufferPointer { buffer1 in
            scratch.withUnsafeMutableBufferPointer { buffer2 in
                for _ in 0..<2 {
                    boxAlongRows(buffer1, into: buffer2, rows: height, columns: width, window: rowWindow)
                    boxAlongColumns(buffer2, into: buffer1, rows: height, columns: width, window: columnWindow)
                }
            }
        }
        var out = [Float](repeating: 0, count: 64 * 64)
        for outRow in 0..<64 {
            let inRow = Int((Double(outRow) + 0.5) * Double(height) / 64)
            for outColumn in 0..<64 {
                let inColumn = Int((Double(outColumn) + 0.5) * Double(width) / 64)
                out[outRow * 64 + outColumn] = luma[inRow * width + inColumn]
            }
        }
        return out
    }

    /// `computeJaroszFilterWindowSize`: ⌈old / (2 × new)⌉.
    static func jaroszWindowSize(oldDimension: Int, newDimension: Int) -> Int {
        (oldDimension + 2 * newDimension - 1) / (2 * newDimension)
    }

    /// The reference's `box1DFloat` on every row: a centred running mean whose window
    /// shrinks at both ends.
    static func boxAlongRows(
        _ input: UnsafeMutableBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>,
        rows: Int, columns: Int, window: Int
    ) {
        let half = (window + 2) / 2
        let phase1 = half - 1, phase2 = window - half + 1, phase3 = columns - window, phase4 = half - 1
        for row in 0..<rows {
            let base = row * columns
            var sum: Float = 0
            var size = 0
            var right = base, left = base, out = base
            for _ in 0..<phase1 {
                sum += input[right]; size += 1; right += 1
            }
            for _ in 0..<phase2 {
                sum += input[right]; size += 1
                output[out] = sum / Float(size)
                right += 1; out += 1
            }
            for _ in 0..<max(phase3, 0) {
                sum += input[right]
                sum -= input[left]
                output[out] = sum / Float(size)
                left += 1; right += 1; out += 1
            }
            for _ in 0..<phase4 {
                sum -= input[left]; size -= 1
                output[out] = sum / Float(size)
                left += 1; out += 1
            }
        }
    }

    /// The reference's `box1DFloat` down every column, run across all columns at once so
    /// memory is read row by row; each column sees the same operations in the same order.
    static func boxAlongColumns(
        _ input: UnsafeMutableBufferPointer<Float>, into output: UnsafeMutableBufferPointer<Float>,
        rows: Int, columns: Int, window: Int
    ) {
        let half = (window + 2) / 2
        let phase1 = half - 1, phase2 = window - half + 1, phase3 = rows - window, phase4 = half - 1
        var sums = [Float](repeating: 0, count: columns)
        sums.withUnsafeMutableBufferPointer { sum in
            var size = 0
            var right = 0, left = 0, out = 0
            for _ in 0..<phase1 {
                let r = right * columns
                for j in 0..<columns { sum[j] += input[r + j] }
                size += 1; right += 1
            }
            for _ in 0..<phase2 {
                let r = right * columns, o = out * columns
                size += 1
                let divisor = Float(size)
                for j in 0..<columns {
                    sum[j] += input[r + j]
                    output[o + j] = sum[j] / divisor
                }
                right += 1; out += 1
            }
            let divisor = Float(size)
            for _ in 0..<max(phase3, 0) {
                let r = right * columns, l = left * columns, o = out * columns
                for j in 0..<columns {
                    sum[j] += input[r + j]
                    sum[j] -= input[l + j]
                    output[o + j] = sum[j] / divisor
                }
                left += 1; right += 1; out += 1
            }
            for _ in 0..<phase4 {
                let l = left * columns, o = out * columns
                size -= 1
                let divisor = Float(size)
                for j in 0..<columns {
                    sum[j] -= input[l + j]
                    output[o + j] = sum[j] / divisor
                }
                left += 1; out += 1
            }
        }
    }

    /// `pdqImageDomainQualityMetric`: the sum of truncated percentage gradients over 90, capped at 100.
    static func qualityMetric(_ block: [Float]) -> Int {
        precondition(block.count == 64 * 64, "PDQ's quality is measured on its 64×64 block")
        return Int(imp_pdq_quality(block))
    }

    /// Rows 1…16 of the 64-point DCT-II matrix, scaled by √(2/64), row-major 16×64, built
    /// as the reference builds it (double cosine, stored as `Float`).
    static let dctMatrix: [Float] = {
        let scale = Float((2.0 / 64.0).squareRoot())
        var matrix = [Float](repeating: 0, count: 16 * 64)
        for i in 0..<16 {
            for j in 0..<64 {
                matrix[i * 64 + j] = Float(Double(scale) * cos((Double.pi / 2 / 64) * Double(i + 1) * Double(2 * j + 1)))
            }
        }
        return matrix
    }()

    /// `dctMatrix` transposed, 64×16, so the second product runs along contiguous memory.
    static let dctMatrixTransposed: [Float] = {
        var matrix = [Float](repeating: 0, count: 64 * 16)
        for i in 0..<16 {
            for j in 0..<64 { matrix[j * 16 + i] = dctMatrix[i * 64 + j] }
        }
        return matrix
    }()

    /// `dct64To16`: B = D A Dᵀ, each sum accumulated over k in ascending order as the reference does.
    ///
    /// - Complexity: 16×64×64 + 16×16×64 multiply-adds.
    static func dct64To16(_ block: [Float]) -> [Float] {
        [Float](unsafeUninitializedCapacity: 16 * 16) { out, initialized in
            imp_pdq_dct64_to16(block, dctMatrix, dctMatrixTransposed, out.baseAddress)
            initialized = 16 * 16
        }
    }

    /// `pdqBuffer16x16ToBits`: bit `i*16+j` set where coefficient (i, j) exceeds the Torben median.
    static func bits(of dct: [Float]) -> Hash256 {
        let median = lowerMedian(dct)
        var words: [UInt64] = [0, 0, 0, 0]
        for k in 0..<256 where dct[k] > median {
            words[3 - k / 64] |= UInt64(1) << UInt64(k % 64)
        }
        return Hash256(words: (words[0], words[1], words[2], words[3]))
    }

    /// The ⌈n/2⌉-th smallest value: what the reference's Torben median returns (N. Devillard's
    /// implementation), found by selection on a copy, which takes a tenth of Torben's passes.
    static func lowerMedian(_ values: [Float]) -> Float {
        precondition(!values.isEmpty, "the median of nothing")
        var copy = values
        let k = (values.count + 1) / 2 - 1
        return copy.withUnsafeMutableBufferPointer { v in
            // Hoare's selection: narrow [low, high] to the part holding position k.
            var low = 0, high = v.count - 1
            while low < high {
                let middle = low + (high - low) / 2
                // Median of three as the pivot: sorted input costs no more than shuffled.
                if v[middle] < v[low] { v.swapAt(middle, low) }
                if v[high] < v[low] { v.swapAt(high, low) }
                if v[high] < v[middle] { v.swapAt(high, middle) }
                let pivot = v[middle]
                var i = low, j = high
                while i <= j {
                    while v[i] < pivot { i += 1 }
                    while pivot < v[j] { j -= 1 }
                    if i <= j {
                        v.swapAt(i, j)
                        i += 1
                        j -= 1
                    }
                }
                if k <= j { high = j } else if k >= i { low = i } else { break }
            }
            return v[k]
        }
    }
}
