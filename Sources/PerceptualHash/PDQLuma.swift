/// PDQ's float luma plane from decoded bytes.
enum PDQLuma {
    private static let red: Float = 0.299, green: Float = 0.587, blue: Float = 0.114

    /// Luma of a grey byte as the reference computes it after an RGB conversion (R = G = B),
    /// which is what the reference's Pillow-based producers feed it for grey files.
    static let greyTable: [Float] = (0..<256).map { value in
        let v = Float(value)
        return red * v + green * v + blue * v
    }

    /// `0.299 R + 0.587 G + 0.114 B` per pixel in `Float`, or the grey table for 1 channel.
    ///
    /// - Complexity: O(count).
    static func plane(of pixels: [UInt8], count: Int, channels: Int) -> [Float] {
        if channels == 3 { return PDQHasher.lumaFromRGB(pixels, count: count) }
        precondition(channels == 1, "PDQ hashes grey or RGB pixels")
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            greyTable.withUnsafeBufferPointer { table in
                pixels.withUnsafeBufferPointer { source in
                    for index in 0..<count { out[index] = table[Int(source[index])] }
                }
            }
            initialized = count
        }
    }
}
