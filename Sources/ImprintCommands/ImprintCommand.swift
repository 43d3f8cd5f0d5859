import ArgumentParser

/// The root `imprint` command: holds only configuration and the list of subcommands.
public struct ImprintCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "imprint",
        abstract: "Media forensics for propaganda imagery: metadata, perceptual hashes, reposts.",
        subcommands: []
    )

    public init() {}
}
