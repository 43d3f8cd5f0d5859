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
        var out = [UInt8](repeating: 0, count: pixels.count)
        pixels.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                var index = 0
                for y in 0..<outHeight {
                    for x in 0..<outWidth {
                        // Where the displayed pixel (x, y) is stored.
                        let (sx, sy): (Int, Int)
                        switch orientation {
                        case 2: (sx, sy) = (w - 1 - x, y)
                        case 3: (sx, sy) = (w - 1 - x, h - 1 - y)
                        case 4: (sx, sy) = (x, h - 1 - y)
                        case 5: (sx, sy) = (y, x)
                        case 6: (sx, sy) = (y, h - 1 - x)
                        case 7: (sx, sy) = (w - 1 - y, h - 1 - x)
                        default: (sx, sy) = (w - 1 - y, x)
                        }
                        let from = (sy * w + sx) * c
                        for k in 0..<c { dst[index + k] = src[from + k] }
                        index += c
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
