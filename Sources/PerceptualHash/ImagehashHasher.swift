import Foundation

/// Python imagehash 4.3's `average_hash`, `dhash`, `phash` and `whash`, on Pillow-style
/// greyscale, each resized with `PillowResampler` as imagehash resizes with `LANCZOS`.
///
/// Bits come out in imagehash's row-major order, so `HashBits.hex` equals `str(hash)`.
enum ImagehashHasher {
    /// `average_hash`: `hashSize × hashSize` greyscale, bit set where a pixel exceeds the mean.
    static func averageHash(_ image: GreyImage, hashSize: Int = 8) -> HashBits {
        let small = PillowResampler.resize(image, width: hashSize, height: hashSize)
        let mean = Double(small.pixels.reduce(0) { $0 + Int($1) }) / Double(small.pixels.count)
        return HashBits(bits: small.pixels.map { Double($0) > mean })
    }

    /// `dhash`: `(hashSize + 1) × hashSize` greyscale, bit set where a pixel is brighter
    /// than its left neighbour.
    static func differenceHash(_ image: GreyImage, hashSize: Int = 8) -> HashBits {
        let small = PillowResampler.resize(image, width: hashSize + 1, height: hashSize)
        var bits: [Bool] = []
        bits.reserveCapacity(hashSize * hashSize)
        for row in 0..<hashSize {
            for column in 0..<hashSize {
                let base = row * (hashSize + 1) + column
                bits.append(small.pixels[base + 1] > small.pixels[base])
            }
        }
        return HashBits(bits: bits)
    }

    /// Rows 0..<count of the unnormalised DCT-II (scipy `fftpack.dct`, type 2, norm None):
    /// `2 cos(π k (2n + 1) / 2N)`, row-major `count × size`.
    static func dctRows(count: Int, size: Int) -> [Double] {
        var matrix = [Double](repeating: 0, count: count * size)
        for k in 0..<count {
            for n in 0..<size {
                matrix[k * size + n] = 2 * cos(Double.pi * Double(k) * Double(2 * n + 1) / Double(2 * size))
            }
        }
        return matrix
    }

    private static let phashMatrix8x32 = dctRows(count: 8, size: 32)

    /// `phash`: 2-D DCT of a `4·hashSize` square greyscale (columns, then rows), the top-left
    /// `hashSize × hashSize` block including DC, bit set above its median.
    ///
    /// - Complexity: O(hashSize × (4·hashSize)²) after the resize.
    static func perceptualHash(_ image: GreyImage, hashSize: Int = 8) -> HashBits {
        let side = hashSize * 4
        let small = PillowResampler.resize(image, width: side, height: side)
        let matrix = hashSize == 8 ? phashMatrix8x32 : dctRows(count: hashSize, size: side)
        // Along axis 0: temp[u][x] = Σ_y D[u][y] · p[y][x].
        var temp = [Double](repeating: 0, count: hashSize * side)
        for u in 0..<hashSize {
            for y in 0..<side {
                let coefficient = matrix[u * side + y]
                for x in 0..<side { temp[u * side + x] += coefficient * Double(small.pixels[y * side + x]) }
            }
        }
        // Along axis 1: dct[u][v] = Σ_x temp[u][x] · D[v][x].
        var lowFrequencies = [Double](repeating: 0, count: hashSize * hashSize)
        for u in 0..<hashSize {
            for v in 0..<hashSize {
                var sum = 0.0
                for x in 0..<side { sum += temp[u * side + x] * matrix[v * side + x] }
                lowFrequencies[u * hashSize + v] = sum
            }
        }
        let median = numpyMedian(lowFrequencies)
        return HashBits(bits: lowFrequencies.map { $0 > median })
    }

    /// `whash` with imagehash's defaults (`image_scale=None`, `mode='haar'`,
    /// `remove_max_haar_ll=True`).
    ///
    /// imagehash picks the working size from the *stored* image, `2^⌊log2 min(w, h)⌋`, so the
    /// caller passes the stored short side when the pixels were decoded smaller.
    static func waveletHash(_ image: GreyImage, hashSize: Int = 8, storedShortSide: Int? = nil) -> HashBits {
        precondition(hashSize >= 2 && hashSize & (hashSize - 1) == 0, "whash needs a power-of-two hash size")
        let scale = waveletScale(shortSide: storedShortSide ?? min(image.width, image.height), hashSize: hashSize)
        let maxLevel = Int(log2(Double(scale)))
        let level = Int(log2(Double(hashSize)))
        let small = PillowResampler.resize(image, width: scale, height: scale)
        var pixels = small.pixels.map { Double($0) / 255 }
        // wavedec2 to the top level, zero the single LL coefficient, waverec2: removes the mean.
        var pyramid = HaarPyramid(pixels: pixels, side: scale, levels: maxLevel)
        pyramid.zeroApproximation()
        pixels = pyramid.reconstruct()
        let low = HaarPyramid(pixels: pixels, side: scale, levels: maxLevel - level).approximation
        let median = numpyMedian(low)
        return HashBits(bits: low.map { $0 > median })
    }

    /// The side wHash resizes to: imagehash's `image_scale`, the largest power of two not
    /// above the short side, and at least the hash size.
    static func waveletScale(shortSide: Int, hashSize: Int) -> Int {
        max(1 << Int(log2(Double(max(shortSide, 1)))), hashSize)
    }

    /// `numpy.median`: the mean of the two middle values for an even count.
    static func numpyMedian(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}

/// A 2-D Haar wavelet decomposition of a square power-of-two image, as PyWavelets'
/// `wavedec2(x, 'haar', level=n)` computes it (orthonormal filters ±1/√2, rows then columns).
struct HaarPyramid {
    private static let c = 0.7071067811865476
    /// The coarsest approximation, `side / 2^levels` square, row-major.
    private(set) var approximation: [Double]
    private var approximationSide: Int
    /// Detail bands from coarsest to finest: (horizontal, vertical, diagonal), each `bandSide` square.
    private var details: [(h: [Double], v: [Double], d: [Double], side: Int)] = []

    init(pixels: [Double], side: Int, levels: Int) {
        var current = pixels
        var currentSide = side
        for _ in 0..<levels {
            let half = currentSide / 2
            var ll = [Double](repeating: 0, count: half * half)
            var lh = ll, hl = ll, hh = ll
            for i in 0..<half {
                for j in 0..<half {
                    let a = current[(2 * i) * currentSide + 2 * j], b = current[(2 * i) * currentSide + 2 * j + 1]
                    let e = current[(2 * i + 1) * currentSide + 2 * j], f = current[(2 * i + 1) * currentSide + 2 * j + 1]
                    // First along axis 0 (pairs of rows), then along axis 1 (pairs of columns).
                    let lowTop = Self.c * e + Self.c * a, lowBottom = Self.c * f + Self.c * b
                    let highTop = Self.c * a - Self.c * e, highBottom = Self.c * b - Self.c * f
                    ll[i * half + j] = Self.c * lowBottom + Self.c * lowTop
                    hl[i * half + j] = Self.c * lowTop - Self.c * lowBottom
                    lh[i * half + j] = Self.c * highBottom + Self.c * highTop
                    hh[i * half + j] = Self.c * highTop - Self.c * highBottom
                }
            }
            details.insert((h: lh, v: hl, d: hh, side: half), at: 0)
            current = ll
            currentSide = half
        }
        approximation = current
        approximationSide = currentSide
    }

    mutating func zeroApproximation() {
        approximation = approximation.map { $0 * 0 }
    }

    /// `waverec2`: the image back from the approximation and the details.
    func reconstruct() -> [Double] {
        var current = approximation
        var currentSide = approximationSide
        for band in details {
            let side = band.side * 2
            var out = [Double](repeating: 0, count: side * side)
            for i in 0..<band.side {
                for j in 0..<band.side {
                    let index = i * band.side + j
                    let ll = current[index], hl = band.v[index], lh = band.h[index], hh = band.d[index]
                    // Inverse along axis 1, then axis 0.
                    let lowTop = Self.c * ll + Self.c * hl, lowBottom = Self.c * ll - Self.c * hl
                    let highTop = Self.c * lh + Self.c * hh, highBottom = Self.c * lh - Self.c * hh
                    out[(2 * i) * side + 2 * j] = Self.c * lowTop + Self.c * highTop
                    out[(2 * i + 1) * side + 2 * j] = Self.c * lowTop - Self.c * highTop
                    out[(2 * i) * side + 2 * j + 1] = Self.c * lowBottom + Self.c * highBottom
                    out[(2 * i + 1) * side + 2 * j + 1] = Self.c * lowBottom - Self.c * highBottom
                }
            }
            current = out
            currentSide = side
        }
        precondition(currentSide * currentSide == current.count)
        return current
    }
}
