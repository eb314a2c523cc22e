/// The xterm 256-colour table. Only indices 16–255 are used: 0–15 are redefined by
/// every terminal colour scheme, so only the cube and the grey ramp look the same everywhere.
public extension RGBColor {
    /// The colour xterm shows for `index` in 16...255; nil outside that range.
    init?(xterm256 index: Int) {
        switch index {
        case 16...231:
            let levels: [UInt8] = [0, 95, 135, 175, 215, 255]
            let cube = index - 16
            self.init(red: levels[cube / 36], green: levels[cube / 6 % 6], blue: levels[cube % 6])
        case 232...255:
            let grey = UInt8(8 + 10 * (index - 232))
            self.init(red: grey, green: grey, blue: grey)
        default:
            return nil
        }
    }

    /// The index in 16...255 that looks closest; an exact table colour maps to itself.
    var nearestXterm256: Int {
        let target = OKLab(self)
        var best = 16
        var bestDistance = Double.infinity
        for (offset, candidate) in Xterm256Table.labs.enumerated() {
            let distance = candidate.distanceSquared(to: target)
            if distance < bestDistance {
                best = offset + 16
                bestDistance = distance
            }
        }
        return best
    }
}

/// Computed once: nearest-colour searches run for every role at each palette change.
private enum Xterm256Table {
    static let labs: [OKLab] = (16...255).compactMap { RGBColor(xterm256: $0).map(OKLab.init) }
}
