import Foundation

/// Turns signals (SIGINT and SIGTERM unless told others) into calls of `handler`, on a
/// background queue, instead of the default of ending the process mid-frame.
final class SignalTrap {
    private var sources: [any DispatchSourceSignal] = []

    init(_ signals: [Int32] = [SIGINT, SIGTERM], handler: @escaping @Sendable (Int32) -> Void) {
        let queue = DispatchQueue(label: "rewards-ops.signals")
        for number in signals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { handler(number) }
            source.resume()
            sources.append(source)
        }
    }
}
