#ifndef RW_CNCURSESW_SHIM_H
#define RW_CNCURSESW_SHIM_H

// SwiftPM drops the pkg-config cflags (-D_XOPEN_SOURCE=600), so without these the
// wide-character API (cchar_t, wget_wch, mvwadd_wch) is compiled out of curses.h.
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// Swift 6 rejects the curses globals as not concurrency-safe and cannot import
// function-like macros (A_*, COLOR_PAIR, getmaxyx, BUTTON*_PRESSED, KEY_F), so
// everything Swift needs from them goes through these accessors.

static inline WINDOW *rw_stdscr(void) { return stdscr; }
static inline int rw_cols(void) { return COLS; }
static inline int rw_lines(void) { return LINES; }
static inline int rw_colors(void) { return COLORS; }
static inline int rw_color_pairs(void) { return COLOR_PAIRS; }

static inline attr_t rw_a_normal(void) { return A_NORMAL; }
static inline attr_t rw_a_bold(void) { return A_BOLD; }
static inline attr_t rw_a_dim(void) { return A_DIM; }
static inline attr_t rw_a_reverse(void) { return A_REVERSE; }
static inline attr_t rw_a_underline(void) { return A_UNDERLINE; }
static inline attr_t rw_color_pair(int pair) { return (attr_t)COLOR_PAIR(pair); }

static inline void rw_getmaxyx(WINDOW *win, int *rows, int *cols) {
    int y = 0, x = 0;
    if (win != NULL) { getmaxyx(win, y, x); }
    *rows = y;
    *cols = x;
}

static inline int rw_key_f(int n) { return KEY_F(n); }

static inline mmask_t rw_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t rw_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t rw_wheel_up(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t rw_wheel_down(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t rw_wheel_down(void) { return 0; }
#endif

// Flattens MEVENT so Swift need not know its layout; returns ERR when no event.
static inline int rw_getmouse(int *x, int *y, mmask_t *bstate) {
    MEVENT event;
    if (getmouse(&event) != OK) { return ERR; }
    *x = event.x;
    *y = event.y;
    *bstate = event.bstate;
    return OK;
}

// glibc hides wcwidth unless _XOPEN_SOURCE was set before its first include, which
// the Glibc module does not do; declaring it here is enough to link it.
extern int wcwidth(wchar_t);
static inline int rw_wcwidth(wchar_t c) { return wcwidth(c); }

static inline int rw_set_escdelay(int ms) { return set_escdelay(ms); }

// newterm instead of initscr: initscr exits the process on an unknown TERM,
// newterm returns NULL and lets the caller report the error.
static inline SCREEN *rw_newterm(const char *term) { return newterm(term, stdout, stdin); }

// The same on another terminal (a pty a benchmark or a test holds); NULL files mean stdio's.
static inline SCREEN *rw_newterm_on(const char *term, FILE *out, FILE *in) {
    return newterm(term, out != NULL ? out : stdout, in != NULL ? in : stdin);
}

// Bypasses curses for escape sequences curses does not know (OSC 52 clipboard).
static inline void rw_write_raw(const char *bytes) {
    fputs(bytes, stdout);
    fflush(stdout);
}

static inline void rw_write_raw_to(FILE *out, const char *bytes) {
    fputs(bytes, out != NULL ? out : stdout);
    fflush(out != NULL ? out : stdout);
}

#endif
