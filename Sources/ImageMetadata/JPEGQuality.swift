/// Estimates the IJG (libjpeg `-quality`) setting that produced a JPEG's quantization tables.
enum JPEGQuality {
    /// The IJG standard luminance table (ITU-T T.81 Annex K.1), natural order.
    static let luminance: [Int] = [
        16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55,
        14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62,
        18, 22, 37, 56, 68, 109, 103, 77, 24, 35, 55, 64, 81, 104, 113, 92,
        49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
    ]
    /// The IJG standard chrominance table (Annex K.2), natural order.
    static let chrominance: [Int] = [
        17, 18, 24, 47, 99, 99, 99, 99, 18, 21, 26, 66, 99, 99, 99, 99,
        24, 26, 56, 99, 99, 99, 99, 99, 47, 66, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
        99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99, 99,
    ]

    /// libjpeg's `jpeg_quality_scaling` followed by `jpeg_add_quant_table` with baseline limits.
    static func scaled(_ table: [Int], quality: Int) -> [Int] {
        let q = min(max(quality, 1), 100)
        let scale = q < 50 ? 5000 / q : 200 - q * 2
        return table.map { min(max(($0 * scale + 50) / 100, 1), 255) }
    }

    /// Scaled (luminance, chrominance) tables for qualities 1…100, index quality − 1; built once.
    static let candidates: [(luminance: [Int], chrominance: [Int])] = (1...100).map {
        (scaled(luminance, quality: $0), scaled(chrominance, quality: $0))
    }

    /// The quality 1–100 whose scaled standard tables are closest (sum of absolute differences)
    /// to the file's tables 0 (luminance) and 1 (chrominance, when present).
    /// - Complexity: 100 × 128 comparisons.
    static func estimate(_ tables: [Int: [Int]]) -> Int? {
        guard let luma = tables[0] ?? tables.sorted(by: { $0.key < $1.key }).first?.value else { return nil }
        let chroma = tables[1]
        var best: (quality: Int, distance: Int)?
        for quality in 1...100 {
            let candidate = candidates[quality - 1]
            var distance = 0
            for i in 0..<64 { distance += abs(candidate.luminance[i] - luma[i]) }
            if let chroma {
                for i in 0..<64 { distance += abs(candidate.chrominance[i] - chroma[i]) }
            }
            // Ties go to the higher quality: at q≥98 several scales clamp to all-ones tables.
            if best == nil || distance <= best!.distance { best = (quality, distance) }
        }
        return best?.quality
    }
}
