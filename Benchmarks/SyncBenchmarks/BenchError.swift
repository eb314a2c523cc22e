/// What stops a sync benchmark, said plainly.
enum BenchError: Error, CustomStringConvertible {
    case missingTool(String)
    case sandboxFailed(String)
    case shellFailed(String)
    case mismatch(String)

    var description: String {
        switch self {
        case .missingTool(let text), .sandboxFailed(let text), .shellFailed(let text), .mismatch(let text): return text
        }
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
