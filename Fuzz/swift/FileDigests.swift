// Stands in for ImageMetadata's FileDigests in the fuzz build only: swift-crypto is not
// built with the fuzzer's instrumentation, and hashing is not parsing (nothing to fuzz).
public struct FileDigests: Sendable, Hashable {
    public let sha256: String
    public let md5: String
    public init(of bytes: [UInt8]) {
        sha256 = String(bytes.count)
        md5 = ""
    }
    static func md5Hex(of bytes: ArraySlice<UInt8>) -> String { String(bytes.count) }
}
