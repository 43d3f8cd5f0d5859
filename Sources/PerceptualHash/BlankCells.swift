import ImageDecoding

/// Which parts of an image are blank (one flat level), on a coarse grid, so that the share of
/// any region that is blank costs four lookups.
///
/// A region hash (a crop, a turn, the picture inside a trimmed frame) compares the region's
/// content. When most of the region is blank, as the white page around a picture in a phone
/// screenshot, the hash is mostly that of the page, and every screenshot of that layout comes
/// out alike whatever picture it holds (CLI probe round 12: 18 screenshots of 9 photos joined
/// into one cluster). PDQ's quality does not see it: a strip of the picture inside the region
/// already gives enough gradient.
struct BlankCells {
    /// Cells across and down (fewer on an image smaller than that many pixels).
    static let grid = 32
    /// A cell whose levels, and its neighbours', all lie within this range is blank: a page
    /// is flat to a level or two even in a JPEG; 12 also took the smooth parts of a
    /// motion-blurred photo (66% of `clock_motion`, 4% at 6).
    static let flatRange = 6

    private let width: Int, height: Int
    private let across: Int, down: Int
    /// Blank cells above and left of each grid corner: `(down + 1) × (across + 1)`.
    private let counts: [Int32]

    /// The blank cells of `image` (grey or RGB).
    init(_ image: DecodedImage) {
        let (width, height) = (image.width, image.height)
        let across = max(1, min(Self.grid, width)), down = max(1, min(Self.grid, height))
        let luma = ContentRegion.lumaPlane(of: image)
        var low = [UInt8](repeating: 255, count: across * down), high = [UInt8](repeating: 0, count: across * down)
        // Each column's cell, looked up rather than divided for every pixel.
        let columnCell = (0..<width).map { $0 * across / width }
        luma.withUnsafeBufferPointer { luma in
            for y in 0..<height {
                let row = (y * down / height) * across
                for x in 0..<width {
                    let cell = row + columnCell[x], value = luma[y * width + x]
                    if value < low[cell] { low[cell] = value }
                    if value > high[cell] { high[cell] = value }
                }
            }
        }
        // Blank: one level over the cell and its eight neighbours, so that a smooth picture,
        // flat over a small cell, is not taken for a blank page.
        func isBlank(_ i: Int, _ j: Int) -> Bool {
            var lowest = UInt8.max, highest = UInt8.min
            for jj in max(0, j - 1)...min(down - 1, j + 1) {
                for ii in max(0, i - 1)...min(across - 1, i + 1) {
                    lowest = min(lowest, low[jj * across + ii])
                    highest = max(highest, high[jj * across + ii])
                }
            }
            return Int(highest) - Int(lowest) <= Self.flatRange
        }
        var counts = [Int32](repeating: 0, count: (down + 1) * (across + 1))
        for j in 0..<down {
            var rowSum: Int32 = 0
            for i in 0..<across {
                if isBlank(i, j) { rowSum += 1 }
                counts[(j + 1) * (across + 1) + i + 1] = counts[j * (across + 1) + i + 1] + rowSum
            }
        }
        (self.width, self.height, self.across, self.down, self.counts) = (width, height, across, down, counts)
    }

    /// The share (0–1) of the cells mostly inside `region` (pixels of the same image) that
    /// are blank; 0 for a region smaller than one cell.
    func share(of region: ContentRegion) -> Double {
        // Cells whose centres lie inside the region: from the first whose centre is at or
        // after its start to the first at or after its end.
        func index(_ position: Int, _ cells: Int, _ side: Int) -> Int {
            let a = 2 * position * cells - side, b = 2 * side
            return a <= 0 ? 0 : min(cells, (a + b - 1) / b)
        }
        let left = index(region.x, across, width), right = index(region.x + region.width, across, width)
        let top = index(region.y, down, height), bottom = index(region.y + region.height, down, height)
        guard right > left, bottom > top else { return 0 }
        let stride = across + 1
        let blank = counts[bottom * stride + right] - counts[top * stride + right] - counts[bottom * stride + left] + counts[top * stride + left]
        return Double(blank) / Double((right - left) * (bottom - top))
    }
}
