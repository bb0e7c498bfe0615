#!/usr/bin/env python3
"""Turns the harness's results.jsonl into the Markdown tables of docs/benchmarks.md."""
import argparse
import json
import re
import sys

START = "<!-- load-results:start -->"
END = "<!-- load-results:end -->"


def ms(us):
    return "%.1f" % (us / 1000.0)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--results", required=True)
    p.add_argument("--log")
    p.add_argument("--update", help="a Markdown file whose load-results block is replaced")
    args = p.parse_args()
    rows = [json.loads(line) for line in open(args.results) if line.strip()]
    machine = next((r for r in rows if r["name"] == "machine"), None)
    runs = [r for r in rows if "rps" in r]
    baseline = {r["connections"]: r for r in runs if r["name"] == "baseline"}
    out = []
    if machine:
        out.append("Run of %s on %s: %s, %d cores, %s RAM, %s; %s; load average %s at the start "
                   "(other engineers' builds share this machine)." % (
                       machine["date"], machine["host"], machine["cpu"], machine["cores"],
                       machine["memory"], machine["kernel"], machine["java"], machine["load"]))
        out.append("")
    out.append("| run | connections | requests/s | p50 ms | p90 ms | p99 ms | max ms | errors "
               "| req/s vs baseline | p99 vs baseline | service CPU % | CPU ms/request | service RSS MiB |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in runs:
        errors = r["connect"] + r["read"] + r["write"] + r["status"] + r["timeout"]
        base = baseline.get(r["connections"])
        if r["name"] == "decisions" and base:
            ratio = "%.0f%%" % (100.0 * r["rps"] / base["rps"])
            p99 = "%.2f×" % (r["p99"] / base["p99"])
        else:
            ratio = p99 = "—"
        label = {"baseline": "baseline (static JSON, same process)",
                 "decisions": "delivery, 3 slots",
                 "events": "events, batches of 10 (%.0f events/s accepted)" % (
                     (r["requests"] - r["status"]) * 10 / r["seconds"])}.get(r["name"], r["name"])
        out.append("| %s | %d | %.0f | %s | %s | %s | %s | %d | %s | %s | %.0f | %.2f | %d |" % (
            label, r["connections"], r["rps"], ms(r["p50"]), ms(r["p90"]), ms(r["p99"]),
            ms(r["max"]), errors, ratio, p99, r["cpu_percent"],
            r["cpu_percent"] * 10 / r["rps"], r["rss_mib"]))
    out.append("")
    for r in rows:
        if r["name"] == "snapshot-rebuild":
            out.append("- Snapshot rebuild of the bulk-loaded space (%d variants, 1,000 slots, 200 "
                       "segments) after its change marker moved: **%s ms**." % (r["variants"], r["ms"]))
        if r["name"] == "publish-under-load":
            out.append("- Publish under load (64 connections on the delivery API): the publish call "
                       "took %s ms (it rebuilds this node's snapshot before answering); the new "
                       "variant was served %s ms after the call started." % (r["publish_ms"], r["served_ms"]))
        if r["name"] == "document":
            out.append("- Answer size: %d bytes for 3 slots; the baseline serves a recorded answer of "
                       "the same size." % r["bytes"])
    table = "\n".join(out)
    print(table)
    if args.update:
        text = open(args.update).read()
        if START not in text or END not in text:
            sys.exit(f"{args.update} has no {START} … {END} block")
        text = re.sub(re.escape(START) + ".*?" + re.escape(END),
                      lambda m: START + "\n" + table + "\n" + END, text, flags=re.S)
        open(args.update, "w").write(text)


if __name__ == "__main__":
    main()
