#!/usr/bin/env python3
"""The plain-script baseline of figure 1 (issue #14): what an operator could write with the
standard library alone. It signs every request as the contract says (§2), pages the four
lists a bootstrap reads (1,000 rows a page; members with includeDeleted=true) into dicts in
memory, and prints one JSON line: rows per list and the seconds it took.

Usage: page_lists.py BASE_URL KEY_ID SECRET
"""
import hashlib
import hmac
import json
import sys
import time
import urllib.parse
import urllib.request

EMPTY_BODY_HASH = hashlib.sha256(b"").hexdigest()


def get(base, key_id, secret, path_and_query, opener):
    timestamp = str(int(time.time()))
    signing = "\n".join([timestamp, "GET", path_and_query, EMPTY_BODY_HASH])
    signature = hmac.new(secret.encode(), signing.encode(), hashlib.sha256).hexdigest()
    request = urllib.request.Request(base + path_and_query, headers={
        "Authorization": "Bearer " + key_id,
        "X-MR-Timestamp": timestamp,
        "X-MR-Signature": "v1=" + signature,
        "Accept": "application/json",
    })
    with opener.open(request, timeout=60) as response:
        return json.load(response)


def page_list(base, key_id, secret, path, extra, opener):
    rows = {}
    cursor = None
    while True:
        query = [("limit", "1000")] + extra + ([("cursor", cursor)] if cursor else [])
        body = get(base, key_id, secret, path + "?" + urllib.parse.urlencode(query), opener)
        for row in body["data"]:
            rows[row["id"]] = row
        page = body.get("page") or {}
        if not page.get("hasMore"):
            return rows
        cursor = page["nextCursor"]


def main():
    base, key_id, secret = sys.argv[1:4]
    opener = urllib.request.build_opener()
    started = time.monotonic()
    lists = {
        "reviews": page_list(base, key_id, secret, "/v1/reviews", [], opener),
        "redemptions": page_list(base, key_id, secret, "/v1/redemptions", [], opener),
        "request_logs": page_list(base, key_id, secret, "/v1/request-logs", [], opener),
        "members": page_list(base, key_id, secret, "/v1/members", [("includeDeleted", "true")], opener),
    }
    seconds = time.monotonic() - started
    print(json.dumps({"seconds": seconds, "rows": {name: len(rows) for name, rows in lists.items()}}))


if __name__ == "__main__":
    main()
