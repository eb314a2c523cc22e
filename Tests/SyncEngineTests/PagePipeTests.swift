import Foundation
@testable import SyncEngine
import Synchronization
import Testing

/// The pipe between a list's request loop and the writer: pages in order, at most `capacity`
/// waiting, a failure delivered after the pages sent before it, and neither side left waiting
/// when the other stops or the task is cancelled.
@Suite struct PagePipeTests {
    @Test func pagesComeInOrderAndTheSenderWaitsWhileThePipeIsFull() async throws {
        let pipe = PagePipe<Int>(capacity: 2)
        let sent = Mutex(0)
        let sender = Task {
            for page in 1...5 {
                try await pipe.send(page)
                sent.withLock { $0 = page }
            }
            await pipe.finish()
        }
        // Nothing taken yet: two pages fit (waited for, a minute at most on a loaded machine),
        // and the third waits for room however long the receiver takes.
        let deadline = ContinuousClock.now + .seconds(60)
        while sent.withLock({ $0 }) < 2, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(5)) }
        try await Task.sleep(for: .milliseconds(100))
        #expect(sent.withLock { $0 } == 2)
        var taken: [Int] = []
        while let page = try await pipe.next() { taken.append(page) }
        #expect(taken == [1, 2, 3, 4, 5])
        try await sender.value
    }

    @Test func aFailureComesAfterThePagesSentBeforeIt() async throws {
        struct Broken: Error {}
        let pipe = PagePipe<Int>(capacity: 3)
        try await pipe.send(1)
        try await pipe.send(2)
        await pipe.finish(throwing: Broken())
        #expect(try await pipe.next() == 1)
        #expect(try await pipe.next() == 2)
        await #expect(throws: Broken.self) { try await pipe.next() }
    }

    @Test func closingReleasesAWaitingSender() async throws {
        let pipe = PagePipe<Int>(capacity: 1)
        try await pipe.send(1)
        let sender = Task { try await pipe.send(2) }
        try await Task.sleep(for: .milliseconds(20))
        #expect(await pipe.close() == [1])
        await #expect(throws: CancellationError.self) { try await sender.value }
    }

    @Test func cancellingReleasesAWaitingReceiverAndSender() async throws {
        let pipe = PagePipe<Int>(capacity: 1)
        let receiver = Task { try await pipe.next() }
        try await Task.sleep(for: .milliseconds(20))
        receiver.cancel()
        await #expect(throws: CancellationError.self) { try await receiver.value }

        try await pipe.send(1)
        let sender = Task { try await pipe.send(2) }
        try await Task.sleep(for: .milliseconds(20))
        sender.cancel()
        await #expect(throws: CancellationError.self) { try await sender.value }
    }
}
