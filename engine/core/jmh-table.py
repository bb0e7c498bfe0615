#!/usr/bin/env python3
"""Turns JMH's JSON results (-rf json -rff results.json) into the Markdown table of
docs/benchmarks.md: median and 99th percentile of single operations, in nanoseconds."""
import json
import sys

rows = json.load(open(sys.argv[1]))
print("| benchmark | parameter | median ns/op | p99 ns/op | samples |")
print("|---|---|---:|---:|---:|")
for r in rows:
    name = r["benchmark"].split(".")[-2] + "." + r["benchmark"].split(".")[-1]
    params = ", ".join("%s=%s" % kv for kv in (r.get("params") or {}).items())
    p = r["primaryMetric"]["scorePercentiles"]
    count = sum(sum(c for _, c in run) for run in r["primaryMetric"]["rawDataHistogram"][0]) \
        if r["primaryMetric"].get("rawDataHistogram") else 0
    print("| %s | %s | %.0f | %.0f | %s |" % (name, params or "—", p["50.0"], p["99.0"],
                                              "{:,}".format(count) if count else "—"))
