import RewardsContract

/// Where the client reports failed attempts (`FailedCall`, in RewardsContract); the mirror
/// implements it one layer up.
public protocol FailedCallRecorder: Sendable {
    func record(_ call: FailedCall) async
}

public struct DiscardingRecorder: FailedCallRecorder {
    public init() {}
    public func record(_ call: FailedCall) async {}
}
