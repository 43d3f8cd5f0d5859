internal import CZlib

/// zlib streams (PNG zTXt, compressed iTXt), inflated with a ceiling so that a small hostile
/// chunk cannot expand into gigabytes.
enum Inflate {
    /// The most one stream may expand to: far above any real text chunk or XMP packet.
    static let maxOutput = 16 << 20

    /// Why a stream gave no text.
    enum Failure: Error, Equatable {
        /// Not a complete zlib stream.
        case damaged
        /// It expands past the ceiling.
        case tooLarge
    }

    /// The inflated bytes of the zlib stream `data`.
    /// - Complexity: O(output); the output buffer grows fourfold, so at most log₄ restarts.
    static func inflate(_ data: ArraySlice<UInt8>, limit: Int = maxOutput) -> Result<[UInt8], Failure> {
        var capacity = min(limit, max(4096, data.count * 4))
        while true {
            var complete: Int32 = 0
            var written = 0
            let output = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                written = data.withUnsafeBufferPointer { input in
                    imprint_inflate(input.baseAddress, UInt(input.count), buffer.baseAddress, UInt(capacity), &complete)
                }
                initialized = max(written, 0)
            }
            if written < 0 { return .failure(.damaged) }
            if complete != 0 { return .success(output) }
            if capacity >= limit { return .failure(.tooLarge) }
            capacity = min(limit, capacity * 4)
        }
    }
}
