// Generated from themes/*.toml by ShippedThemesTests; do not edit by hand.
// After changing a theme: REGENERATE_SHIPPED_THEMES=1 swift test --filter ShippedThemesTests

/// The shipped themes, compiled in so an installed binary finds them without the
/// source tree or a resource bundle. A test fails whenever this differs from themes/.
public enum ShippedThemes {
    /// Theme name → the exact text of themes/NAME.toml.
    public static let sources: [String: String] = [
        "default": #"""
# default: the dark look rewards-ops has always had. Each colour is an xterm-256
# colour, so 256-colour terminals show exactly these; `ansi` picks the 8/16-colour
# form. Other themes inherit this file and mostly just replace the palette.
inherits = "monochrome"

# The screen: every key without a bg sits on this.
"ui.background" = { bg = "background" }

"ui.text" = { fg = "text" }
"ui.text.dim" = { fg = "subtext" }
"ui.title" = { fg = "accent", modifiers = ["bold"] }
"ui.border" = { fg = "border" }
"ui.border.live" = { fg = "red", modifiers = ["bold"] }
"ui.tab" = { fg = "muted", bg = "surface" }
"ui.tab.active" = { fg = "on-accent", bg = "accent", modifiers = ["bold"] }
# 8/16 colours: dark on light, as the status bar has always been there.
"ui.statusbar" = { fg = "text", fg16 = "black", bg = "panel" }
"ui.help" = { fg = "muted" }
"ui.input" = { fg = "field-text", bg = "field" }

"table.header" = { fg = "header", modifiers = ["bold"] }
"table.row" = { fg = "text" }
"table.row.selected" = { fg = "selection-text", bg = "selection" }
"table.row.marked" = { fg = "marked", modifiers = ["bold"] }

"badge.test" = { fg = "on-accent", bg = "yellow", modifiers = ["bold"] }
"badge.live" = { fg = "on-live", bg = "live", modifiers = ["bold"] }

"status.ok" = { fg = "green" }
"status.warn" = { fg = "yellow" }
"status.error" = { fg = "red", modifiers = ["bold"] }
"status.pending" = { fg = "sky" }

# 8/16 colours: dialogs are white on blue there.
"dialog" = { fg = "text", fg16 = "white", bg = "surface", bg16 = "blue" }
"dialog.title" = { fg = "header", modifiers = ["bold"] }
"dialog.button" = { fg = "text", fg16 = "white", bg = "overlay" }
"dialog.button.focus" = { fg = "on-accent", bg = "accent", bg16 = "white", modifiers = ["bold"] }

"queue.status.open" = { fg = "yellow" }
"queue.status.escalated" = { fg = "red", modifiers = ["bold"] }
"queue.status.approved" = { fg = "green" }

"log.code" = { fg = "code" }
"chart.spark" = { fg = "spark" }

# [palette] comes last: in TOML, every line after a table header belongs to it.
[palette]
background = { hex = "#121212", ansi = "default" }
text = { hex = "#d0d0d0", ansi = "default" }
subtext = { hex = "#808080", ansi = "default" }
muted = { hex = "#bcbcbc", ansi = "default" }
border = { hex = "#6c6c6c", ansi = "blue" }
surface = { hex = "#303030", ansi = "default" }
panel = { hex = "#3a3a3a", ansi = "white" }
overlay = { hex = "#4e4e4e", ansi = "blue" }
field = { hex = "#444444", ansi = "black" }
field-text = { hex = "#eeeeee", ansi = "white" }
accent = { hex = "#5fd7ff", ansi = "cyan" }
on-accent = { hex = "#000000", ansi = "black" }
selection = { hex = "#005faf", ansi = "cyan" }
selection-text = { hex = "#ffffff", ansi = "black" }
header = { hex = "#ffd787", ansi = "yellow" }
marked = { hex = "#d787ff", ansi = "magenta" }
yellow = { hex = "#ffd75f", ansi = "yellow" }
red = { hex = "#ff5f5f", ansi = "red" }
green = { hex = "#87d787", ansi = "green" }
sky = { hex = "#87d7ff", ansi = "cyan" }
code = { hex = "#87afd7", ansi = "cyan" }
spark = { hex = "#5fd787", ansi = "green" }
live = { hex = "#d70000", ansi = "red" }
on-live = { hex = "#ffffff", ansi = "white" }

"""#,
        "gruvbox-dark": #"""
# gruvbox-dark: Pavel Pertsev's gruvbox (https://github.com/morhetz/gruvbox), medium
# contrast. Bright red is lightened a touch (#fb4934 is 4.3:1 on the background)
# and the LIVE badge uses gruvbox's dark red so its text reads.
inherits = "default"

"table.row.selected" = { fg = "selection-text", bg = "selection", modifiers = ["bold"] }

# [palette] comes last: in TOML, every line after a table header belongs to it.
[palette]
background = "#282828"   # bg
text = "#ebdbb2"         # fg
subtext = "#a89984"      # fg4
muted = "#d5c4a1"        # fg2
border = "#928374"       # gray
surface = "#3c3836"      # bg1
panel = "#504945"        # bg2
overlay = "#504945"      # bg2
field = "#3c3836"        # bg1
field-text = "#ebdbb2"
accent = "#83a598"       # blue
on-accent = "#282828"
selection = "#665c54"    # bg3
selection-text = "#ebdbb2"
header = "#fe8019"       # orange
marked = "#d3869b"       # purple
yellow = "#fabd2f"
red = "#fb5440"          # red, lightened
green = "#b8bb26"
sky = "#83a598"          # blue
code = "#8ec07c"         # aqua
spark = "#b8bb26"
live = "#9d0006"         # faded red
on-live = "#ebdbb2"

"""#,
        "high-contrast": #"""
# high-contrast: white and bright colours on black. Every text role reaches 7:1
# (WCAG AAA), not just the 4.5:1 the other themes meet.
inherits = "default"

# Focus and selection also differ by attribute, not by colour alone.
"ui.statusbar" = { fg = "text", bg = "panel", bg16 = "white", fg16 = "black", modifiers = ["bold"] }
"dialog.button.focus" = { fg = "on-accent", bg = "accent", modifiers = ["bold", "underline"] }
"table.row.selected" = { fg = "selection-text", bg = "selection", modifiers = ["bold"] }

# [palette] comes last: in TOML, every line after a table header belongs to it.
# The `ansi` forms paint the screen black on 8/16-colour terminals too, instead of
# keeping the terminal's own colours as default does there.
[palette]
background = { hex = "#000000", ansi = "black" }
text = { hex = "#ffffff", ansi = "bright-white" }
subtext = { hex = "#d0d0d0", ansi = "white" }
muted = { hex = "#e4e4e4", ansi = "white" }
border = { hex = "#ffffff", ansi = "bright-white" }
surface = { hex = "#1c1c1c", ansi = "black" }
panel = { hex = "#303030", ansi = "black" }
overlay = { hex = "#444444", ansi = "blue" }
field = { hex = "#262626", ansi = "black" }
field-text = { hex = "#ffffff", ansi = "bright-white" }
accent = { hex = "#00ffff", ansi = "bright-cyan" }
on-accent = { hex = "#000000", ansi = "black" }
selection = { hex = "#ffff00", ansi = "bright-yellow" }
selection-text = { hex = "#000000", ansi = "black" }
header = { hex = "#ffff87", ansi = "bright-yellow" }
marked = { hex = "#ff87ff", ansi = "bright-magenta" }
yellow = { hex = "#ffff00", ansi = "bright-yellow" }
red = { hex = "#ff8787", ansi = "bright-red" }
green = { hex = "#5fff5f", ansi = "bright-green" }
sky = { hex = "#87ffff", ansi = "bright-cyan" }
code = { hex = "#afd7ff", ansi = "bright-blue" }
spark = { hex = "#00ff00", ansi = "bright-green" }
live = { hex = "#870000", ansi = "red" }
on-live = { hex = "#ffffff", ansi = "bright-white" }

"""#,
        "light": #"""
# light: dark text on a white screen. Only the palette differs from default; all
# colours are xterm-256 colours, so 256-colour terminals show them exactly.
inherits = "default"

[palette]
background = "#ffffff"
text = "#303030"
subtext = "#626262"
muted = "#4e4e4e"
border = "#8a8a8a"
surface = "#e4e4e4"
panel = "#d0d0d0"
overlay = { hex = "#bcbcbc", ansi = "blue" }   # dialogs are white on blue in 16 colours
field = "#eeeeee"
field-text = "#1c1c1c"
accent = "#005f87"
on-accent = "#ffffff"
selection = "#afd7ff"
selection-text = "#000000"
header = "#5f5f00"
marked = "#8700af"
yellow = "#875f00"
red = "#d70000"
green = "#005f00"
sky = "#005faf"
code = "#5f5f87"
spark = "#00875f"
live = "#d70000"
on-live = "#ffffff"

"""#,
        "monochrome": #"""
# monochrome: no colour at all, only bold, dim, reverse and underline (like htop with
# NO_COLOR). Every other shipped theme inherits these forms through `default`, and
# uses them whenever colour is off (NO_COLOR, --monochrome).
#
# Keys not listed fall back to their longest listed prefix, then to ui.text:
# plain text.

"ui.text" = { mono = [] }
"ui.text.dim" = { mono = ["dim"] }
"ui.title" = { mono = ["bold"] }
"ui.border" = { mono = ["dim"] }
"ui.border.live" = { mono = ["bold"] }
"ui.tab.active" = { mono = ["reverse"] }
"ui.statusbar" = { mono = ["reverse"] }
"ui.help" = { mono = ["dim"] }
"ui.input" = { mono = ["underline"] }

"table.header" = { mono = ["bold"] }
"table.row.selected" = { mono = ["reverse"] }
"table.row.marked" = { mono = ["bold"] }

"badge.test" = { mono = ["reverse"] }
"badge.live" = { mono = ["reverse", "bold"] }

"status.error" = { mono = ["bold"] }
"status.pending" = { mono = ["dim"] }

"dialog.title" = { mono = ["bold"] }
"dialog.button.focus" = { mono = ["reverse"] }

"queue.status.escalated" = { mono = ["bold"] }

"""#,
        "solarized-dark": #"""
# solarized-dark: Ethan Schoonover's Solarized (https://ethanschoonover.com/solarized/).
# Its accents are tuned for 4:1 or less on base03; red, magenta, violet, blue and
# green are lightened here just enough to reach 4.5:1, also after rounding to the
# xterm-256 colours a 256-colour terminal shows. Body text is base1, dim text base0.
inherits = "default"

# Solarized marks the selection by base02 alone; bold keeps it visible.
"table.row.selected" = { fg = "selection-text", bg = "selection", modifiers = ["bold"] }
"dialog.button" = { fg = "base3", bg = "overlay" }

# [palette] comes last: in TOML, every line after a table header belongs to it.
[palette]
# The Solarized names, for the keys above.
base03 = "#002b36"
base02 = "#073642"
base01 = "#586e75"
base00 = "#657b83"
base0 = "#839496"
base1 = "#93a1a1"
base2 = "#eee8d5"
base3 = "#fdf6e3"

# The names default's keys use.
background = "#002b36"   # base03
text = "#93a1a1"         # base1
subtext = "#839496"      # base0
muted = "#93a1a1"        # base1
border = "#657b83"       # base00
surface = "#073642"      # base02
panel = "#073642"        # base02
overlay = "#586e75"      # base01
field = "#073642"        # base02
field-text = "#eee8d5"   # base2
accent = "#479cd9"       # blue, lightened
on-accent = "#002b36"    # base03
selection = "#073642"    # base02
selection-text = "#93a1a1"
header = "#bf9821"       # yellow, lightened to read on base02 as well
marked = "#e072a8"       # magenta, lightened
yellow = "#b58900"
red = "#e7726f"          # red, lightened
green = "#899c08"        # green, lightened
sky = "#2aa198"          # cyan
code = "#8488cd"         # violet, lightened
spark = "#899c08"
live = "#d3302d"         # red, a shade darker under base3 text
on-live = "#fdf6e3"      # base3

"""#,
    ]
}
