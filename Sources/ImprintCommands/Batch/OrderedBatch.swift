/// Runs `work` on every input in parallel and hands results to `emit` in input order.
///
/// At most `jobs` inputs are in work at once and at most `4 × jobs` results wait for an
/// earlier one, so memory stays flat however many inputs there are.
/// - Parameters:
///   - inputs: consumed lazily, one element per started task.
///   - jobs: how many inputs are worked on at once (at least 1).
///   - work: runs in a child task; it must not throw, errors belong in its result.
///   - emit: runs on the caller's task, one result at a time, in input order.
func runOrdered<Inputs: Sequence, Output: Sendable>(
    _ inputs: Inputs, jobs: Int,
    work: @escaping @Sendable (Inputs.Element) async -> Output,
    emit: (Output) -> Void
) async where Inputs.Element: Sendable {
    let jobs = max(1, jobs)
    var iterator = inputs.makeIterator()
    await withTaskGroup(of: (Int, Output).self) { group in
        var started = 0
        var nextToEmit = 0
        var waiting: [Int: Output] = [:]
        var running = 0
        func startMore() {
            // After Ctrl-C nothing more is started; what has started is emitted.
            while running < jobs, started - nextToEmit < 4 * jobs, !Interruption.requested, let input = iterator.next() {
                let index = started
                group.addTask { (index, await work(input)) }
                started += 1
                running += 1
            }
        }
        startMore()
        while let (index, output) = await group.next() {
            running -= 1
            waiting[index] = output
            while let ready = waiting.removeValue(forKey: nextToEmit) {
                emit(ready)
                nextToEmit += 1
            }
            startMore()
        }
    }
}
