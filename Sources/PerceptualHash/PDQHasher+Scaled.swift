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
        let rows = foldedRows(pixels, channels: channels, width: width, height: height,
                              weights: SampleWeights.cached(full: fullWidth, scaled: width))
        return foldedBlock(rows, from: 0, weights: SampleWeights.cached(full: fullHeight, scaled: height))
    }

    /// The blocks `decimated` makes of regions of `pixels` that keep whole rows (`x` 0, all of
    /// the width) or whole columns (`y` 0, all of the height), each as if cropped first, with
    /// its full size in proportion: from one fold of the image's rows, and one of its columns,
    /// shared by all of them, instead of a pass over each region's pixels. A region of whole
    /// columns sums in the other order, so its bits may differ from the cropped region's in
    /// the last float place; nil for a region whose full size PDQ cannot hash.
    static func edgeBlocks(
        scaledPixels pixels: [UInt8], channels: Int, width: Int, height: Int, fullWidth: Int, fullHeight: Int,
        regions: [ContentRegion]
    ) -> [[Float]?] {
        let scaleX = Double(fullWidth) / Double(width), scaleY = Double(fullHeight) / Double(height)
        var rows: [Float]?, columns: [Float]?
        return regions.map { region in
            let full = (width: Int((Double(region.width) * scaleX).rounded()), height: Int((Double(region.height) * scaleY).rounded()))
            guard full.width >= minimumDimension, full.height >= minimumDimension else { return nil }
            if region.x == 0 && region.width == width {
                // Whole rows: the image's folded rows from `y`, then this height's vertical weights.
                if rows == nil {
                    rows = foldedRows(pixels, channels: channels, width: width, height: height,
                                      weights: SampleWeights.cached(full: fullWidth, scaled: width))
                }
                return foldedBlock(rows!, from: region.y, weights: SampleWeights.cached(full: full.height, scaled: region.height))
            }
            precondition(region.y == 0 && region.height == height, "an edge region keeps whole rows or whole columns")
            // Whole columns: the transposed image's folded rows (each column to 64 vertical
            // samples), then this width's horizontal weights, and the block turned back.
            if columns == nil {
                columns = foldedRows(transposed(pixels, channels: channels, width: width, height: height), channels: channels,
                                     width: height, height: width, weights: SampleWeights.cached(full: fullHeight, scaled: height))
            }
            let turned = foldedBlock(columns!, from: region.x, weights: SampleWeights.cached(full: full.width, scaled: region.width))
            return [Float](unsafeUninitializedCapacity: 64 * 64) { block, initialized in
                turned.withUnsafeBufferPointer { turned in
                    for i in 0..<64 { for j in 0..<64 { block[i * 64 + j] = turned[j * 64 + i] } }
                }
                initialized = 64 * 64
            }
        }
    }

    /// `pixels` with rows and columns swapped (channels kept together), in C.
    private static func transposed(_ pixels: [UInt8], channels: Int, width: Int, height: Int) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: pixels.count) { out, initialized in
            pixels.withUnsafeBufferPointer { imp_transpose_u8($0.baseAddress, Int32(width), Int32(height), Int32(channels), out.baseAddress) }
            initialized = pixels.count
        }
    }

    /// Every row of `pixels` (luma) to its 64 horizontally weighted sums, in C
    /// (`imp_pdq_fold_rows_*`): `height × 64` floats. Grey bytes (a JPEG's Y) go through the
    /// luma table, RGB through the luma formula, a row at a time, sparing a float copy of the
    /// image; the values are the plane's, so the sums are too.
    private static func foldedRows(_ pixels: [UInt8], channels: Int, width: Int, height: Int, weights horizontal: SampleWeights) -> [Float] {
        [Float](unsafeUninitializedCapacity: height * 64) { out, initialized in
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
    }

    /// The 64×64 block of folded rows `offset…` (64 floats each): 64 vertically weighted sums.
    private static func foldedBlock(_ rows: [Float], from offset: Int, weights vertical: SampleWeights) -> [Float] {
        var block = [Float](repeating: 0, count: 64 * 64)
        rows.withUnsafeBufferPointer { source in
            vertical.weights.withUnsafeBufferPointer { weights in
                block.withUnsafeMutableBufferPointer { out in
                    for i in 0..<64 {
                        let (start, count) = vertical.bounds[i]
                        let k = i * vertical.stride
                        for tap in 0..<count {
                            let weight = weights[k + tap]
                            let row = (offset + start + tap) * 64
                            for j in 0..<64 { out[i * 64 + j] += weight * source[row + j] }
                        }
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
