#!/usr/bin/env python3
"""Summary of a JMH JSON result (benchmarks/jmh.sh): each benchmark's ns/op and its ratio to the baseline of its
class with the same parameters, then the goals of issue 7 (Digest verify <= 2 x baseline, nonce mint <= 1 us)."""
import json
import sys

TO_NS = {"ns/op": 1.0, "us/op": 1e3, "\u00b5s/op": 1e3, "ms/op": 1e6, "s/op": 1e9}


def rows(results):
    for r in results:
        cls, _, method = r["benchmark"].rpartition(".")
        unit = r["primaryMetric"]["scoreUnit"]
        scale = TO_NS.get(unit)
        if scale is None:
            raise SystemExit(f"jmh-summary: unit {unit} is not a time per operation (use -bm avgt)")
        params = r.get("params") or {}
        yield {"class": cls.rpartition(".")[2], "method": method,
               "params": ",".join(f"{k}={v}" for k, v in sorted(params.items())),
               # JMH writes the error as "NaN" (a string) when one iteration gives none.
               "ns": float(r["primaryMetric"]["score"]) * scale, "err": float(r["primaryMetric"]["scoreError"]) * scale}


def main(path):
    with open(path) as f:
        table = list(rows(json.load(f)))
    baselines = {(r["class"], r["params"]): r["ns"] for r in table if r["method"] == "baseline"}
    head = f"{'benchmark':<42} {'params':<28} {'ns/op':>12} {'± error':>10} {'x baseline':>10}"
    print(head)
    print("-" * len(head))
    for r in sorted(table, key=lambda r: (r["class"], r["params"], r["method"] != "baseline", r["method"])):
        base = baselines.get((r["class"], r["params"])) or baselines.get((r["class"], ""))
        ratio = f"{r['ns'] / base:.2f}" if base else "-"
        print(f"{r['class'] + '.' + r['method']:<42} {r['params']:<28} {r['ns']:>12.1f} {r['err']:>10.1f} {ratio:>10}")
    goals(table, baselines)


def goals(table, baselines):
    print()
    for r in table:
        base = baselines.get((r["class"], r["params"]))
        if r["class"] == "DigestVerifyBenchmark" and r["method"] in ("verify", "verifyAsServed") and base:
            ratio = r["ns"] / base
            print(f"goal {r['method']} <= 2 x baseline ({r['params']}): {ratio:.2f} x "
                  f"-> {'met' if ratio <= 2 else 'NOT met'}")
        if r["class"] == "NonceBenchmark" and r["method"] == "mint":
            print(f"goal nonce mint <= 1000 ns: {r['ns']:.0f} ns -> {'met' if r['ns'] <= 1000 else 'NOT met'}")


if __name__ == "__main__":
    main(sys.argv[1])
