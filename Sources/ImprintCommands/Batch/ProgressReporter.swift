import Foundation

/// A one-line progress display on stderr (count, rate, ETA), drawn only when stderr is a
/// terminal and at most five times a second, so piped runs stay clean.
final class ProgressReporter: @unchecked Sendable {
    /// Whether anything is drawn at all.
    let isEnabled: Bool
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var done = 0
    private var failed = 0
    private var knownTotal: Int?

    init(enabled: Bool = isatty(STDERR_FILENO) == 1) {
        isEnabled = enabled
    }

    /// The number of inputs, once known, for the ETA. Set from any thread.
    var total: Int? {
        get { lock.withLock { knownTotal } }
        set { lock.withLock { knownTotal = newValue } }
    }

    /// Counts, beside the work, the files a walk of `paths` will give, for the total and the
    /// ETA; only when the line is drawn (a second walk is cheap next to decoding, not free).
    func countFiles(under paths: [String]) {
        guard isEnabled else { return }
        Task.detached { [self] in
            total = PathWalker(paths).reduce(0) { count, _ in count + 1 }
        }
    }

    /// Counts one finished input and redraws if due. Safe from any thread.
    func advance(failed didFail: Bool) {
        lock.withLock {
            done += 1
            if didFail { failed += 1 }
            guard isEnabled else { return }
            let now = Date()
            if now.timeIntervalSince(lastDraw) >= 0.2 {
                lastDraw = now
                draw(now)
            }
        }
    }

    /// Prints a diagnostic line without tearing the progress line.
    func note(_ message: String) {
        writeStandardError((isEnabled ? "\r\u{1B}[K" : "") + message.terminalSafe + "\n")
    }

    /// Clears the line. Call once at the end.
    func finish() {
        guard isEnabled else { return }
        writeStandardError("\r\u{1B}[K")
    }

    /// Call with the lock held.
    private func draw(_ now: Date) {
        let elapsed = max(now.timeIntervalSince(start), 1e-3)
        let rate = Double(done) / elapsed
        let total = knownTotal
        var line = "\r\u{1B}[K\(done)"
        if let total { line += "/\(total)" }
        line += " files  \(fixed(rate, decimals: 1))/s"
        if failed > 0 { line += "  \(failed) failed" }
        if let total, rate > 0, total > done {
            let seconds = Int(Double(total - done) / rate)
            line += String(format: "  ETA %d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        }
        writeStandardError(line)
    }
}

/// Writes one diagnostic line to stderr, its control characters shown as "." (it names
/// files, whose names may hold escape sequences).
func warn(_ message: String) {
    writeStandardError(message.terminalSafe + "\n")
}
