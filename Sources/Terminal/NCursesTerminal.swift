import CNCursesW
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The real terminal, through ncursesw. Use it from the UI thread only: curses
/// keeps global state and is not thread-safe.
public final class NCursesTerminal: TerminalBackend {
    public private(set) var size: (columns: Int, rows: Int) = (0, 0)

    private var screen: OpaquePointer?
    private var window: UnsafeMutablePointer<WINDOW>?
    private var active = false
    /// The app's roles, and their look when no theme is applied.
    let sheet: StyleSheet
    /// Indexed by `StyleRole.index`.
    var styles: [CursesStyle] = []
    private var previous: ScreenBuffer?
    var needsFullRepaint = true
    private var currentTimeout: Int?
    private var replacement: wchar_t = 0xFFFD
    private var quickErrors = 0
    private let inputDescriptor: Int32
    /// Set only for a terminal other than stdio's.
    private var outputFile: UnsafeMutablePointer<FILE>?
    private var inputFile: UnsafeMutablePointer<FILE>?
    /// The terminal has colour and the user did not turn it off (NO_COLOR, --monochrome).
    private(set) var colorAllowed = false
    /// Whether the terminal keeps its own default colours (-1); nil until colour is started.
    var defaultColorsSupported: Bool?

    /// `sheet` lists the app's roles; `palette` is a resolved theme, nil keeps the sheet's own
    /// colours. `input` and `output` name another terminal than stdin/stdout (a pty the
    /// benchmarks hold).
    public init(sheet: StyleSheet, palette: TerminalPalette? = nil, monochrome: Bool = false,
                input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO) throws {
        let term = try Self.preflight(
            term: Self.environment("TERM"),
            stdinIsTerminal: isatty(input) == 1,
            stdoutIsTerminal: isatty(output) == 1
        )
        Self.selectUTF8Locale()
        self.sheet = sheet
        inputDescriptor = input
        if input != STDIN_FILENO || output != STDOUT_FILENO {
            outputFile = fdopen(output, "w")
            inputFile = fdopen(input, "r")
        }
        guard let screen = rw_newterm_on(term, outputFile, inputFile) else { throw TerminalError.unknownTerminal(term) }
        self.screen = screen
        active = true
        guard let window = rw_stdscr() else {
            shutdown()
            throw TerminalError.initializationFailed("curses has no standard screen")
        }
        self.window = window
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        curs_set(0)
        // The default one-second delay makes a lone Esc feel broken.
        _ = rw_set_escdelay(25)
        _ = mousemask(rw_button1_pressed() | rw_wheel_up() | rw_wheel_down(), nil)
        // Without this curses holds presses back to detect clicks.
        _ = mouseinterval(0)
        Self.defineCommonKeySequences()
        if rw_wcwidth(replacement) != 1 { replacement = wchar_t(UInt8(ascii: "?")) }
        colorAllowed = !monochrome && has_colors() && (Self.environment("NO_COLOR") ?? "").isEmpty
        installStyles(palette)
        refreshSize()
    }

    deinit {
        shutdown()
    }

    /// The checks that must pass before curses is touched; split out so they can be
    /// tested without a tty. Returns the terminal type to open.
    static func preflight(term: String?, stdinIsTerminal: Bool, stdoutIsTerminal: Bool) throws -> String {
        guard stdinIsTerminal, stdoutIsTerminal else { throw TerminalError.notATerminal }
        guard let term, !term.isEmpty else { throw TerminalError.termUnset }
        return term
    }

    public func present(_ buffer: ScreenBuffer) {
        guard active, let window else { return }
        let full = needsFullRepaint || previous?.columns != buffer.columns || previous?.rows != buffer.rows
        let old = full ? nil : previous
        if full { werase(window) }
        let visibleRows = min(buffer.rows, size.rows)
        let visibleColumns = min(buffer.columns, size.columns)
        var pen = Pen(styles: styles)
        var drawn = 0
        for y in 0..<max(0, visibleRows) {
            buffer.withRow(y) { row in
                if let old {
                    old.withRow(y) { oldRow in
                        // Most rows of most frames are as they were: one pass says so.
                        guard !row.elementsEqual(oldRow) else { return }
                        drawn += presentRow(row, previous: oldRow, y: y, visibleColumns: visibleColumns, pen: &pen, in: window)
                    }
                } else {
                    drawn += presentRow(row, previous: nil, y: y, visibleColumns: visibleColumns, pen: &pen, in: window)
                }
            }
        }
        previous = buffer
        needsFullRepaint = false
        // Nothing drawn, nothing to send: a tick that changed no cell costs no terminal update.
        guard drawn > 0 || full else { return }
        wnoutrefresh(window)
        doupdate()
    }

    /// Draws the cells of row `y` that differ from `previous` (all when nil); returns how many.
    private func presentRow(_ row: UnsafeBufferPointer<Cell>, previous: UnsafeBufferPointer<Cell>?, y: Int,
                            visibleColumns: Int, pen: inout Pen, in window: UnsafeMutablePointer<WINDOW>) -> Int {
        var drawn = 0
        var x = 0
        while x < visibleColumns {
            let wide = x + 1 < row.count && row[x + 1].isContinuation
            let changed = previous.map { previous in
                previous[x] != row[x] || (wide && previous[x + 1] != row[x + 1])
            } ?? true
            if changed, !row[x].isContinuation {
                draw(row[x], style: pen.style(for: row[x].role), wide: wide, x: x, y: y, visibleColumns: visibleColumns, in: window)
                drawn += 1
            }
            x += wide ? 2 : 1
        }
        return drawn
    }

    public func readKey(timeoutMilliseconds: Int) -> Key? {
        guard active, let window else { return nil }
        if currentTimeout != timeoutMilliseconds {
            wtimeout(window, Int32(clamping: max(-1, timeoutMilliseconds)))
            currentTimeout = timeoutMilliseconds
        }
        var code: wint_t = 0
        let started = monotonicMilliseconds()
        let result = wget_wch(window, &code)
        if result == ERR { return hangupCheck(waitedMilliseconds: monotonicMilliseconds() - started, timeout: timeoutMilliseconds) }
        quickErrors = 0
        if result == KEY_CODE_YES { return functionKey(Int32(bitPattern: UInt32(code))) }
        return KeyDecoder.key(forCharacter: UInt32(code))
    }

    /// Waits for a key on the terminal or for `wake`, whichever comes first. Curses may already
    /// hold bytes it read earlier (several keys arrive in one read), so it is asked first.
    public func readKey(timeoutMilliseconds: Int, wake: WakeSignal?) -> Key? {
        guard let wake else { return readKey(timeoutMilliseconds: timeoutMilliseconds) }
        guard active, window != nil else { return nil }
        if let key = readBuffered() { return key }
        var descriptors = [pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: wake.descriptor, events: Int16(POLLIN), revents: 0)]
        // EINTR (a resize signal) ends the wait too: curses reports KEY_RESIZE on the next read.
        guard poll(&descriptors, 2, Int32(clamping: max(-1, timeoutMilliseconds))) > 0 else { return readBuffered() }
        if descriptors[1].revents != 0 { wake.drain() }
        let input = descriptors[0].revents
        if input & Int16(POLLIN) == 0, input & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { return .hangup }
        guard input & Int16(POLLIN) != 0 else { return nil }
        if let key = readBuffered() { return key }
        // Readable yet nothing to read, again and again: end of file, the terminal is gone.
        quickErrors += 1
        return quickErrors >= 50 ? .hangup : nil
    }

    /// A key curses can give without waiting (an escape sequence still gets ESCDELAY).
    private func readBuffered() -> Key? {
        guard let window else { return nil }
        if currentTimeout != 0 {
            wtimeout(window, 0)
            currentTimeout = 0
        }
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == ERR { return nil }
        quickErrors = 0
        if result == KEY_CODE_YES { return functionKey(Int32(bitPattern: UInt32(code))) }
        return KeyDecoder.key(forCharacter: UInt32(code))
    }

    /// Tells a timeout from a terminal that is gone. After a hang-up, input is at end of file
    /// and every read fails at once; without this check the UI loop would spin forever.
    private func hangupCheck(waitedMilliseconds: Int, timeout: Int) -> Key? {
        var descriptor = pollfd(fd: inputDescriptor, events: Int16(POLLIN), revents: 0)
        if poll(&descriptor, 1, 0) >= 0,
           descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
            return .hangup
        }
        if timeout > 0 && waitedMilliseconds < timeout / 2 {
            quickErrors += 1
            if quickErrors >= 50 { return .hangup }
        } else {
            quickErrors = 0
        }
        return nil
    }

    private func monotonicMilliseconds() -> Int {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return Int(now.tv_sec) * 1000 + Int(now.tv_nsec) / 1_000_000
    }

    /// Switches theme while running (`:theme NAME`); the next `present` repaints everything.
    public func apply(palette: TerminalPalette?) {
        guard active else { return }
        installStyles(palette)
    }

    public func writeRaw(_ bytes: String) {
        rw_write_raw_to(outputFile, bytes)
    }

    public func shutdown() {
        guard active else { return }
        active = false
        endwin()
        if let screen { delscreen(screen) }
        screen = nil
        window = nil
        previous = nil
    }

    // MARK: - Drawing

    private func draw(_ cell: Cell, style: CursesStyle, wide: Bool, x: Int, y: Int, visibleColumns: Int,
                      in window: UnsafeMutablePointer<WINDOW>) {
        var attributes = style.attributes
        if cell.bold { attributes |= rw_a_bold() }
        if cell.underline { attributes |= rw_a_underline() }
        let space = wchar_t(UInt8(ascii: " "))
        // A wide grapheme cut by the terminal's right edge cannot be shown at all.
        if wide, x + 1 >= visibleColumns {
            putScalar(space, attributes: attributes, pair: style.pair, x: x, y: y, in: window)
            return
        }
        // Most cells are one printable ASCII byte: no arrays for them (a page down redraws
        // thousands of cells, and their allocations were a third of the frame).
        let utf8 = cell.grapheme.utf8
        if utf8.count == 1, let byte = utf8.first, byte >= 0x20, byte < 0x7F {
            putScalar(wchar_t(byte), attributes: attributes, pair: style.pair, x: x, y: y, in: window)
            return
        }
        let glyph = glyphCharacters(cell.grapheme, width: wide ? 2 : 1)
        put(glyph.characters, attributes: attributes, pair: style.pair, x: x, y: y, in: window)
        // curses thinks this glyph is narrower than our layout: fill the second
        // column ourselves so curses and the buffer agree on every cell.
        if wide, glyph.cursesWidth == 1 {
            putScalar(space, attributes: attributes, pair: style.pair, x: x + 1, y: y, in: window)
        }
    }

    /// What curses can show for `grapheme`: the base scalar plus its zero-width
    /// marks (curses keeps at most CCHARW_MAX per cell and no second spacing
    /// character, so a ZWJ sequence shows its first pictograph). Falls back to
    /// U+FFFD when the C library measures the base wider than our layout or not at all.
    private func glyphCharacters(_ grapheme: String, width: Int) -> (characters: [wchar_t], cursesWidth: Int) {
        var scalars = grapheme.unicodeScalars.makeIterator()
        guard let base = scalars.next() else { return ([replacement], 1) }
        let baseCharacter = wchar_t(bitPattern: base.value)
        let baseWidth = Int(rw_wcwidth(baseCharacter))
        guard baseWidth >= 1, baseWidth <= width else { return ([replacement], 1) }
        var characters = [baseCharacter]
        while characters.count < Int(CCHARW_MAX), let scalar = scalars.next() {
            let character = wchar_t(bitPattern: scalar.value)
            guard scalar.value != 0x200D, rw_wcwidth(character) == 0 else { continue }
            characters.append(character)
        }
        return (characters, baseWidth)
    }

    private func putScalar(_ character: wchar_t, attributes: attr_t, pair: Int16, x: Int, y: Int,
                           in window: UnsafeMutablePointer<WINDOW>) {
        var cell = cchar_t()
        var text: (wchar_t, wchar_t) = (character, 0)
        let status = withUnsafePointer(to: &text) { pointer in
            pointer.withMemoryRebound(to: wchar_t.self, capacity: 2) { setcchar(&cell, $0, attributes, pair, nil) }
        }
        guard status != ERR else { return }
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    private func put(_ characters: [wchar_t], attributes: attr_t, pair: Int16, x: Int, y: Int, in window: UnsafeMutablePointer<WINDOW>) {
        var cell = cchar_t()
        let terminated = characters + [0]
        let status = terminated.withUnsafeBufferPointer { pointer in
            setcchar(&cell, pointer.baseAddress, attributes, pair, nil)
        }
        guard status != ERR else { return }
        // Writing the bottom-right cell reports ERR (the cursor cannot advance) but
        // the cell is drawn, so the result is ignored.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }

    // MARK: - Keys

    private func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_PPAGE: return .pageUp
        case KEY_NPAGE: return .pageDown
        case KEY_ENTER: return .enter
        case KEY_DC: return .delete
        case KEY_BACKSPACE: return .backspace
        case KEY_BTAB: return .backTab
        case KEY_RESIZE:
            refreshSize()
            needsFullRepaint = true
            return .resize
        case KEY_MOUSE: return mouseEvent()
        case rw_key_f(1)...rw_key_f(63): return .function(Int(code - rw_key_f(0)))
        default: return nil
        }
    }

    private func mouseEvent() -> Key? {
        var x: Int32 = 0
        var y: Int32 = 0
        var state: mmask_t = 0
        guard rw_getmouse(&x, &y, &state) == OK else { return nil }
        let kind: MouseEvent.Kind
        if state & rw_wheel_up() != 0 {
            kind = .wheelUp
        } else if rw_wheel_down() != 0, state & rw_wheel_down() != 0 {
            kind = .wheelDown
        } else if state & (rw_button1_pressed() | rw_button1_clicked()) != 0 {
            kind = .press
        } else {
            return nil
        }
        return .mouse(MouseEvent(kind: kind, x: Int(x), y: Int(y)))
    }

    // MARK: - Setup helpers

    private func refreshSize() {
        var rows: Int32 = 0
        var columns: Int32 = 0
        rw_getmaxyx(window, &rows, &columns)
        size = (Int(columns), Int(rows))
    }

    /// Home/End arrive in several dialects (tmux and rxvt send ESC [1~, many
    /// terminfo entries list only one form); unknown ones would otherwise come
    /// through as Esc followed by stray characters.
    private static func defineCommonKeySequences() {
        let sequences: [(String, Int32)] = [
            ("\u{1b}[1~", KEY_HOME), ("\u{1b}[7~", KEY_HOME), ("\u{1b}[H", KEY_HOME), ("\u{1b}OH", KEY_HOME),
            ("\u{1b}[4~", KEY_END), ("\u{1b}[8~", KEY_END), ("\u{1b}[F", KEY_END), ("\u{1b}OF", KEY_END),
            ("\u{1b}[3~", KEY_DC), ("\u{1b}[5~", KEY_PPAGE), ("\u{1b}[6~", KEY_NPAGE), ("\u{1b}[Z", KEY_BTAB),
        ]
        for (sequence, code) in sequences where key_defined(sequence) == 0 {
            _ = define_key(sequence, code)
        }
    }

    private static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }

    /// curses prints CJK and emoji as blanks unless LC_CTYPE is UTF-8; fall back to
    /// C.UTF-8 when the user's locale is unset or not UTF-8.
    private static func selectUTF8Locale() {
        _ = setlocale(LC_ALL, "")
        if isUTF8Locale() { return }
        for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
            if isUTF8Locale() { return }
        }
    }

    private static func isUTF8Locale() -> Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }
}
