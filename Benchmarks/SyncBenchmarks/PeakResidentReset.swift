import Foundation

/// Resets this process's VmHWM to its current resident set (Linux: "5" into
/// /proc/self/clear_refs), so that the next VmHWM read is the peak of what ran in between.
enum PeakResidentReset {
    @discardableResult
    static func reset() -> Bool {
        guard let handle = FileHandle(forWritingAtPath: "/proc/self/clear_refs") else { return false }
        defer { try? handle.close() }
        do {
            try handle.write(contentsOf: Data("5".utf8))
            return true
        } catch {
            return false
        }
    }
}
