import Synchronization

/// Where signals go: the inbox of whichever session is running. Each session has its own
/// inbox, so that a late message of an ended one (a sync event, a window from the old mirror)
/// can never reach the next.
public final class InboxRelay: Sendable {
    private let current = Mutex<Inbox?>(nil)

    public init() {}

    func use(_ inbox: Inbox) { current.withLock { $0 = inbox } }

    /// Safe from any thread (a signal handler's queue).
    public func post(_ message: Message) { current.withLock { $0 }?.post(message) }
}
