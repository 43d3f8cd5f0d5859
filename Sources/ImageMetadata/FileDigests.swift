internal import CHashKernels
internal import Crypto

/// A file's SHA-256 and MD5, as lower-case hex: the identities investigators exchange.
public struct FileDigests: Sendable, Hashable {
    /// Lower-case hex SHA-256 of the whole file.
    public let sha256: String
    /// Lower-case hex MD5 of the whole file.
    public let md5: String

    /// Digests `bytes` (the whole file): both in one pass where the CPU has SHA extensions
    /// (`imp_md5_sha256`, a quarter faster than one after the other), else with swift-crypto.
    public init(of bytes: [UInt8]) {
        var md5 = [UInt8](repeating: 0, count: 16), sha256 = [UInt8](repeating: 0, count: 32)
        let fused = bytes.withUnsafeBufferPointer { data in imp_md5_sha256(data.baseAddress, data.count, &md5, &sha256) }
        if fused == 1 {
            self.init(sha256: Self.hex(sha256), md5: Self.hex(md5))
        } else {
            self.init(library: bytes)
        }
    }

    /// Digests `bytes` with swift-crypto alone (the fallback, and the reference in tests).
    init(library bytes: [UInt8]) {
        self.init(sha256: Self.hex(SHA256.hash(data: bytes)), md5: Self.hex(Insecure.MD5.hash(data: bytes)))
    }

    private init(sha256: String, md5: String) {
        self.sha256 = sha256
        self.md5 = md5
    }

    /// Lower-case hex MD5 of a part of a file (exiftool's CurrentIPTCDigest).
    static func md5Hex(of bytes: ArraySlice<UInt8>) -> String {
        hex(Insecure.MD5.hash(data: bytes))
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
