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

    /// The digests of several files, in their order: computed side by side where the CPU has
    /// AVX-512 and SHA extensions (`imp_md5_sha256_many`, about half the time of one file after
    /// another), else one file at a time as ``init(of:)`` does.
    public static func of(_ files: [[UInt8]]) -> [FileDigests] {
        guard files.count > 1 else { return files.map(FileDigests.init(of:)) }
        var md5 = [UInt8](repeating: 0, count: 16 * files.count), sha256 = [UInt8](repeating: 0, count: 32 * files.count)
        let sizes = files.map(\.count)
        var addresses: [UnsafePointer<UInt8>?] = []
        addresses.reserveCapacity(files.count)
        // Every file's storage stays pinned while the kernel reads it: one closure per file, nested.
        func digest(from index: Int) -> Int32 {
            guard index < files.count else {
                return imp_md5_sha256_many(Int32(files.count), addresses, sizes, &md5, &sha256)
            }
            return files[index].withUnsafeBufferPointer { file in
                addresses.append(file.baseAddress)
                return digest(from: index + 1)
            }
        }
        guard digest(from: 0) == 1 else { return files.map(FileDigests.init(of:)) }
        return files.indices.map { i in
            FileDigests(sha256: hex(sha256[(32 * i)..<(32 * i + 32)]), md5: hex(md5[(16 * i)..<(16 * i + 16)]))
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
