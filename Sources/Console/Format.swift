import Foundation

/// How numbers, money, ages and ids read in the panes.
public enum Format {
    /// 1234567 → "1,234,567".
    public static func points(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// Minor units with two decimals and the currency code: 1250, "EUR" → "12.50 EUR".
    public static func money(_ minor: Int, _ currency: String) -> String {
        let sign = minor < 0 ? "-" : ""
        let magnitude = minor.magnitude
        let cents = magnitude % 100
        return "\(sign)\(points(Int(magnitude / 100))).\(cents < 10 ? "0" : "")\(cents) \(currency)"
    }

    /// A compact age: "45s", "12m", "3h", "9d".
    public static func age(from date: Date?, to now: Date) -> String {
        guard let date else { return "?" }
        let seconds = Int(now.timeIntervalSince(date))
        if seconds < 0 { return "now" }
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3600 { return "\(seconds / 60)m" }
        if seconds < 86_400 { return "\(seconds / 3600)h" }
        return "\(seconds / 86_400)d"
    }

    /// A count in at most five characters, for tabs on a narrow screen: 1878 → "1.8k",
    /// 340000 → "340k", 1000000 → "1M". Rounded down, so it never claims more than there is.
    public static func compact(_ value: Int) -> String {
        let magnitude = value.magnitude
        let sign = value < 0 ? "-" : ""
        func scaled(_ unit: UInt, _ suffix: String) -> String {
            let tenths = magnitude * 10 / unit
            if tenths >= 100 || tenths % 10 == 0 { return "\(sign)\(tenths / 10)\(suffix)" }
            return "\(sign)\(tenths / 10).\(tenths % 10)\(suffix)"
        }
        if magnitude >= 1_000_000 { return scaled(1_000_000, "M") }
        if magnitude >= 1_000 { return scaled(1_000, "k") }
        return "\(value)"
    }

    /// A duration to come, to the second below a minute: "45s", "2m 10s", "1h 05m".
    public static func duration(seconds: Double) -> String {
        guard seconds.isFinite, seconds > 0 else { return "0s" }
        let whole = Int(min(seconds.rounded(.up), 359_999))
        if whole < 60 { return "\(whole)s" }
        if whole < 3600 { return "\(whole / 60)m \(pad2(whole % 60))s" }
        return "\(whole / 3600)h \(pad2(whole % 3600 / 60))m"
    }

    private static func pad2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
