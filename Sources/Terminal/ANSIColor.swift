/// The 16 colours every colour terminal has; 8/16-colour terminals can show nothing else.
/// Themes name them `black` … `white` and `bright-black` … `bright-white`.
public enum ANSIColor: Int, CaseIterable, Sendable, Hashable {
    case black, red, green, yellow, blue, magenta, cyan, white
    case brightBlack, brightRed, brightGreen, brightYellow, brightBlue, brightMagenta, brightCyan, brightWhite

    public init?(name: String) {
        guard let color = Self.allCases.first(where: { $0.name == name }) else { return nil }
        self = color
    }

    public var name: String {
        let base = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"][rawValue % 8]
        return rawValue < 8 ? base : "bright-" + base
    }

    /// xterm's default look. The user's scheme may differ; this only guides the choice
    /// of a fallback for a `#rrggbb` colour.
    public var typicalRGB: RGBColor {
        let values: [(UInt8, UInt8, UInt8)] = [
            (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
            (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
        ]
        let value = values[rawValue]
        return RGBColor(red: value.0, green: value.1, blue: value.2)
    }

    /// The ANSI colour that looks closest to `color`, never `excluded`: a foreground
    /// must not land on the same ANSI colour as its background, or the text vanishes.
    public static func nearest(to color: RGBColor, excluding excluded: ANSIColor? = nil) -> ANSIColor {
        let target = OKLab(color)
        var best = ANSIColor.white
        var bestDistance = Double.infinity
        for candidate in allCases where candidate != excluded {
            let distance = OKLab(candidate.typicalRGB).distanceSquared(to: target)
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }

    /// The index to use on a terminal with `colorCount` colours: with only 8, a bright
    /// colour becomes its normal one, except bright black, which as text would vanish on
    /// a black screen and so becomes white.
    func index(colorCount: Int, isForeground: Bool) -> Int {
        guard colorCount < 16, rawValue >= 8 else { return rawValue }
        if self == .brightBlack { return isForeground ? ANSIColor.white.rawValue : ANSIColor.black.rawValue }
        return rawValue - 8
    }
}
