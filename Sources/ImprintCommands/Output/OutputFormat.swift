import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// How a command prints its records.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case json, jsonl, csv, text

    /// JSON or JSON Lines: records keep their nesting and lists, and need no fixed columns.
    public var isJSON: Bool { self == .json || self == .jsonl }

    /// `text` on a terminal, JSON Lines when stdout is piped or redirected.
    public static var automatic: OutputFormat {
        isatty(STDOUT_FILENO) == 1 ? .text : .jsonl
    }
}

/// `-f/--format`, for commands whose only output option it is.
struct OutputFormatOptions: ParsableArguments {
    @Option(name: .shortAndLong, help: ArgumentHelp(
        "Output format: json, jsonl, csv or text (default: text on a terminal, jsonl when piped).", valueName: "format"))
    var format: OutputFormat?

    /// The chosen format, or the automatic one.
    var outputFormat: OutputFormat { format ?? .automatic }
}
