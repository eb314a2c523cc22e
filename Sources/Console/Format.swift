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
}
