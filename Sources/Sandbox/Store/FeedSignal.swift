/// Wakes long-polling feed readers when the feed grows.
///
/// Readers wait here instead of polling the database; a commit that appends changes publishes
/// the new head, and `close()` releases everyone so that a shutdown is not held up by a
/// 30-second long-poll.
actor FeedSignal {
    private var head: Int64
    private var closed = false
    private var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
    private var nextWaiter: UInt64 = 0

    init(head: Int64) { self.head = head }

    func publish(head newHead: Int64) {
        guard newHead > head else { return }
        head = newHead
        resumeAll()
    }

    func close() {
        closed = true
        resumeAll()
    }

    /// Returns once the head is beyond `seq`, the deadline has passed, or the signal closed;
    /// false when closed, so that a waiting loop stops instead of spinning.
    @discardableResult
    func wait(beyond seq: Int64, until deadline: ContinuousClock.Instant) async -> Bool {
        guard !closed else { return false }
        guard head <= seq, deadline > .now else { return true }
        let id = nextWaiter
        nextWaiter += 1
        let timer = Task { [weak self] in
            try? await Task.sleep(until: deadline, clock: .continuous)
            await self?.expire(id)
        }
        // The continuation is registered before this actor can run `expire`, because the body
        // runs synchronously on the actor before the first suspension.
        await withCheckedContinuation { continuation in waiters[id] = continuation }
        timer.cancel()
        return !closed
    }

    private func expire(_ id: UInt64) {
        waiters.removeValue(forKey: id)?.resume()
    }

    private func resumeAll() {
        let pending = waiters
        waiters.removeAll()
        for continuation in pending.values { continuation.resume() }
    }
}
