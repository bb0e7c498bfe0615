#!/usr/bin/env python3
"""Loads the load benchmark's space into a running Bespoke node (docs/benchmarks.md).

What it makes, in space `bench`:
  - 200 segments mixing every attribute kind, through the admin API (created and published, so
    every rule goes through the real validator and compiler);
  - 1,000 slots x 10 variants (one default each) and 2 running experiments, through a bulk path:
    SQL into the content store in one transaction, then one audit entry that moves the space's
    change marker, so the node rebuilds its snapshot from the database exactly as after a publish.
    Publishing 11,000 items one by one through the API would rebuild the snapshot 11,000 times;
  - 100,000 visitor profiles in Redis, in the documented key layout (docs/privacy.md), written
    with redis-cli --pipe, and their signed visitor ids in visitors.txt for the wrk scripts.

Only the Python standard library, psql and redis-cli are needed.
"""
import argparse
import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import random
import subprocess
import sys
import time
import urllib.error
import urllib.request

COUNTRIES = ["NL", "BE", "DE", "FR", "GB", "US", "ES", "IT", "LU", "AT", "CH", "SE"]
DEVICES = ["desktop", "mobile", "tablet"]
OSES = ["Windows", "iOS", "Android", "Mac OS", "Linux"]
BROWSERS = ["Chrome", "Safari", "Firefox", "Edge"]
CATEGORIES = ["shoes", "boots", "bags", "socks", "jackets", "hats", "running", "outdoor"]
REFERRERS = ["google.com", "facebook.com", "instagram.com", "bing.com", "t.co", "news.example.org"]
TOUCHPOINTS = ["direct", "search", "social", "email", "paid", "referral"]
LOCALES = ["nl-NL", "en-GB", "de-DE", "fr-FR", "nl-BE"]


def segment_rules(count, rng):
    """Rules cycling through every attribute kind and operator, a few compounds and inSegment."""
    makers = [
        lambda i: {"attr": "geo.country", "op": "in", "value": rng.sample(COUNTRIES, 3)},
        lambda i: {"attr": "geo.country", "op": "eq", "value": rng.choice(COUNTRIES)},
        lambda i: {"attr": "geo.region", "op": "startsWith", "value": "R" + str(rng.randint(1, 9))},
        lambda i: {"attr": "device.type", "op": "eq", "value": rng.choice(DEVICES)},
        lambda i: {"attr": "device.os", "op": "in", "value": rng.sample(OSES, 2)},
        lambda i: {"attr": "device.browser", "op": "neq", "value": rng.choice(BROWSERS)},
        lambda i: {"attr": "channel", "op": "eq", "value": rng.choice(["web", "mobile"])},
        lambda i: {"attr": "locale", "op": "in", "value": rng.sample(LOCALES, 2)},
        lambda i: {"attr": "language", "op": "eq", "value": rng.choice(["nl", "en", "de", "fr"])},
        lambda i: {"attr": "page.url", "op": "contains", "value": "/" + rng.choice(CATEGORIES)},
        lambda i: {"attr": "page.path", "op": "startsWith", "value": "/" + rng.choice(CATEGORIES)},
        lambda i: {"attr": "page.path", "op": "matches",
                   "value": "^/(%s|%s)/[a-z0-9-]+$" % tuple(rng.sample(CATEGORIES, 2))},
        lambda i: {"attr": "page.host", "op": "endsWith", "value": "shop.example"},
        lambda i: {"attr": "referrer.host", "op": "endsWith", "value": rng.choice(REFERRERS)},
        lambda i: {"attr": "utm.source", "op": "eq", "value": rng.choice(["newsletter", "facebook", "google"])},
        lambda i: {"attr": "utm.campaign", "op": "exists"},
        lambda i: {"attr": "utm.medium", "op": "notIn", "value": ["cpc", "display"]},
        lambda i: {"attr": "touchpoint", "op": "eq", "value": rng.choice(TOUCHPOINTS)},
        lambda i: {"attr": "visit.count", "op": "gte", "value": rng.randint(2, 6)},
        lambda i: {"attr": "visit.first", "op": "eq", "value": True},
        lambda i: {"attr": "visit.pageviews", "op": "gt", "value": rng.randint(1, 4)},
        lambda i: {"attr": "visit.daysSinceLast", "op": "between", "value": [1, rng.randint(7, 30)]},
        lambda i: {"attr": "behavior.pageview.category." + rng.choice(CATEGORIES), "op": "gte",
                   "value": rng.randint(1, 4), "within": rng.choice(["P7D", "P30D"])},
        lambda i: {"attr": "score.category." + rng.choice(CATEGORIES), "op": "gte",
                   "value": rng.randint(2, 10)},
        lambda i: {"attr": "customer.loggedIn", "op": "eq", "value": True},
        lambda i: {"attr": "customer.tier", "op": "eq", "value": rng.choice(["gold", "silver"])},
        lambda i: {"attr": "profile.newsletter", "op": "eq", "value": True},
        lambda i: {"attr": "request.campaign", "op": "exists"},
        lambda i: {"attr": "time.hour", "op": "between", "value": sorted(rng.sample(range(24), 2))},
        lambda i: {"attr": "time.dayOfWeek", "op": "in", "value": rng.sample(range(1, 8), 3)},
        lambda i: {"attr": "consent.personalization", "op": "notExists"},
    ]
    rules = {}
    keys = []
    for i in range(count):
        key = "seg-%03d" % i
        kind = i % (len(makers) + 3)
        if kind == len(makers) and keys:
            rule = {"all": [makers[rng.randrange(len(makers))](i), makers[rng.randrange(len(makers))](i)]}
        elif kind == len(makers) + 1 and keys:
            rule = {"any": [makers[rng.randrange(len(makers))](i),
                            {"not": makers[rng.randrange(len(makers))](i)}]}
        elif kind == len(makers) + 2 and keys:
            rule = {"all": [{"op": "inSegment", "value": rng.choice(keys)},
                            makers[rng.randrange(len(makers))](i)]}
        else:
            rule = makers[kind % len(makers)](i)
        rules[key] = rule
        keys.append(key)
    return rules


class Admin:
    def __init__(self, base, user, password):
        self.base = base.rstrip("/")
        self.auth = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

    def call(self, method, path, body=None, ok=(200, 201, 204)):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method)
        req.add_header("Authorization", self.auth)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                text = resp.read().decode()
                return resp.status, (json.loads(text) if text else None)
        except urllib.error.HTTPError as e:
            text = e.read().decode()
            if e.code in ok:
                return e.code, None
            raise SystemExit(f"{method} {path} -> {e.code}: {text}")


def load_segments(admin, space, rules):
    """Creates and publishes every segment; a later segment may refer to an earlier one
    (inSegment), so each is published before the next is created."""
    started = time.time()
    for key, rule in rules.items():
        admin.call("POST", f"/api/v1/admin/spaces/{space}/segments",
                   {"key": key, "name": key, "rule": rule})
        admin.call("POST", f"/api/v1/admin/spaces/{space}/segments/{key}/publish")
    print(f"  {len(rules)} segments created and published in {time.time() - started:.1f} s")


def sql_literal(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def bulk_sql(space, slots, variants_per_slot, segment_keys, rng):
    """One transaction: slots, variants, two running experiments, one audit entry."""
    out = ["begin;",
           f"create temporary table bench_space as select id from space where item_key = '{space}';"]
    stamp = "now()"
    slot_rows = []
    variant_rows = []
    for s in range(slots):
        slot_key = "slot-%04d" % s
        slot_rows.append("(%s, %s, '[\"web\",\"mobile\"]', 'first-match', false, 'published', 1, %s, 'bench', %s, 'bench')"
                         % (sql_literal(slot_key), sql_literal("Slot %d" % s), stamp, stamp))
        for v in range(variants_per_slot):
            default = v == variants_per_slot - 1
            key = "v%02d" % v if not default else "default"
            category = rng.choice(CATEGORIES)
            fields = {
                "title": f"{category.title()} for you ({slot_key}/{key})",
                "body": "Hand-picked %s from this season's collection, with free returns within 30 days." % category,
                "image": f"https://cdn.shop.example/img/{category}/{s:04d}-{v:02d}.jpg",
                "ctaText": rng.choice(["Shop now", "Discover", "See the collection"]),
                "ctaUrl": f"https://shop.example/{category}?slot={slot_key}",
            }
            if default:
                segments, match, channels, locales, priority = [], "any", [], [], 0
            else:
                segments = rng.sample(segment_keys, rng.choice([1, 1, 2, 2, 3]))
                match = "all" if rng.random() < 0.2 else "any"
                channels = rng.choice([[], [], [], ["web"], ["mobile"]])
                locales = rng.choice([[]] * 6 + [["nl"], ["en"], ["de", "nl"]])
                priority = rng.randint(0, 20)
            variant_rows.append(
                (slot_key, key, json.dumps(fields), json.dumps(segments), match,
                 json.dumps(channels), json.dumps(locales), priority, default))
    out.append("insert into slot (space_id, item_key, name, channels, strategy, cacheable, status, version,"
               " created_at, created_by, updated_at, updated_by)")
    out.append("select b.id, v.* from bench_space b cross join (values\n" + ",\n".join(slot_rows) + ") as v;")
    out.append("create temporary table bench_variant (slot_key varchar, item_key varchar, fields varchar,"
               " segments varchar, segment_match varchar, channels varchar, locales varchar,"
               " priority integer, is_default boolean);")
    for i in range(0, len(variant_rows), 1000):
        chunk = variant_rows[i:i + 1000]
        out.append("insert into bench_variant values\n" + ",\n".join(
            "(" + ", ".join(sql_literal(x) for x in row) + ")" for row in chunk) + ";")
    out.append("""insert into variant (space_id, slot_id, item_key, name, fields, segments, segment_match,
  channels, locales, priority, weight, is_default, published_default_of, status, version,
  created_at, created_by, updated_at, updated_by)
select s.space_id, s.id, v.item_key, v.item_key, v.fields, v.segments, v.segment_match, v.channels,
  v.locales, v.priority, 1, v.is_default, case when v.is_default then s.id end, 'published', 1,
  now(), 'bench', now(), 'bench'
from bench_variant v join slot s on s.item_key = v.slot_key
where s.space_id = (select id from bench_space);""")
    experiments = [
        ("hero-holdout", "slot-0000", "holdout", 100,
         [{"key": "control", "variant": None, "weight": 1}, {"key": "personalised", "variant": None, "weight": 9}],
         "purchase"),
        ("promo-ab", "slot-0001", "ab", 50,
         [{"key": "control", "variant": "v00", "weight": 1}, {"key": "b", "variant": "v01", "weight": 1}],
         "click"),
    ]
    for key, slot_key, kind, traffic, arms, goal in experiments:
        out.append(f"""insert into experiment (space_id, slot_id, item_key, experiment_type, traffic_percent, arms,
  goal, alpha, status, version, created_at, created_by, updated_at, updated_by)
select s.space_id, s.id, {sql_literal(key)}, {sql_literal(kind)}, {traffic}, {sql_literal(json.dumps(arms))},
  {sql_literal(goal)}, 0.05, 'running', 1, now(), 'bench', now(), 'bench'
from slot s where s.item_key = {sql_literal(slot_key)} and s.space_id = (select id from bench_space);""")
    out.append(f"""insert into audit_entry (space_key, entity_type, entity_key, action, actor, occurred_at, detail)
values ('{space}', 'space', '{space}', 'import', 'bench', now(),
  'benchmark bulk load: {slots} slots x {variants_per_slot} variants, 2 experiments');""")
    out.append("commit;")
    return "\n".join(out) + "\n"


def signer_key(master, purpose):
    return hmac.new(master, ("bespoke-signer-v1:" + purpose).encode(), hashlib.sha256).digest()


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def visitor_id(key, rng):
    payload = "v1." + b64url(rng.randbytes(16))
    mac = hmac.new(key, payload.encode(), hashlib.sha256).digest()[:16]
    return payload + "." + b64url(mac)


def resp_command(*args):
    parts = ["*%d\r\n" % len(args)]
    for a in args:
        b = str(a).encode()
        parts.append("$%d\r\n" % len(b))
        parts.append(b.decode() + "\r\n")
    return "".join(parts)


def load_profiles(space, count, secret, redis_port, out_dir, rng):
    """Profiles as the store writes them (RedisKeys): one hash per visitor with a TTL."""
    key = signer_key(secret.encode(), "visitor-id")
    now = dt.datetime.now(dt.timezone.utc)
    now_ms = int(now.timestamp() * 1000)
    ttl = 90 * 24 * 3600
    ids_path = os.path.join(out_dir, "visitors.txt")
    started = time.time()
    proc = subprocess.Popen(["redis-cli", "-p", str(redis_port), "--pipe"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    with open(ids_path, "w") as ids:
        for _ in range(count):
            vid = visitor_id(key, rng)
            ids.write(vid + "\n")
            redis_key = "bespoke:{%s:%s}:p" % (space, vid)
            visits = rng.randint(1, 30)
            last_seen = now_ms - rng.randint(1, 40) * 86_400_000
            fields = ["n", visits, "fs", last_seen - visits * 86_400_000, "ls", last_seen, "pv", rng.randint(0, 5)]
            for category in rng.sample(CATEGORIES, rng.randint(0, 4)):
                for days_ago in rng.sample(range(0, 30), rng.randint(1, 4)):
                    day = (now - dt.timedelta(days=days_ago)).date().isoformat()
                    fields += ["b:pageview.category.%s:%s" % (category, day), rng.randint(1, 6)]
                fields += ["s:category." + category, "%.3f@%d" % (rng.uniform(0.5, 12), last_seen)]
            if rng.random() < 0.3:
                fields += ["t:newsletter", "true", "t:tier", json.dumps(rng.choice(["gold", "silver", "bronze"]))]
            proc.stdin.write(resp_command("HSET", redis_key, *fields))
            proc.stdin.write(resp_command("PEXPIRE", redis_key, ttl * 1000))
    proc.stdin.close()
    output = proc.stdout.read()
    if proc.wait() != 0 or "errors: 0" not in output:
        raise SystemExit("redis-cli --pipe failed: " + output)
    print(f"  {count} profiles written to Redis in {time.time() - started:.1f} s")
    return ids_path


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--base-url", default="http://127.0.0.1:8080")
    p.add_argument("--space", default="bench")
    p.add_argument("--slots", type=int, default=1000)
    p.add_argument("--variants", type=int, default=10)
    p.add_argument("--segments", type=int, default=200)
    p.add_argument("--profiles", type=int, default=100_000)
    p.add_argument("--db", default="bespoke_bench", help="PostgreSQL database (user bespoke on 127.0.0.1)")
    p.add_argument("--redis-port", type=int, default=6379)
    p.add_argument("--cookie-secret", required=True, help="the node's bespoke.cookie.secret")
    p.add_argument("--out", default=".", help="where visitors.txt and slots.txt go")
    p.add_argument("--seed", type=int, default=20261124)
    args = p.parse_args()
    rng = random.Random(args.seed)
    admin = Admin(args.base_url, "admin", "admin")

    print("space and segments through the admin API")
    admin.call("POST", "/api/v1/admin/spaces",
               {"key": args.space, "name": "Benchmark", "timeZone": "Europe/Amsterdam"})
    rules = segment_rules(args.segments, rng)
    load_segments(admin, args.space, rules)

    print("slots, variants and experiments through the bulk path (SQL)")
    started = time.time()
    sql = bulk_sql(args.space, args.slots, args.variants, list(rules), rng)
    env = dict(os.environ, PGPASSWORD="bespoke")
    subprocess.run(["psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1", "-U", "bespoke", "-d", args.db],
                   input=sql, text=True, check=True, env=env, stdout=subprocess.DEVNULL)
    print(f"  {args.slots} slots, {args.slots * args.variants} variants in {time.time() - started:.1f} s")
    with open(os.path.join(args.out, "slots.txt"), "w") as f:
        f.write("\n".join("slot-%04d" % s for s in range(args.slots)) + "\n")

    print("visitor profiles into Redis")
    load_profiles(args.space, args.profiles, args.cookie_secret, args.redis_port, args.out, rng)


if __name__ == "__main__":
    sys.exit(main())
