internal import CHashKernels

extension PDQHasher {
    /// Hashes pixels (grey, or RGB taken to luma) that the decoder already shrank (JPEG DCT
    /// scaling) from a `fullWidth × fullHeight` original, emulating what the reference
    /// computes on the original.
    ///
    /// The reference's blur-and-decimate is linear: each of the 64×64 samples is a fixed
    /// weighting of the full-size pixels (two box passes per axis, windows clipped and
    /// renormalised at the edges, then one pixel picked). This builds those weights for the
    /// full size, folds them onto the shrunken pixels (each standing for an `f × f` block), and
    /// applies them directly. Running the box filter on the shrunken image instead would use
    /// windows and sample points rounded at the coarse scale, which measurably moves bits.
    ///
    /// - Complexity: O(height × 64 × taps + 64 × 64 × taps), taps ≈ 2 × ⌈full / 128⌉ / f.
    static func hash(
        scaledPixels pixels: [UInt8], channels: Int, width: Int, height: Int, fullWidth: Int, fullHeight: Int, dihedral: Bool
    ) -> (PDQResult, [Hash256]?) {
        guard fullWidth >= minimumDimension, fullHeight >= minimumDimension, width >= 1, height >= 1 else {
            return (PDQResult(hash: .zero, quality: 0), dihedral ? Array(repeating: .zero, count: 8) : nil)
        }
        let block = decimated(scaledPixels: pixels, channels: channels, width: width, height: height,
                              fullWidth: fullWidth, fullHeight: fullHeight)
        return result(of: block, dihedral: dihedral)
    }

    /// The 64×64 block (row-major) the reference's blur-and-decimate makes of the
    /// `fullWidth × fullHeight` original, from its DCT-scaled `pixels`.
    static func decimated(
        scaledPixels pixels: [UInt8], channels: Int, width: Int, height: Int, fullWidth: Int, fullHeight: Int
    ) -> [Float] {
        let horizontal = SampleWeights.cached(full: fullWidth, scaled: width)
        let vertical = SampleWeights.cached(full: fullHeight, scaled: height)
        // Horizontal, in C (`imp_pdq_fold_rows_*`): every shrunken row to 64 weighted sums.
        // Grey bytes (a JPEG's Y) go through the luma table, RGB through the luma formula, a
        // row at a time, sparing a float copy of the image; the values are the plane's, so the
        // sums are too.
        let rows = [Float](unsafeUninitializedCapacity: height * 64) { out, initialized in
            horizontal.weights.withUnsafeBufferPointer { weights in
                horizontal.starts.withUnsafeBufferPointer { starts in
                    horizontal.counts.withUnsafeBufferPointer { counts in
                        if channels == 1 {
                            var scratch = [Float](repeating: 0, count: 8 * width)
                            pixels.withUnsafeBufferPointer { grey in
                                PDQLuma.greyTable.withUnsafeBufferPointer { table in
                                    imp_pdq_fold_rows_grey(
                                        grey.baseAddress, table.baseAddress, Int32(width), Int32(height), weights.baseAddress,
                                        starts.baseAddress, counts.baseAddress, Int32(horizontal.stride), &scratch, out.baseAddress)
                                }
                            }
                        } else {
                            precondition(channels == 3, "PDQ hashes grey or RGB pixels")
                            var scratch = [Float](repeating: 0, count: width)
                            pixels.withUnsafeBufferPointer { rgb in
                                imp_pdq_fold_rows_rgb(
                                    rgb.baseAddress, Int32(width), Int32(height), weights.baseAddress,
                                    starts.baseAddress, counts.baseAddress, Int32(horizontal.stride), &scratch, out.baseAddress)
                            }
                        }
                    }
                }
            }
            initialized = height * 64
        }
        // Vertical: 64 weighted sums of those rows.
        var block = [Float](repeating: 0, count: 64 * 64)
        rows.withUnsafeBufferPointer { source in
            block.withUnsafeMutableBufferPointer { out in
                for i in 0..<64 {
                    let (start, count) = vertical.bounds[i]
                    let k = i * vertical.stride
                    for tap in 0..<count {
                        let weight = vertical.weights[k + tap]
                        let row = (start + tap) * 64
                        for j in 0..<64 { out[i * 64 + j] += weight * source[row + j] }
                    }
                }
            }
        }
        return block
    }

    /// For one axis: the weight of each shrunken pixel in each of the 64 reference samples.
    struct SampleWeights: Sendable {
        let bounds: [(start: Int, count: Int)]
        let weights: [Float]
        let stride: Int
        /// `bounds` as the C kernels take them.
        let starts: [Int32], counts: [Int32]

        private static let cache = TableCache<AxisSizes, SampleWeights>()

        /// The weights for a pair of sizes, memoised.
        static func cached(full: Int, scaled: Int) -> SampleWeights {
            cache.value(for: AxisSizes(input: full, output: scaled)) { SampleWeights(full: full, scaled: scaled) }
        }

        init(full: Int, scaled: Int) {
            let window = PDQHasher.jaroszWindowSize(oldDimension: full, newDimension: 64)
            let half = (window + 2) / 2
            // Box output o averages inputs [o - (window - half), o + half - 1], clipped.
            func span(_ o: Int) -> ClosedRange<Int> {
                max(o - (window - half), 0)...min(o + half - 1, full - 1)
            }
            let factor = Double(full) / Double(scaled)
            func shrunken(_ x: Int) -> Int { min(Int(Double(x) / factor), scaled - 1) }
            var perSample: [(start: Int, values: [Double])] = []
            for i in 0..<64 {
                let p = Int((Double(i) + 0.5) * Double(full) / 64)
                // Row p of (box · box): a tent, flattened at the edges.
                var low = Int.max, high = Int.min
                for k in span(p) { low = min(low, span(k).lowerBound); high = max(high, span(k).upperBound) }
                var fullWeights = [Double](repeating: 0, count: high - low + 1)
                let outer = span(p)
                for k in outer {
                    let inner = span(k)
                    let w = 1.0 / Double(outer.count * inner.count)
                    for x in inner { fullWeights[x - low] += w }
                }
                let first = shrunken(low), last = shrunken(high)
                var values = [Double](repeating: 0, count: last - first + 1)
                for (offset, w) in fullWeights.enumerated() { values[shrunken(low + offset) - first] += w }
                perSample.append((first, values))
            }
            stride = perSample.map(\.values.count).max() ?? 1
            var weights = [Float](repeating: 0, count: 64 * stride)
            for (i, sample) in perSample.enumerated() {
                for (t, w) in sample.values.enumerated() { weights[i * stride + t] = Float(w) }
            }
            self.weights = weights
            bounds = perSample.map { ($0.start, $0.values.count) }
            starts = bounds.map { Int32($0.start) }
            counts = bounds.map { Int32($0.count) }
        }
    }
}
