import json, sys, unicodedata
from murmur import murmur3_32

SEED = 0
BUCKETS = 10_000

def hash_of(salt, unit):
    return murmur3_32((salt + ":" + unit).encode("utf-8"), SEED)

def bucket_of(salt, unit):
    return hash_of(salt, unit) % BUCKETS

cases = []
def add(name, salt, unit):
    text = salt + ":" + unit
    data = text.encode("utf-8")
    h = murmur3_32(data, SEED)
    cases.append({
        "name": name,
        "hashVersion": 1,
        "salt": salt,
        "unitId": unit,
        "hashedText": text,
        "utf8Hex": data.hex(),
        "hash": h,
        "bucket": h % BUCKETS,
    })

# Plain visitor ids of the shapes Bespoke issues and the shapes apps send.
plain = [
    ("uuid", "5f0c6a8e-3b1d-4c2a-9e7f-1a2b3c4d5e6f"),
    ("uuid upper case", "5F0C6A8E-3B1D-4C2A-9E7F-1A2B3C4D5E6F"),
    ("numeric", "123456789"),
    ("single digit", "7"),
    ("short word", "alice"),
    ("email-like", "bob@example.com"),
    ("colon inside id", "crm:42"),
    ("spaces", "visitor with spaces"),
    ("leading space", " v1"),
    ("trailing space", "v1 "),
    ("empty id", ""),
    ("long id", "v-" + "0123456789abcdef" * 8),
]
salts = ["hero-holdout:traffic", "hero-holdout:arm", "promo-ab:traffic", "promo-ab:arm"]
for sname, salt in [(s, s) for s in salts]:
    for uname, unit in plain:
        add(f"{sname} / {uname}", salt, unit)

# Lengths 0..9 so every tail length (0-3 bytes) is exercised with and without full blocks.
for n in range(0, 10):
    add(f"tail length, id of {n} 'x'", "t", "x" * n)

# Non-ASCII: multi-byte UTF-8, high bytes in the tail (catches sign-extension bugs).
non_ascii = [
    ("latin-1 e-acute", "caf\u00e9"),
    ("german sharp s", "stra\u00dfe"),
    ("dutch ij ligature", "\u0133sje"),
    ("cyrillic", "\u043f\u043e\u0441\u0435\u0442\u0438\u0442\u0435\u043b\u044c"),
    ("greek", "\u03b5\u03c0\u03b9\u03c3\u03ba\u03ad\u03c0\u03c4\u03b7\u03c2"),
    ("arabic", "\u0632\u0627\u0626\u0631"),
    ("hebrew", "\u05de\u05d1\u05e7\u05e8"),
    ("chinese", "\u8bbf\u5ba2"),
    ("japanese", "\u3086\u30fc\u3056\u30fc"),
    ("korean", "\ubc29\ubb38\uc790"),
    ("thai", "\u0e1c\u0e39\u0e49\u0e40\u0e22\u0e35\u0e48\u0e22\u0e21\u0e0a\u0e21"),
    ("emoji outside the BMP", "\U0001F600"),
    ("emoji with skin tone", "\U0001F44B\U0001F3FD"),
    ("family emoji with zero-width joiners", "\U0001F468\u200D\U0001F469\u200D\U0001F467"),
    ("flag emoji", "\U0001F1F3\U0001F1F1"),
    ("musical symbol outside the BMP", "\U0001D11E"),
    ("NFC composed e-acute", unicodedata.normalize("NFC", "Ren\u00e9e")),
    ("NFD decomposed e-acute", unicodedata.normalize("NFD", "Ren\u00e9e")),
    ("mixed ascii and 2-byte tail", "id-\u00e9"),
    ("mixed ascii and 3-byte tail", "id-\u20ac"),
    ("euro sign alone", "\u20ac"),
    ("no-break space", "a\u00a0b"),
    ("byte order mark character", "\ufeffid"),
    ("replacement character", "\ufffd"),
    ("highest code point", "\U0010FFFF"),
    ("combining grave", "a\u0300"),
]
for uname, unit in non_ascii:
    add(f"non-ascii {uname} / hero-holdout:arm", "hero-holdout:arm", unit)
    add(f"non-ascii {uname} / promo-ab:traffic", "promo-ab:traffic", unit)

# Non-ASCII in the salt (experiment keys are ASCII, but the hash must not care).
add("non-ascii salt", "caf\u00e9:arm", "v1")
add("empty salt", "", "v1")
add("empty salt and id", "", "")

names = [c["name"] for c in cases]
assert len(names) == len(set(names)), "duplicate names"

# Assignment cases: whole experiments, so clients can check arm choice end to end.
def assign(key, traffic, arms, unit):
    tb = bucket_of(key + ":traffic", unit)
    ab = bucket_of(key + ":arm", unit)
    if tb >= traffic * 100:
        return tb, ab, None
    total = sum(w for _, w in arms)
    cum = 0
    for k, w in arms:
        cum += w
        if ab < cum * BUCKETS // total:
            return tb, ab, k
    raise AssertionError("unreachable")

experiments = [
    ("hero-holdout", 100, [("control", 50), ("personalised", 50)]),
    ("hero-holdout", 50, [("control", 50), ("personalised", 50)]),
    ("hero-holdout", 80, [("control", 10), ("personalised", 90)]),
    ("promo-ab", 100, [("control", 1), ("spring", 1), ("summer", 1)]),
    ("promo-ab", 30, [("control", 2), ("spring", 1), ("summer", 1)]),
    ("checkout-banner", 100, [("control", 3), ("bold", 0), ("subtle", 7)]),
    ("app-header", 0, [("control", 50), ("personalised", 50)]),
    ("app-header", 1, [("control", 50), ("personalised", 50)]),
]
units = ["5f0c6a8e-3b1d-4c2a-9e7f-1a2b3c4d5e6f", "alice", "caf\u00e9", "\U0001F600", "42",
         "bob@example.com", "", "\u8bbf\u5ba2"]
assignments = []
for key, traffic, arms in experiments:
    for unit in units:
        tb, ab, arm = assign(key, traffic, arms, unit)
        assignments.append({
            "name": f"{key} traffic {traffic}% weights {'/'.join(str(w) for _, w in arms)} unit {unit!r}",
            "experiment": {"key": key, "trafficPercent": traffic, "hashVersion": 1,
                           "arms": [{"key": k, "weight": w} for k, w in arms]},
            "unitId": unit,
            "trafficBucket": tb,
            "armBucket": ab,
            "arm": arm,
        })
# Add units chosen to sit right on arm boundaries so off-by-one bugs show.
def find_unit(key, pred, start=0):
    i = start
    while True:
        u = f"edge-{i}"
        if pred(bucket_of(key + ":traffic", u), bucket_of(key + ":arm", u)):
            return u
        i += 1
edge_specs = [
    ("edge-ab", 100, [("control", 1), ("treatment", 1)], lambda t, a: a == 4999, "arm bucket 4999 is the last control bucket"),
    ("edge-ab", 100, [("control", 1), ("treatment", 1)], lambda t, a: a == 5000, "arm bucket 5000 is the first treatment bucket"),
    ("edge-ab", 50, [("control", 1), ("treatment", 1)], lambda t, a: t == 4999, "traffic bucket 4999 is inside 50%"),
    ("edge-ab", 50, [("control", 1), ("treatment", 1)], lambda t, a: t == 5000, "traffic bucket 5000 is outside 50%"),
    ("edge-ab", 100, [("a", 1), ("b", 1), ("c", 1)], lambda t, a: a == 3332, "bucket 3332 is the last of a (3333 buckets: 10000*1//3)"),
    ("edge-ab", 100, [("a", 1), ("b", 1), ("c", 1)], lambda t, a: a == 3333, "bucket 3333 is the first of b"),
    ("edge-ab", 100, [("a", 1), ("b", 1), ("c", 1)], lambda t, a: a == 6665, "bucket 6665 is the last of b (10000*2//3 = 6666)"),
    ("edge-ab", 100, [("a", 1), ("b", 1), ("c", 1)], lambda t, a: a == 6666, "bucket 6666 is the first of c"),
]
for key, traffic, arms, pred, why in edge_specs:
    unit = find_unit(key, pred)
    tb, ab, arm = assign(key, traffic, arms, unit)
    assignments.append({
        "name": f"boundary: {why}",
        "experiment": {"key": key, "trafficPercent": traffic, "hashVersion": 1,
                       "arms": [{"key": k, "weight": w} for k, w in arms]},
        "unitId": unit, "trafficBucket": tb, "armBucket": ab, "arm": arm,
    })
an = [a["name"] for a in assignments]
assert len(an) == len(set(an)), "duplicate assignment names"

out = sys.argv[1]
with open(out + "/bucketing.json", "w", encoding="utf-8") as f:
    json.dump(cases, f, ensure_ascii=False, indent=1)
    f.write("\n")
with open(out + "/assignment.json", "w", encoding="utf-8") as f:
    json.dump(assignments, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(len(cases), "hash cases,", len(assignments), "assignment cases")
