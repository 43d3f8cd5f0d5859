import Foundation

/// A named file read whole, whatever it is: a regular file, or a pipe, a FIFO, `/dev/stdin`
/// or a shell's `<(…)`, which Foundation's `Data(contentsOf:)` refuses ("You don't have
/// permission"). Lists, partner hash files and site files are often piped in.
public enum FileContents {
    /// Why a file could not be read, as a person reads it.
    public struct Failure: Error, CustomStringConvertible {
        /// The path and what went wrong.
        public let description: String
    }

    /// The bytes of `path`; "-" is standard input. A stream longer than `limit` (a list piped
    /// from /dev/zero) is refused rather than read until memory runs out.
    public static func read(_ path: String, limit: Int = 1 << 30) throws(Failure) -> Data {
        if path == "-" {
            let data = FileHandle.standardInput.readData(ofLength: limit + 1)
            guard data.count <= limit else { throw Failure(description: "cannot read standard input: more than \(limit >> 20) MiB") }
            return data
        }
        let descriptor = FileSystemName.withBytes(path) { open($0, O_RDONLY | O_CLOEXEC) }
        guard descriptor >= 0 else { throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFDIR {
            throw Failure(description: "cannot read \(path): it is a folder, not a file")
        }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count > 0 {
                data.append(contentsOf: buffer[0..<count])
                guard data.count <= limit else { throw Failure(description: "cannot read \(path): more than \(limit >> 20) MiB") }
            } else if count == 0 {
                return data
            } else if errno != EINTR {
                throw Failure(description: "cannot read \(path): \(String(cString: strerror(errno)))")
            }
        }
    }
}
