/// Makes text from the server safe to show: nothing in it can move the cursor,
/// change colours, set the clipboard or title, or reorder the line (bidi tricks).
/// Every removed escape or control sequence leaves one U+FFFD so tampering stays
/// visible; bidi controls vanish because a visible mark there would only confuse.
///
/// The one set of rules for every output: the console's screen, the lines of the plain
/// commands, their JSON and the log files (see docs/architecture.md, "Inert text").
public enum Inert {
    private static let replacement: Unicode.Scalar = "\u{FFFD}"
    private static let escape: UInt32 = 0x1B
    private static let bell: UInt32 = 0x07
    private static let stringTerminator: UInt32 = 0x9C

    public static func text(_ s: String) -> String {
        // Most strings need nothing; returning the original avoids a copy.
        guard s.unicodeScalars.contains(where: needsTreatment) else { return s }
        let input = Array(s.unicodeScalars)
        var output = String.UnicodeScalarView()
        output.reserveCapacity(input.count)
        var i = 0
        while i < input.count {
            let scalar = input[i]
            let value = scalar.value
            if value == escape {
                i = endOfEscapeSequence(input, from: i)
                output.append(replacement)
            } else if (0x80...0x9F).contains(value) {
                i = endOfC1Sequence(input, from: i)
                output.append(replacement)
            } else if value == 0x0D, i + 1 < input.count, input[i + 1].value == 0x0A {
                output.append(" ")
                i += 2
            } else if value == 0x09 || value == 0x0A || value == 0x0D {
                output.append(" ")
                i += 1
            } else if value < 0x20 || value == 0x7F {
                output.append(replacement)
                i += 1
            } else if isBidiControl(value) {
                i += 1
            } else {
                output.append(scalar)
                i += 1
            }
        }
        return String(output)
    }

    /// `text` applied to each line of a message that is meant to span lines (an error with
    /// its fix on the next line): the line feeds stay, everything else is as `text` makes it.
    public static func lines(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: needsTreatment) else { return s }
        return s.split(separator: "\n", omittingEmptySubsequences: false).map { text(String($0)) }
            .joined(separator: "\n")
    }

    static func needsTreatment(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || (0x7F...0x9F).contains(value) || isBidiControl(value)
    }

    static func isBidiControl(_ value: UInt32) -> Bool {
        switch value {
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// `start` is at ESC; returns the index just past the whole sequence.
    private static func endOfEscapeSequence(_ input: [Unicode.Scalar], from start: Int) -> Int {
        let next = start + 1
        guard next < input.count else { return next }
        switch input[next].value {
        case 0x5B: // ESC [  CSI
            return endOfControlSequence(input, from: next + 1)
        case 0x5D: // ESC ]  OSC
            return endOfControlString(input, from: next + 1, bellEnds: true)
        case 0x50, 0x58, 0x5E, 0x5F: // ESC P / X / ^ / _  DCS, SOS, PM, APC
            return endOfControlString(input, from: next + 1, bellEnds: false)
        default:
            // ESC, intermediates 0x20-0x2F, then one final 0x30-0x7E (ESC 7, ESC ( B).
            var i = next
            while i < input.count, (0x20...0x2F).contains(input[i].value) { i += 1 }
            if i < input.count, (0x30...0x7E).contains(input[i].value) { return i + 1 }
            // Malformed: drop what was consumed and let the next scalar be judged alone.
            return i
        }
    }

    /// `start` is at a C1 control (U+0080-U+009F); returns the index past its sequence.
    private static func endOfC1Sequence(_ input: [Unicode.Scalar], from start: Int) -> Int {
        switch input[start].value {
        case 0x9B: return endOfControlSequence(input, from: start + 1)
        case 0x9D: return endOfControlString(input, from: start + 1, bellEnds: true)
        case 0x90, 0x98, 0x9E, 0x9F: return endOfControlString(input, from: start + 1, bellEnds: false)
        default: return start + 1
        }
    }

    /// CSI body: parameters 0x30-0x3F, intermediates 0x20-0x2F, final 0x40-0x7E.
    /// Stops before anything else so a malformed sequence cannot swallow text.
    private static func endOfControlSequence(_ input: [Unicode.Scalar], from start: Int) -> Int {
        var i = start
        while i < input.count {
            let value = input[i].value
            if (0x20...0x3F).contains(value) {
                i += 1
            } else if (0x40...0x7E).contains(value) {
                return i + 1
            } else {
                return i
            }
        }
        return i
    }

    /// String body (OSC, DCS, ...) up to and including ST (ESC \ or U+009C), or BEL
    /// for OSC. Unterminated strings run to the end, as a terminal would swallow them.
    private static func endOfControlString(_ input: [Unicode.Scalar], from start: Int, bellEnds: Bool) -> Int {
        var i = start
        while i < input.count {
            let value = input[i].value
            if value == stringTerminator || (bellEnds && value == bell) { return i + 1 }
            if value == escape {
                if i + 1 < input.count, input[i + 1].value == 0x5C { return i + 2 }
                // A new ESC aborts the string in real terminals; treat it on its own.
                return i
            }
            i += 1
        }
        return i
    }
}
