/// A decoded key press, independent of the terminal library that produced it.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// Control chord, lower-case letter: ctrl-d is `.ctrl("d")`.
    case ctrl(Character)
    case up, down, left, right, home, end, pageUp, pageDown
    case enter, escape, tab, backTab, backspace, delete
    case function(Int)
    /// The terminal changed size; the backend's `size` already reports the new one.
    case resize
    /// The terminal went away (hang-up, closed pty): the program should end.
    case hangup
    case mouse(MouseEvent)
}

/// A mouse event in screen cells, origin top-left.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press, wheelUp, wheelDown
    }

    public var kind: Kind
    public var x: Int
    public var y: Int

    public init(kind: Kind, x: Int, y: Int) {
        self.kind = kind
        self.x = x
        self.y = y
    }
}
