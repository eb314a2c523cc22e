/// A short account of why an answer did not decode: where in the document and what was
/// wrong, without echoing the document (it may be huge, or hostile).
enum DecodeFailure {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "not JSON the contract describes" }
        switch error {
        case .keyNotFound(let key, let context):
            return "\(path(context.codingPath + [key])) is missing"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)) is not \(name(type))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)) is null, expected \(name(type))"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not valid JSON" : "\(path(context.codingPath)) is not valid"
        @unknown default:
            return "not JSON the contract describes"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        guard !keys.isEmpty else { return "the document" }
        return keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue.prefix(40))" }.joined()
    }

    private static func name(_ type: Any.Type) -> String {
        String(describing: type).prefix(40).description
    }
}
