/// One deadline over a whole exchange: connecting, sending, the answer's head and every byte
/// of its body. The HTTP client's own timeout ends when the head arrives, so a body dripped
/// one byte a second would otherwise hold a call forever.
enum AttemptDeadline {
    struct Exceeded: Error {}

    /// Runs `body`, or throws `Exceeded` once `seconds` have passed; `body` is cancelled then
    /// (the HTTP client closes the connection on cancellation).
    static func run<T: Sendable>(seconds: Double, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Pause.sleep(seconds: seconds)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else { throw Exceeded() }
            return value
        }
    }
}
