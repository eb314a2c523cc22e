import Foundation

/// Which failures the sandbox injects into its HTTP answers, and how often (each rate is a
/// probability per request, or per feed page for the feed's own faults).
///
/// Faults only touch HTTP: in-process helpers (`snapshot`, `ledger`, `simulateActivity`) never
/// see them. Decisions are drawn from `seed` and the request's arrival number, so a run with
/// the same arrivals injects the same faults.
public struct FaultSettings: Sendable, Hashable {
    /// 500 `internal_error`, before the request is applied.
    public var internalError = 0.0
    /// 503 `unavailable` with `Retry-After`, before the request is applied.
    public var unavailable = 0.0
    /// 429 `rate_limited` with `Retry-After`, after authentication and before the request is
    /// applied; the key stays limited while the `Retry-After` runs.
    public var rateLimited = 0.0
    /// 502 with an HTML body and none of the API's headers, as a proxy in front of the API
    /// would send; drawn after the request is applied (its reply was lost on the way).
    public var badGateway = 0.0
    /// The connection drops in the middle of the body, after the request is applied.
    public var reset = 0.0
    /// The reply is held for `slowSeconds` before the request is handled.
    public var slow = 0.0
    public var slowSeconds: ClosedRange<Double> = 1...3
    /// A feed page repeats one of its entries.
    public var duplicateFeedEntries = 0.0
    /// A feed page carries an older version of one of its objects after the newer one.
    public var reorderedFeedEntries = 0.0
    /// The `Retry-After` of injected 429 and 503 answers, in whole seconds.
    public var retryAfterSeconds: ClosedRange<Int> = 1...2
    public var seed: UInt64 = 1

    public init() {}

    public static let none = FaultSettings()

    /// About one request in twenty fails somehow.
    public static let light: FaultSettings = {
        var settings = FaultSettings()
        settings.internalError = 0.01
        settings.unavailable = 0.01
        settings.rateLimited = 0.01
        settings.badGateway = 0.005
        settings.reset = 0.005
        settings.slow = 0.01
        settings.slowSeconds = 1...2
        settings.duplicateFeedEntries = 0.05
        settings.reorderedFeedEntries = 0.05
        settings.retryAfterSeconds = 1...1
        return settings
    }()

    /// About one request in seven fails somehow, and a quarter of feed pages carry duplicates or
    /// stale versions: what a sync client must survive without losing or corrupting a row.
    public static let heavy: FaultSettings = {
        var settings = FaultSettings()
        settings.internalError = 0.04
        settings.unavailable = 0.03
        // Each 429 and 503 stops a well-behaved client for its Retry-After, so fewer of them.
        settings.rateLimited = 0.01
        settings.badGateway = 0.03
        settings.reset = 0.03
        settings.slow = 0.03
        settings.slowSeconds = 1...3
        settings.duplicateFeedEntries = 0.25
        settings.reorderedFeedEntries = 0.25
        settings.retryAfterSeconds = 1...2
        return settings
    }()

    /// `none`, `light` or `heavy`.
    public static func preset(named name: String) -> FaultSettings? {
        switch name {
        // Spelled out: a bare `.none` here would be the optional's nil.
        case "none": return FaultSettings.none
        case "light": return .light
        case "heavy": return .heavy
        default: return nil
        }
    }

    /// The names of `withRates(_:)`.
    public static let rateNames = ["500", "503", "429", "502", "reset", "slow", "duplicate", "reorder"]

    /// These settings with some rates replaced: `"503=0.1,reset=0.02,slow=0"`.
    public func withRates(_ text: String) throws -> FaultSettings {
        var settings = self
        for item in text.split(separator: ",", omittingEmptySubsequences: true) {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, let rate = Double(parts[1].trimmingCharacters(in: .whitespaces)),
                  (0...1).contains(rate) else {
                throw FaultSettingsError.malformed(String(item))
            }
            switch parts[0].trimmingCharacters(in: .whitespaces) {
            case "500": settings.internalError = rate
            case "503": settings.unavailable = rate
            case "429": settings.rateLimited = rate
            case "502": settings.badGateway = rate
            case "reset": settings.reset = rate
            case "slow": settings.slow = rate
            case "duplicate": settings.duplicateFeedEntries = rate
            case "reorder": settings.reorderedFeedEntries = rate
            default: throw FaultSettingsError.unknownKind(String(parts[0]))
            }
        }
        return settings
    }

    /// Whether any fault can happen at all (the responder skips the draw otherwise).
    public var isEnabled: Bool {
        [internalError, unavailable, rateLimited, badGateway, reset, slow, duplicateFeedEntries,
         reorderedFeedEntries].contains { $0 > 0 }
    }
}

public enum FaultSettingsError: Error, Sendable, CustomStringConvertible {
    case malformed(String)
    case unknownKind(String)

    public var description: String {
        switch self {
        case .malformed(let item): return "'\(item)' is not KIND=RATE with a rate from 0 to 1."
        case .unknownKind(let kind):
            return "Unknown fault kind '\(kind)'; use \(FaultSettings.rateNames.joined(separator: ", "))."
        }
    }
}
