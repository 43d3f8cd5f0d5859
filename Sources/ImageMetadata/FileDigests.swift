internal import Crypto

/// A file's SHA-256 and MD5, as lower-case hex: the identities investigators exchange.
public struct FileDigests: Sendable, Hashable {
    /// Lower-case hex SHA-256 of the whole file.
    public let sha256: String
    /// Lower-case hex MD5 of the whole file.
    public let md5: String

    /// Digests `bytes` (the whole file).
    public init(of bytes: [UInt8]) {
        sha256 = Self.hex(SHA256.hash(data: bytes))
        md5 = Self.hex(Insecure.MD5.hash(data: bytes))
    }

    static func hex(_ digest: some Sequence<UInt8>) -> String {
        let digits: [UInt8] = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
