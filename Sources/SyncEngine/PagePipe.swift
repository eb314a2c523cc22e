/// The pages of one list on their way from the request loop to the writer: at most `capacity`
/// wait, so a writer that falls behind (an index build, a busy disk) holds the requests back
/// instead of letting pages pile up in memory.
///
/// One sender and one receiver. Either side ends it: the sender with `finish` (every page
/// sent) or `finish(throwing:)` (the list failed: the receiver gets the error once the pages
/// before it are taken), the receiver with `close` (it stopped taking: a waiting sender is
/// released and told so by a `CancellationError`). Cancelling a waiting task releases it too.
actor PagePipe<Element: Sendable> {
    private let capacity: Int
    private var buffer: [Element] = []
    private var finished = false
    private var failure: (any Error)?
    private var closed = false
    private var waitingReceiver: CheckedContinuation<Void, Never>?
    private var waitingSender: CheckedContinuation<Void, Never>?

    init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Adds a page, waiting while the pipe is full.
    func send(_ element: Element) async throws {
        while buffer.count >= capacity && !closed {
            try Task.checkCancellation()
            await withTaskCancellationHandler {
                await withCheckedContinuation { waitingSender = $0 }
            } onCancel: {
                Task { await self.releaseWaiters() }
            }
        }
        if closed { throw CancellationError() }
        buffer.append(element)
        resume(&waitingReceiver)
    }

    /// The next page, in the order sent; nil once every page is taken and the sender finished.
    func next() async throws -> Element? {
        while buffer.isEmpty {
            if let failure { throw failure }
            if finished || closed { return nil }
            try Task.checkCancellation()
            await withTaskCancellationHandler {
                await withCheckedContinuation { waitingReceiver = $0 }
            } onCancel: {
                Task { await self.releaseWaiters() }
            }
        }
        let element = buffer.removeFirst()
        resume(&waitingSender)
        return element
    }

    /// The sender is done: with an error, the receiver gets it after the pages already sent.
    func finish(throwing error: (any Error)? = nil) {
        finished = true
        if failure == nil { failure = error }
        releaseWaiters()
    }

    /// The receiver stopped taking pages; what is left in the pipe is dropped.
    func close() -> [Element] {
        closed = true
        let left = buffer
        buffer = []
        releaseWaiters()
        return left
    }

    private func releaseWaiters() {
        resume(&waitingReceiver)
        resume(&waitingSender)
    }

    private func resume(_ waiter: inout CheckedContinuation<Void, Never>?) {
        waiter?.resume()
        waiter = nil
    }
}
