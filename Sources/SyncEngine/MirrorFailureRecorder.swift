import Foundation
import Mirror
import RewardsClient

/// Writes every failed attempt of the client into the mirror's local error log.
public struct MirrorFailureRecorder: FailedCallRecorder {
    let mirror: MirrorStore

    public init(mirror: MirrorStore) { self.mirror = mirror }

    /// The write runs off the cooperative pool (the caller is a request's task).
    public func record(_ call: FailedCall) async {
        let error = LocalError(
            at: call.at, method: call.method, path: call.path, httpStatus: call.httpStatus, code: call.code,
            message: call.message, retryable: call.retryable, requestId: call.requestId,
            idempotencyKey: call.idempotencyKey, attempt: call.attempt)
        let mirror = self.mirror
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                try? mirror.recordLocalError(error)
                done.resume()
            }
        }
    }
}
