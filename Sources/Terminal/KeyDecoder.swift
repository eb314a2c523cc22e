/// Turns a character code from the terminal into a `Key`. Kept apart from curses
/// so the control-code conventions are testable without a tty.
enum KeyDecoder {
    private static let controlPunctuation: [Character] = ["\\", "]", "^", "_"]

    static func key(forCharacter value: UInt32) -> Key? {
        switch value {
        case 9: return .tab
        case 10, 13: return .enter
        case 27: return .escape
        case 8, 127: return .backspace
        // Ctrl-Space sends NUL.
        case 0: return .ctrl(" ")
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(value) + 0x60)))
        case 28...31: return .ctrl(controlPunctuation[Int(value) - 28])
        case 0x80...0x9F: return nil
        default:
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return .char(Character(scalar))
        }
    }
}
