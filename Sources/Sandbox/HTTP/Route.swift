import Hummingbird
import RewardsContract

/// The endpoints: the contract's reads and actions (§6–§8) and the integration endpoints the
/// sandbox chose for §10. Anything else is 400 `invalid_request` (§11).
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
    // §10, what clubs' own systems call.
    case upsertMember
    case eraseMember(id: String)
    case settleTransaction
    case reverseTransaction
    case requestRedemption
    case reportPayout(redemptionId: String)
    case cancelRedemption(redemptionId: String)

    init(method: HTTPRequest.Method, path: Substring) throws {
        let unknown = APIError.invalidRequest("Unknown endpoint: \(method.rawValue) \(path)")
        guard path.hasPrefix("/") else { throw unknown }
        let segments = try path.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
            .map { try QueryParameters.decode($0, plusIsSpace: false) }
        guard segments.first == "v1", !segments.contains(where: \.isEmpty) else { throw unknown }
        let rest = Array(segments.dropFirst())
        let isPost: Bool
        switch method {
        case .get: isPost = false
        case .post: isPost = true
        default: throw unknown
        }
        guard let route = isPost ? Self.post(rest) : Self.get(rest) else { throw unknown }
        self = route
    }

    private static func get(_ rest: [String]) -> Route? {
        switch rest.count {
        case 1:
            switch rest[0] {
            case "me": return .me
            case "members": return .members
            case "redemptions": return .redemptions
            case "reviews": return .reviews
            case "request-logs": return .requestLogs
            case "changes": return .changes
            default: return nil
            }
        case 2:
            switch rest[0] {
            case "members": return .member(id: rest[1])
            case "changes" where rest[1] == "head": return .changesHead
            default: return nil
            }
        case 3 where rest[0] == "members" && rest[2] == "ledger":
            return .memberLedger(id: rest[1])
        default:
            return nil
        }
    }

    private static func post(_ rest: [String]) -> Route? {
        switch rest.count {
        case 1:
            switch rest[0] {
            case "members": return .upsertMember
            case "reversals": return .reverseTransaction
            case "redemptions": return .requestRedemption
            default: return nil
            }
        case 2 where rest == ["transactions", "settled"]:
            return .settleTransaction
        case 3:
            switch (rest[0], rest[2]) {
            case ("reviews", "approve"), ("reviews", "escalate"):
                return .action(.review, id: rest[1], verb: ActionVerb(rawValue: rest[2]))
            case ("redemptions", "approve"), ("redemptions", "escalate"):
                return .action(.redemption, id: rest[1], verb: ActionVerb(rawValue: rest[2]))
            case ("redemptions", "payouts"): return .reportPayout(redemptionId: rest[1])
            case ("redemptions", "cancel"): return .cancelRedemption(redemptionId: rest[1])
            case ("members", "erase"): return .eraseMember(id: rest[1])
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Query parameters each endpoint accepts (besides `clubId`), and which may repeat.
    var allowedQuery: (names: Set<String>, repeatable: Set<String>) {
        switch self {
        case .members: return (["limit", "cursor", "q", "includeDeleted"], [])
        case .memberLedger: return (["limit", "cursor"], [])
        case .redemptions, .reviews: return (["limit", "cursor", "status"], ["status"])
        case .requestLogs: return (["limit", "cursor", "since"], [])
        case .changes: return (["after", "limit", "waitSeconds"], [])
        default: return ([], [])
        }
    }
}
