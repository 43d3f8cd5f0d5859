import ArgumentParser
#if canImport(Glibc)
import Glibc
#endif

/// How a command prints its records.
public enum OutputFormat: String, CaseIterable, ExpressibleByArgument, Sendable {
    case json, jsonl, csv, text

    /// `text` on a terminal, JSON Lines when stdout is piped or redirected.
    public static var automatic: OutputFormat {
        isatty(STDOUT_FILENO) == 1 ? .text : .jsonl
    }
}
