import Foundation

/// Resident-memory figures from /proc, for benchmarks that measure another process or
/// want the kernel's high-water mark rather than a sampled value.
public enum ProcessMemory {
    /// VmHWM (peak resident set) of a process in bytes; nil when /proc has no such process.
    public static func peakResidentBytes(pid: Int32 = getpid()) -> Int? {
        field("VmHWM", pid: pid)
    }

    /// VmRSS (current resident set) in bytes.
    public static func residentBytes(pid: Int32 = getpid()) -> Int? {
        field("VmRSS", pid: pid)
    }

    private static func field(_ name: String, pid: Int32) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix(name + ":") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            guard parts.count >= 2, let kilobytes = Int(parts[1]) else { return nil }
            return kilobytes * 1024
        }
        return nil
    }
}
