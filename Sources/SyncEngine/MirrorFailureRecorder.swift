import Mirror
import RewardsClient
import RewardsContract

/// Writes every failed attempt of the client into the mirror's local error log.
public struct MirrorFailureRecorder: FailedCallRecorder {
    let mirror: MirrorStore

    public init(mirror: MirrorStore) { self.mirror = mirror }

    public func record(_ call: FailedCall) async {
        try? mirror.recordLocalError(call)
    }
}
