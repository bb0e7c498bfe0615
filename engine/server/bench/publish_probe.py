#!/usr/bin/env python3
"""Publishes a variant while the node is under load and measures how long until it is served.

Creates a variant that targets everyone with the highest priority on slot-0002, publishes it, then
asks for decisions until the new variant comes back. Appends one JSON line to --out.
"""
import argparse
import base64
import json
import time
import urllib.request


def call(base, method, path, body=None, auth=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Content-Type", "application/json")
    if auth:
        req.add_header("Authorization", "Basic " + base64.b64encode(auth.encode()).decode())
    with urllib.request.urlopen(req, timeout=30) as resp:
        text = resp.read().decode()
        return json.loads(text) if text else None


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base-url", required=True)
    p.add_argument("--delay", type=float, default=8)
    p.add_argument("--slot", default="slot-0002")
    p.add_argument("--out", required=True)
    args = p.parse_args()
    base = args.base_url.rstrip("/")
    key = "flash-%d" % int(time.time())
    time.sleep(args.delay)
    admin = "publisher:publisher"
    call(base, "POST", f"/api/v1/admin/spaces/bench/slots/{args.slot}/variants",
         {"key": key, "name": "Flash sale", "fields": {"title": "Flash sale"}, "priority": 1000}, admin)
    started = time.monotonic()
    call(base, "POST", f"/api/v1/admin/spaces/bench/slots/{args.slot}/variants/{key}/publish", None, admin)
    published = time.monotonic()
    body = {"space": "bench", "channel": "web", "slots": [args.slot]}
    served = None
    while time.monotonic() - started < 30:
        answer = call(base, "POST", "/api/v1/decisions", body)
        variant = answer["decisions"][0].get("variant") or {}
        if variant.get("key") == key:
            served = time.monotonic()
            break
        time.sleep(0.005)
    result = {
        "name": "publish-under-load",
        "publish_ms": round((published - started) * 1000),
        "served_ms": None if served is None else round((served - started) * 1000),
    }
    print("publish under load:", json.dumps(result))
    with open(args.out, "a") as f:
        f.write(json.dumps(result) + "\n")


if __name__ == "__main__":
    main()
