import Foundation

/// Runs the built `imprint` executable, which sits next to the test bundle.
struct CommandLineRunner {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static let executable: URL = {
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        // XCTest on Linux runs `<build>/ImprintPackageTests.xctest`; swift-testing may run from
        // a bundle folder one level further in.
        for _ in 0..<3 {
            let candidate = folder.appendingPathComponent("imprint")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return repository.appendingPathComponent(".build/debug/imprint")
    }()

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `../shared/corpus`, or nil (with a printed reason) when it is absent.
    static let corpus: URL? = {
        let corpus = repository.deletingLastPathComponent().appendingPathComponent("shared/corpus")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            print("skipping: ../shared/corpus is absent next to \(repository.path)")
            return nil
        }
        return corpus
    }()

    /// `tool` (sha256sum, md5sum) over `files`: path → lower-case hex, an independent
    /// reference for the digests imprint prints.
    static func coreutilsDigests(_ tool: String, of files: [String]) throws -> [String: String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool, "--"] + files
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Dictionary(uniqueKeysWithValues: text.split(separator: "\n").map { line in
            let parts = line.split(separator: " ", maxSplits: 1)
            return (String(parts[1].dropFirst()), String(parts[0]))  // "<hex>  <path>": one more space
        })
    }

    /// Runs `imprint arguments…` in the repository folder (or `directory`), feeding `input` to
    /// stdin; with `interruptAfter`, sends it SIGINT (Ctrl-C) after that many seconds, with
    /// `signalAfter` another signal.
    static func run(_ arguments: [String], input: Data? = nil, interruptAfter: Double? = nil,
                    signalAfter: (signal: Int32, seconds: Double)? = nil, directory: URL? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? repository
        // stderr goes to a file, so only one pipe needs draining and nothing can deadlock.
        let errFile = FileManager.default.temporaryDirectory.appendingPathComponent("imprint-test-\(UUID().uuidString).err")
        FileManager.default.createFile(atPath: errFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errFile)
        process.standardInput = inPipe
        try process.run()
        if let interruptAfter {
            DispatchQueue.global().asyncAfter(deadline: .now() + interruptAfter) { process.interrupt() }
        }
        if let signalAfter {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + signalAfter.seconds) { kill(pid, signalAfter.signal) }
        }
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = try Data(contentsOf: errFile)
        return Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                      stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// Parses JSON Lines output into dictionaries.
    static func objects(_ result: Result) throws -> [[String: Any]] {
        try result.lines.map { line in
            try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        }
    }
}
