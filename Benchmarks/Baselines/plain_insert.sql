-- The storage-engine baseline of figure 1 (issue #14): the sqlite3 shell inserting member-shaped
-- rows into a plain table with the member's 15 columns (no key, index or trigger), WAL,
-- synchronous=NORMAL, one WITH RECURSIVE … INSERT in one transaction. The benchmark runs it on
-- a fresh file with `.parameter set @rows N` set to the member count, and times the shell from
-- launch to exit.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
CREATE TABLE members (
    id TEXT, version INTEGER, createdAt TEXT, updatedAt TEXT, clubId TEXT, externalRef TEXT, name TEXT,
    email TEXT, status TEXT, pointsAvailable INTEGER, pointsPending INTEGER, pointsLifetime INTEGER,
    payoutReady INTEGER, currency TEXT, deletedAt TEXT
);
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < @rows)
INSERT INTO members
SELECT printf('mem_%012d', i), 1 + i % 5, '2026-11-22T08:41:07Z', '2026-11-22T08:41:07Z', 'club_18k1i56emphif',
       printf('ext-%d', i * 31), printf('Member Name %d', i), printf('member%d@example.org', i), 'active',
       i * 7919 % 50000, i % 13, i % 10000, i % 3 = 0, 'EUR', NULL
FROM n;
COMMIT;
