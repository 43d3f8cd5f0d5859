import ArgumentParser
import CaseStore
import FileNames
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The root `imprint` command: holds only configuration and the list of subcommands.
public struct ImprintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "imprint",
        abstract: "Media forensics for propaganda imagery: metadata, perceptual hashes, reposts, claimed sites.",
        version: "0.1.0",
        subcommands: [ExifCommand.self, HashCommand.self, ClusterCommand.self, MatchCommand.self, HashesCommand.self, IngestCommand.self,
                      CaseCommand.self, SitesCommand.self, SiteCommand.self, ClaimsCommand.self, FlagsCommand.self]
    )

    public init() {}

    /// Parses the process arguments, runs the command and exits.
    ///
    /// Usage errors exit with status 2 (as grep and diff do), not argument-parser's 64;
    /// batch commands exit 1 when some files failed.
    public static func runMain(_ arguments: [String]? = nil) -> Never {
        tuneAllocatorForBatches()
        // Set once the arguments parsed: an error after that is the command's, not a usage slip.
        var parsed = false
        do {
            // The arguments as the file system's bytes: a file name that is not UTF-8 stays
            // openable (``FileSystemName``); CommandLine.arguments would have replaced its bytes.
            let arguments = splittingAttachedValues(arguments ?? (1..<Int(CommandLine.argc)).compactMap {
                CommandLine.unsafeArgv[$0].map { FileSystemName.string(cString: $0) }
            })
            if let message = unknownHelpTopic(arguments) {
                writeStandardError(message.terminalSafeLines + "\n")
                Foundation.exit(2)
            }
            var command = try parseSubcommand(arguments) ?? parseAsRoot(arguments)
            parsed = true
            if let asyncCommand = command as? AsyncParsableCommand {
                runAsync(asyncCommand)
            }
            try command.run()
            OpenCases.closeAll()
            Foundation.exit(0)
        } catch {
            exitAfter(error, parsed: parsed)
        }
    }

    /// Runs an async command on the concurrency runtime, which only such commands start.
    static func runAsync(_ command: AsyncParsableCommand) -> Never {
        nonisolated(unsafe) var command = command
        Task {
            do {
                try await command.run()
                OpenCases.closeAll()
                Foundation.exit(0)
            } catch {
                exitAfter(error, parsed: true)
            }
        }
        dispatchMain()
    }

    /// The command the first argument names, when it has no subcommands of its own, parsed as
    /// a root of its own: what `parseAsRoot` gives for any valid command line, without the
    /// reflection over `imprint`'s own arguments (a millisecond of a run's start). nil for
    /// anything else, and for arguments it refuses, whose error the full parse then gives.
    static func parseSubcommand(_ arguments: [String]) -> ParsableCommand? {
        guard let name = arguments.first,
              let subcommand = configuration.subcommands.first(where: { $0._commandName == name }),
              subcommand.configuration.subcommands.isEmpty else { return nil }
        // A help request parses as argument-parser's own help command, which would show the
        // usage without "imprint": only the subcommand itself is taken.
        guard let command = try? subcommand.parseAsRoot(Array(arguments.dropFirst())),
              type(of: command) == subcommand else { return nil }
        return command
    }

    /// The short options that take a value: `-j`, `-f`, `-a`, `-l` (ASCII letters, compared
    /// as bytes: a set of characters would cost the runtime's type lookups on every start).
    static let shortOptionsWithValues: [UInt8] = Array("jfal".utf8)

    /// `-j4`, `-fjsonl`, `-apdq,phash` (a short option with its value attached, as make and
    /// most Unix tools take it) as two arguments, which argument-parser needs: it reads `-j4`
    /// as the flags `-j` and `-4`. Nothing after `--` is touched.
    static func splittingAttachedValues(_ arguments: [String]) -> [String] {
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--" { return result + arguments[index...] }
            let bytes = argument.utf8
            if bytes.count > 2, bytes.first == UInt8(ascii: "-"), shortOptionsWithValues.contains(bytes[bytes.index(after: bytes.startIndex)]) {
                // Split after two ASCII bytes: both parts stay valid UTF-8.
                let valueStart = bytes.index(bytes.startIndex, offsetBy: 2)
                result += [String(decoding: bytes[..<valueStart], as: UTF8.self), String(decoding: bytes[valueStart...], as: UTF8.self)]
            } else {
                result.append(argument)
            }
        }
        return result
    }

    /// Reports `error` and exits: 2 for a usage slip or trouble, the command's own status
    /// otherwise. `parsed`: the arguments had parsed, so the error is the command's.
    static func exitAfter(_ error: Error, parsed: Bool) -> Never {
        OpenCases.closeAll()
        if exitCode(for: error) == .validationFailure {
            // A command that refuses its input once running ("a.jpg has no pdq hash") says
            // why; the top-level usage that argument-parser adds would be the wrong help.
            let text = parsed ? "Error: " + message(for: error) : fullMessage(for: error)
            writeStandardError(text.terminalSafeLines + "\n")
            Foundation.exit(2)
        }
        // The case failed under the command (disk full, damaged file, another tool's
        // database): exit 2 as grep does for trouble, apart from files that failed (exit 1).
        if let error = error as? CaseStoreError {
            writeStandardError("Error: \(error)".terminalSafeLines + "\n")
            Foundation.exit(2)
        }
        // Any other error's message may name a file: shown as the rest of stderr is.
        // (Help and --version go to stdout, and an exit code says nothing: argument-parser's.)
        // It stopped the run (hash output that cannot be read back): exit 2. argument-parser
        // would give 1, which is a batch's "some files failed" and match's "nothing matched",
        // so a watch-list script would take an unread input for a clean folder.
        let text = fullMessage(for: error), code = exitCode(for: error)
        if code != .success, !text.isEmpty {
            writeStandardError(text.terminalSafeLines + "\n")
            Foundation.exit(error is ExitCode ? code.rawValue : 2)
        }
        exit(withError: error)
    }

    /// The message for `imprint help NAME…` naming no command, or nil. argument-parser would
    /// print the top-level help and exit 0, so a typo in a wrapper script would go unnoticed
    /// where `imprint NAME` itself exits 2.
    static func unknownHelpTopic(_ arguments: [String]) -> String? {
        guard arguments.first == "help" else { return nil }
        var subcommands = configuration.subcommands
        var path = "imprint"
        for name in arguments.dropFirst() where !name.hasPrefix("-") {
            var names: [String] = []
            var next: [ParsableCommand.Type]?
            for subcommand in subcommands {
                let configuration = subcommand.configuration
                let commandName = subcommand._commandName
                names.append(commandName)
                if commandName == name || configuration.aliases.contains(name) { next = configuration.subcommands }
            }
            guard let next else {
                return "Error: '\(path) \(name)' is not a command" + (names.isEmpty ? "." : "; '\(path)' has: \(names.joined(separator: ", ")).")
            }
            subcommands = next
            path += " " + name
        }
        return nil
    }

    /// Batch commands allocate and free one file's buffers after another. By default glibc
    /// maps each buffer over 128 KiB freshly and unmaps it on free, so every page faults and
    /// is zeroed again for the next file (about 8% of `imprint exif`'s CPU). Keeping such
    /// buffers on the heap lets the next file reuse the same pages. The peak stays that of
    /// the files in flight.
    static func tuneAllocatorForBatches() {
        #if canImport(Glibc)
        // mallopt is in <malloc.h>, which Swift's Glibc module does not import.
        typealias Mallopt = @convention(c) (Int32, Int32) -> Int32
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "mallopt") else { return }
        let mallopt = unsafeBitCast(symbol, to: Mallopt.self)
        _ = mallopt(-1, 64 << 20)  // M_TRIM_THRESHOLD
        _ = mallopt(-2, 16 << 20)  // M_TOP_PAD
        _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD
        #endif
    }
}
