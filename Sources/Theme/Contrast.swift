import Foundation
import Terminal

/// WCAG 2.x contrast (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), used to
/// check that every theme's text is readable: 4.5:1 for text (1.4.3), 3:1 for
/// graphics such as borders and sparklines (1.4.11).
public enum Contrast {
    public static let minimumForText = 4.5
    public static let minimumForGraphics = 3.0

    /// Roles that draw lines and bars rather than words (`RoleDefinition.isGraphic`) need less.
    public static func minimum(for definition: RoleDefinition) -> Double {
        definition.isGraphic ? minimumForGraphics : minimumForText
    }

    public static func relativeLuminance(_ color: RGBColor) -> Double {
        0.2126 * linear(color.red) + 0.7152 * linear(color.green) + 0.0722 * linear(color.blue)
    }

    /// From 1 (no contrast) to 21 (black on white); the order of the colours does not matter.
    public static func ratio(_ first: RGBColor, _ second: RGBColor) -> Double {
        let a = relativeLuminance(first), b = relativeLuminance(second)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    private static func linear(_ channel: UInt8) -> Double {
        let value = Double(channel) / 255
        return value <= 0.04045 ? value / 12.92 : pow((value + 0.055) / 1.055, 2.4)
    }
}

/// A role whose colours are too close, or cannot be checked.
public struct ContrastIssue: Hashable, Sendable, CustomStringConvertible {
    public let role: StyleRole
    /// The role's theme key.
    public let key: String
    /// nil when the foreground or background is the terminal's default, which cannot be known.
    public let ratio: Double?
    public let minimum: Double
    public let detail: String

    public var description: String { "\(key): \(detail)" }
}

public extension Theme {
    /// Roles below their WCAG minimum (`scale` raises it, e.g. 7/4.5 for AAA). Checks
    /// the theme's colours and the xterm-256 colours a 256-colour terminal really
    /// shows, since rounding to that table can lose contrast.
    func contrastIssues(scale: Double = 1) -> [ContrastIssue] {
        palette.sheet.roles.compactMap { role in
            let style = palette[role]
            let definition = palette.sheet[role]
            let minimum = Contrast.minimum(for: definition) * scale
            guard let foreground = style.foreground, let background = style.background else {
                return ContrastIssue(role: role, key: definition.key, ratio: nil, minimum: minimum,
                                     detail: "fg or bg is the terminal's default colour, so contrast cannot be checked")
            }
            let exact = Contrast.ratio(foreground, background)
            let shown = RGBColor(xterm256: foreground.nearestXterm256).flatMap { fg in
                RGBColor(xterm256: background.nearestXterm256).map { Contrast.ratio(fg, $0) }
            } ?? exact
            let worst = min(exact, shown)
            guard worst < minimum else { return nil }
            let detail = "\(foreground) on \(background) is \(Self.format(exact)):1 (\(Self.format(shown)):1 in 256 colours), below \(Self.format(minimum)):1"
            return ContrastIssue(role: role, key: definition.key, ratio: worst, minimum: minimum, detail: detail)
        }
    }

    private static func format(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
