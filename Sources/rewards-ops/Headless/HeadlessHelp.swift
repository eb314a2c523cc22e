/// Help text the headless commands share.
enum HeadlessHelp {
    static let reads = """
        Reads the mirror: after a sync when the mirror is more than a minute old or --sync is given \
        (--no-sync reads it as it is); standard error says which. A table on a terminal (cut with … only \
        when the terminal is narrower than the table; a pipe gets every cell whole), or --json / --jsonl \
        with the contract's objects. Server text is printed inert: no escape sequence, control character \
        or bidi override gets through.
        Exit status: 0 ok, 1 failed, 2 usage, 3 not found.
        """

    static let decisions = """
        The decision goes through the mirror's outbox, as the console's do (an idempotency key, the exact \
        body kept, an audit entry; see `rewards-ops audit`), but is sent at once, without the console's \
        undo delay, and the command waits for the platform's answer (--wait). A read-only key or \
        profile, or a key of another environment than the profile expects, is refused. On a LIVE \
        platform --confirm must repeat the id's last six characters, as the console's LIVE dialog asks.

        Running the same command again decides nothing twice: if this mirror's last decision on the \
        object is the same one (same verb and note) and the object has not changed since, it prints \
        "Already …: nothing sent" and exits 0; if that decision is still on its way, it waits for its \
        answer instead of sending another.
        Exit status: 0 applied (or already applied), 1 refused, failed or no answer in time, 2 usage, 3 not found.
        """
}
