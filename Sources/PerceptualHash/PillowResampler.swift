import Foundation

/// A reimplementation of Pillow's `Image.resize(size, Image.LANCZOS)` on 8-bit greyscale
/// (`libImaging/Resample.c`), which Python imagehash uses before every hash.
///
/// Like Pillow it resizes horizontally then vertically, each pass a separable convolution
/// whose Lanczos-3 support widens by the downscale factor, with weights normalised to sum 1,
/// converted to 22-bit fixed point, and each pass's result rounded and clipped to `UInt8`.
/// The arithmetic is Pillow's, so the same input pixels give the same output pixels.
/// Differences from a Pillow pipeline come from what goes in: see `docs/hash-conformance.md`.
enum PillowResampler {
    private static let precisionBits = 32 - 8 - 2
    private static let lanczosSupport = 3.0

    /// Pillow's `lanczos_filter`: sinc(x) · sinc(x/3) on [-3, 3).
    private static func lanczos(_ x: Double) -> Double {
        guard -3.0 <= x && x < 3.0 else { return 0 }
        return sinc(x) * sinc(x / 3)
    }

    private static func sinc(_ x: Double) -> Double {
        if x == 0 { return 1 }
        let scaled = x * Double.pi
        return sin(scaled) / scaled
    }

    /// Fixed-point weights for one axis: for each output index, the first input index, the
    /// number of taps, and `taps` weights starting at `output × stride`.
    struct Coefficients: Sendable {
        let starts: [Int]
        let counts: [Int]
        let weights: [Int32]
        let stride: Int
    }

    private static let cache = TableCache<AxisSizes, Coefficients>()

    /// `coefficients(inputSize:outputSize:)`, memoised per pair of sizes.
    static func cachedCoefficients(inputSize: Int, outputSize: Int) -> Coefficients {
        cache.value(for: AxisSizes(input: inputSize, output: outputSize)) {
            coefficients(inputSize: inputSize, outputSize: outputSize)
        }
    }

    /// Pillow's `precompute_coeffs` followed by `normalize_coeffs_8bpc`.
    static func coefficients(inputSize: Int, outputSize: Int) -> Coefficients {
        let scale = Double(inputSize) / Double(outputSize)
        let filterScale = max(scale, 1.0)
        let support = lanczosSupport * filterScale
        let stride = Int(support.rounded(.up)) * 2 + 1
        var starts: [Int] = [], counts: [Int] = []
        starts.reserveCapacity(outputSize)
        counts.reserveCapacity(outputSize)
        var weights = [Int32](repeating: 0, count: outputSize * stride)
        var taps = [Double](repeating: 0, count: stride)
        let one = Double(1 << precisionBits)
        for output in 0..<outputSize {
            let center = (Double(output) + 0.5) * scale
            let inverseScale = 1.0 / filterScale
            let start = max(Int(center - support + 0.5), 0)
            let end = min(Int(center + support + 0.5), inputSize)
            let count = end - start
            var total = 0.0
            for x in 0..<count {
                let w = lanczos((Double(x + start) - center + 0.5) * inverseScale)
                taps[x] = w
                total += w
            }
            for x in 0..<count {
                let w = total != 0 ? taps[x] / total : taps[x]
                weights[output * stride + x] = w < 0 ? Int32(-0.5 + w * one) : Int32(0.5 + w * one)
            }
            starts.append(start)
            counts.append(max(count, 0))
        }
        return Coefficients(starts: starts, counts: counts, weights: weights, stride: stride)
    }

    /// Pillow's `clip8`: drop the fixed-point fraction (the half was added up front) and clamp.
    @inline(__always)
    private static func clip8(_ value: Int32) -> UInt8 {
        if value >= (Int32(1) << Int32(precisionBits + 8)) { return 255 }
        if value <= 0 { return 0 }
        return UInt8(truncatingIfNeeded: value >> Int32(precisionBits))
    }

    /// Resizes to `width × height` with Lanczos-3, as Pillow does; the same size returns the input.
    ///
    /// - Complexity: O(height_in × width × taps_x + height × width × taps_y), taps growing
    ///   with the downscale factor.
    static func resize(_ image: GreyImage, width: Int, height: Int) -> GreyImage {
        if image.width == width && image.height == height { return image }
        let horizontal = cachedCoefficients(inputSize: image.width, outputSize: width)
        let vertical = cachedCoefficients(inputSize: image.height, outputSize: height)
        var current = image
        if width != image.width {
            // Only the rows the vertical pass reads, as Pillow does.
            let firstRow = vertical.starts.first ?? 0
            let lastRow = vertical.starts.last.map { $0 + vertical.counts[vertical.counts.count - 1] } ?? image.height
            let rows = height != image.height ? lastRow - firstRow : image.height
            let rowOffset = height != image.height ? firstRow : 0
            current = resampleHorizontal(image, coefficients: horizontal, width: width, rowOffset: rowOffset, rows: rows)
            if height != image.height {
                let shifted = Coefficients(
                    starts: vertical.starts.map { $0 - rowOffset }, counts: vertical.counts,
                    weights: vertical.weights, stride: vertical.stride)
                return resampleVertical(current, coefficients: shifted, height: height)
            }
            return current
        }
        return resampleVertical(current, coefficients: vertical, height: height)
    }

    private static func resampleHorizontal(
        _ image: GreyImage, coefficients: Coefficients, width: Int, rowOffset: Int, rows: Int
    ) -> GreyImage {
        let out = [UInt8](unsafeUninitializedCapacity: width * rows) { out, initialized in
            image.pixels.withUnsafeBufferPointer { source in
                coefficients.weights.withUnsafeBufferPointer { weights in
                    coefficients.starts.withUnsafeBufferPointer { starts in
                        coefficients.counts.withUnsafeBufferPointer { counts in
                            let stride = coefficients.stride
                            for y in 0..<rows {
                                let rowBase = (y + rowOffset) * image.width
                                for x in 0..<width {
                                    let input = source.baseAddress! + rowBase + starts[x]
                                    let k = weights.baseAddress! + x * stride
                                    var sum = Int32(1) << Int32(precisionBits - 1)
                                    for tap in 0..<counts[x] {
                                        sum &+= Int32(input[tap]) &* k[tap]
                                    }
                                    out[y * width + x] = clip8(sum)
                                }
                            }
                        }
                    }
                }
            }
            initialized = width * rows
        }
        return GreyImage(width: width, height: rows, pixels: out)
    }

    private static func resampleVertical(_ image: GreyImage, coefficients: Coefficients, height: Int) -> GreyImage {
        let width = image.width
        let out = [UInt8](unsafeUninitializedCapacity: width * height) { out, initialized in
            image.pixels.withUnsafeBufferPointer { source in
                coefficients.weights.withUnsafeBufferPointer { weights in
                    var sums = [Int32](repeating: 0, count: width)
                    sums.withUnsafeMutableBufferPointer { sums in
                        for y in 0..<height {
                            let start = coefficients.starts[y], count = coefficients.counts[y]
                            let k = y * coefficients.stride
                            for x in 0..<width { sums[x] = Int32(1) << Int32(precisionBits - 1) }
                            for tap in 0..<count {
                                let weight = weights[k + tap]
                                let rowBase = (start + tap) * width
                                for x in 0..<width { sums[x] &+= Int32(source[rowBase + x]) &* weight }
                            }
                            for x in 0..<width { out[y * width + x] = clip8(sums[x]) }
                        }
                    }
                }
            }
            initialized = width * height
        }
        return GreyImage(width: width, height: height, pixels: out)
    }
}
