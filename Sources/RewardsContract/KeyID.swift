/// What a key id says about itself: `mr_test_...` or `mr_live_...` (contract §1).
public enum KeyID {
    public static func environment(of keyId: String) -> Environment? {
        let parts = keyId.split(separator: "_", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "mr", parts[2].count >= 24 else { return nil }
        switch parts[1] {
        case "test": return .test
        case "live": return .live
        default: return nil
        }
    }
}
