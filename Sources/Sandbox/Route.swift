import Hummingbird
import RewardsContract

/// The endpoints of the contract (§6–§8). Anything else is 400 `invalid_request` (§11).
enum Route: Sendable, Equatable {
    case me
    case members
    case member(id: String)
    case memberLedger(id: String)
    case redemptions
    case reviews
    case requestLogs
    case changesHead
    case changes
    case action(ActionSubject, id: String, verb: ActionVerb)

    init(method: HTTPRequest.Method, path: Substring) throws {
        let unknown = APIError.invalidRequest("Unknown endpoint: \(method.rawValue) \(path)")
        guard path.hasPrefix("/") else { throw unknown }
        let segments = try path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            .map { try QueryParameters.decode($0, plusIsSpace: false) }
        guard segments.first == "v1", !segments.contains(where: \.isEmpty) else { throw unknown }
        let rest = Array(segments.dropFirst())
        let route: Route
        switch rest.count {
        case 1:
            switch rest[0] {
            case "me": route = .me
            case "members": route = .members
            case "redemptions": route = .redemptions
            case "reviews": route = .reviews
            case "request-logs": route = .requestLogs
            case "changes": route = .changes
            default: throw unknown
            }
        case 2:
            switch rest[0] {
            case "members": route = .member(id: rest[1])
            case "changes" where rest[1] == "head": route = .changesHead
            default: throw unknown
            }
        case 3:
            let verb = ActionVerb(rawValue: rest[2])
            switch (rest[0], rest[2]) {
            case ("members", "ledger"): route = .memberLedger(id: rest[1])
            case ("reviews", "approve"), ("reviews", "escalate"): route = .action(.review, id: rest[1], verb: verb)
            case ("redemptions", "approve"), ("redemptions", "escalate"):
                route = .action(.redemption, id: rest[1], verb: verb)
            default: throw unknown
            }
        default:
            throw unknown
        }
        let expected: HTTPRequest.Method
        if case .action = route { expected = .post } else { expected = .get }
        guard method == expected else { throw unknown }
        self = route
    }

    /// Query parameters each endpoint accepts (besides `clubId`), and which may repeat.
    var allowedQuery: (names: Set<String>, repeatable: Set<String>) {
        switch self {
        case .me, .member, .changesHead, .action: return ([], [])
        case .members: return (["limit", "cursor", "q", "includeDeleted"], [])
        case .memberLedger: return (["limit", "cursor"], [])
        case .redemptions, .reviews: return (["limit", "cursor", "status"], ["status"])
        case .requestLogs: return (["limit", "cursor", "since"], [])
        case .changes: return (["after", "limit", "waitSeconds"], [])
        }
    }
}
