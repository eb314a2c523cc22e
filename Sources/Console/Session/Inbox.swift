import Synchronization
import Terminal

/// Messages posted from other threads (effects, the sync engine, signals) for the UI loop.
public final class Inbox: Sendable {
    private let messages = Mutex<[Message]>([])
    /// Signalled on every post, so the UI loop stops waiting for a key and shows the news.
    public let wake: WakeSignal?

    public init() {
        wake = try? WakeSignal()
    }

    public func post(_ message: Message) {
        messages.withLock { $0.append(message) }
        wake?.signal()
    }

    public var isEmpty: Bool { messages.withLock { $0.isEmpty } }

    func drain() -> [Message] {
        messages.withLock { pending in
            defer { pending.removeAll(keepingCapacity: true) }
            return pending
        }
    }
}
