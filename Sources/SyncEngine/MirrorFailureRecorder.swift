import Foundation
import Mirror
import RewardsClient
import RewardsContract

/// Writes every failed attempt of the client into the mirror's local error log.
public struct MirrorFailureRecorder: FailedCallRecorder {
    let mirror: MirrorStore

    public init(mirror: MirrorStore) { self.mirror = mirror }

    /// The write runs off the cooperative pool (the caller is a request's task).
    public func record(_ call: FailedCall) async {
        let mirror = self.mirror
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                try? mirror.recordLocalError(call)
                done.resume()
            }
        }
    }
}
