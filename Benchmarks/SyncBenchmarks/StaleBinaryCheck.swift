import Foundation

/// The sandbox runs from a separately built binary, which the benchmark's own build does not
/// refresh: say so when a source of what the sandbox serves is newer than the binary.
enum StaleBinaryCheck {
    static let sources = ["Sources/Sandbox", "Sources/RewardsContract", "Sources/rewards-ops/SandboxCommand.swift"]

    static func warnIfStale(binary: String, root: String = FileManager.default.currentDirectoryPath) {
        let files = FileManager.default
        func modified(_ path: String) -> Date? { (try? files.attributesOfItem(atPath: path))?[.modificationDate] as? Date }
        guard let built = modified(binary) else { return }
        for source in sources {
            let path = root + "/" + source
            let swiftFiles = path.hasSuffix(".swift")
                ? [path] : (files.subpaths(atPath: path) ?? []).filter { $0.hasSuffix(".swift") }.map { path + "/" + $0 }
            guard let newer = swiftFiles.first(where: { (modified($0) ?? .distantPast) > built }) else { continue }
            FileHandle.standardError.write(Data("""
                warning: \(newer) is newer than \(binary); rebuild it with
                  REWARDS_OPS_BENCHMARKS=1 swift build -c release --scratch-path .build-bench --product rewards-ops

                """.utf8))
            return
        }
    }
}
