extension DecodedImage {
    /// The image as EXIF orientation `orientation` says it should be displayed.
    ///
    /// Values 5–8 swap width and height. Anything outside 1–8 (the PDQ bridge photo
    /// carries 0) leaves the image as stored.
    /// - Complexity: O(width × height).
    public func oriented(_ orientation: Int) -> DecodedImage {
        guard (2...8).contains(orientation) else { return self }
        let w = width, h = height, c = channels
        let transposed = orientation >= 5
        let outWidth = transposed ? h : w, outHeight = transposed ? w : h
        // Each displayed row is one walk through the stored pixels at a fixed step: along a
        // stored row (±c) for 2–4, down a stored column (±w·c) for 5–8; the next row starts a
        // fixed step further. (A switch per pixel cost as much as PDQ's own passes.)
        let rowStep = w * c, last = (h - 1) * rowStep, right = (w - 1) * c
        let (origin, nextRow, step): (Int, Int, Int)
        switch orientation {
        case 2: (origin, nextRow, step) = (right, rowStep, -c)
        case 3: (origin, nextRow, step) = (last + right, -rowStep, -c)
        case 4: (origin, nextRow, step) = (last, -rowStep, c)
        case 5: (origin, nextRow, step) = (0, c, rowStep)
        case 6: (origin, nextRow, step) = (last, c, -rowStep)
        case 7: (origin, nextRow, step) = (last + right, -c, -rowStep)
        default: (origin, nextRow, step) = (right, -c, rowStep)
        }
        var out = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                var index = 0
                for y in 0..<outHeight {
                    var from = origin + y * nextRow
                    for _ in 0..<outWidth {
                        for k in 0..<c { dst[index + k] = src[from + k] }
                        index += c
                        from += step
                    }
                }
            }
        }
        return DecodedImage(
            width: outWidth, height: outHeight, channels: c, pixels: out, format: format,
            storedWidth: storedWidth, storedHeight: storedHeight, warnings: warnings
        )
    }
}
