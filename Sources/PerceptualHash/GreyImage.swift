/// An 8-bit single-channel image, row-major, as Pillow's mode "L" holds it.
struct GreyImage: Sendable, Equatable {
    let width: Int
    let height: Int
    let pixels: [UInt8]

    /// Pillow's `convert("L")` of 8-bit RGB: `(19595 R + 38470 G + 7471 B + 0x8000) >> 16`.
    static func fromRGB(_ rgb: [UInt8], width: Int, height: Int) -> GreyImage {
        let count = width * height
        let grey = [UInt8](unsafeUninitializedCapacity: count) { out, initialized in
            rgb.withUnsafeBufferPointer { source in
                for index in 0..<count {
                    let r = UInt32(source[index * 3]), g = UInt32(source[index * 3 + 1]), b = UInt32(source[index * 3 + 2])
                    out[index] = UInt8(truncatingIfNeeded: (r &* 19595 &+ g &* 38470 &+ b &* 7471 &+ 0x8000) >> 16)
                }
            }
            initialized = count
        }
        return GreyImage(width: width, height: height, pixels: grey)
    }
}
