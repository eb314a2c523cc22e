/// A failure the user can act on: printed as `Error: <message>` with exit status 1, and
/// without the usage text that ArgumentParser adds to validation errors (the flags were fine).
struct CommandError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
