import Dispatch

/// A value moved across threads on the caller's promise that the threads touch disjoint
/// parts of it (raw pointers into arrays each thread writes a separate slice of).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}

/// Runs `body(i)` for every `i` in `0..<iterations`, spread over the cores, and returns when
/// all are done. `body` must only write state no other iteration touches.
func concurrentForEach(_ iterations: Int, _ body: (Int) -> Void) {
    withoutActuallyEscaping(body) { body in
        let shared = UncheckedSendable(value: body)
        DispatchQueue.concurrentPerform(iterations: iterations) { shared.value($0) }
    }
}
