import ArgumentParser
import Foundation

/// The root `imprint` command: holds only configuration and the list of subcommands.
public struct ImprintCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "imprint",
        abstract: "Media forensics for propaganda imagery: metadata, perceptual hashes, reposts.",
        version: "0.1.0",
        subcommands: [ExifCommand.self, HashCommand.self]
    )

    public init() {}

    /// Parses the process arguments, runs the command and exits.
    ///
    /// Usage errors exit with status 2 (as grep and diff do), not argument-parser's 64;
    /// batch commands exit 1 when some files failed.
    public static func runMain(_ arguments: [String]? = nil) async -> Never {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            Foundation.exit(0)
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(2)
            }
            exit(withError: error)
        }
    }
}
