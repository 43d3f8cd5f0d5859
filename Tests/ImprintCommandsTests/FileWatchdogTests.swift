import Foundation
@testable import ImprintCommands
import Testing

/// The per-file watchdog: stuck work is abandoned and reported, the batch goes on, and the
/// number of abandoned workers is bounded.
@Suite struct FileWatchdogTests {
    @Test func quickWorkReturnsItsResult() async {
        let watchdog = FileWatchdog(seconds: 30, maxAbandoned: 2)
        #expect(await watchdog.run { 41 + 1 } == .success(42))
    }

    @Test func stuckWorkIsAbandonedAndTheNumberOfStuckWorkersIsBounded() async throws {
        let watchdog = FileWatchdog(seconds: 0.05, maxAbandoned: 2)
        // Each worker blocks until released, as a thread stuck in C would.
        let release = DispatchSemaphore(value: 0)
        for _ in 0..<2 {
            let result = await watchdog.run { release.wait(); return 0 }
            #expect(result == .failure(.timedOut(seconds: 0.05)))
        }
        #expect(watchdog.abandonedRunning == 2)
        // A third file is not started at all.
        #expect(await watchdog.run { 1 } == .failure(.tooManyStuck(limit: 2)))
        // Once the stuck workers finish, files run again.
        release.signal()
        release.signal()
        for _ in 0..<500 where watchdog.abandonedRunning > 0 { try await Task.sleep(for: .milliseconds(10)) }
        #expect(watchdog.abandonedRunning == 0)
        #expect(await watchdog.run { 7 } == .success(7))
    }

    @Test func refusalsSaySo() {
        #expect(FileWatchdog.Refusal.timedOut(seconds: 60).description
            == "timed out after 60 s (--timeout-per-file); its worker was abandoned")
        #expect(FileWatchdog.Refusal.tooManyStuck(limit: 8).description
            == "not processed: 8 workers are still stuck on earlier files that timed out")
    }

    /// Through the command: a decompression bomb let through by a permissive --max-pixels
    /// (400 MB of pixels to inflate) is abandoned after its time limit and reported under its
    /// own path, and the files after it are still hashed.
    @Test func aFileThatRunsPastTheLimitIsReportedAndTheBatchGoesOn() throws {
        guard let corpus = CommandLineRunner.corpus else { return }
        let bomb = corpus.appendingPathComponent("bad/png_bomb_20000x20000_gray8_zeros.png").path
        let files = [bomb, "samples/river-palms.jpg", "samples/kuweires-flag.png"]
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "--jobs", "1", "--max-pixels", "500000000",
                                                "--timeout-per-file", "0.2"] + files)
        #expect(result.status == 1)
        let records = try CommandLineRunner.objects(result)
        #expect(records.map { $0["path"] as? String } == files)
        #expect(records.first?["error"] as? String == "timed out after 0.2 s (--timeout-per-file); its worker was abandoned")
        #expect(result.stderr.contains(bomb + ": timed out"))
        // The files after it are hashed; on a machine loaded enough (sanitizer builds running
        // the whole suite at once) they may run past 0.2 s themselves, and are then reported
        // the same way: either is a record under their own path, never a missing one.
        for record in records.dropFirst() {
            let hashed = record["error"] == nil && (record["pdq"] as? String)?.count == 64
            let timedOut = (record["error"] as? String)?.hasPrefix("timed out after 0.2 s") == true
            #expect(hashed || timedOut, "\(record)")
        }
    }

    @Test func timeoutMustBePositive() throws {
        #expect(try CommandLineRunner.run(["hash", "--timeout-per-file", "0", "samples"]).status == 2)
        #expect(try CommandLineRunner.run(["exif", "--timeout-per-file", "-1", "samples"]).status == 2)
    }

    @Test func generousDefaultChangesNothing() throws {
        let result = try CommandLineRunner.run(["hash", "--format", "jsonl", "samples/river-palms.jpg"])
        #expect(result.status == 0, "\(result.stderr)")
    }
}
