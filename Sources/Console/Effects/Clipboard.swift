import Foundation

/// OSC 52: the terminal (even across SSH and tmux with `set-clipboard on`) puts the text on
/// the local clipboard.
enum Clipboard {
    static func osc52(_ text: String) -> String {
        "\u{1b}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
