"""The tables and ratios of benchmarks/load/side-by-side.sh, from its run lines (JSON, one per run): medians over
the rounds per (algorithm, configuration), then each ratio next to its goal (issue 7).

  python3 side_by_side_table.py RUN-LINES ALGORITHMS LOAD-SHARE SERVER-CPU DRIVER-CPU
"""
import json
import statistics
import sys

NAMES = {
    "echo": "ceiling: Vert.x echo (wrk)",
    "authd-json": "authd /v1/verify (wrk)",
    "authd-forward-auth": "authd /v1/forward-auth (wrk)",
    "apache": "Apache mod_auth_digest (wrk)",
    "dl-json": "authd JSON HTTP/1.1 (DigestLoad)",
    "dl-grpc": "authd gRPC Verify (DigestLoad)",
    "p99": "authd JSON, paced (DigestLoad)",
    "echo-2cores": "ceiling, 2 cores (wrk)",
    "authd-json-2cores": "authd /v1/verify, 2 cores (wrk)",
}


def med(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def f(v, spec):
    return "-" if v is None else format(v, spec)


def cpu_us(r):
    """Server CPU per request in µs: wrk runs carry it; DigestLoad's from its server cores and req/s."""
    if r.get("server_cpu_us_per_request") is not None:
        return r["server_cpu_us_per_request"]
    return r["server_cpu"] * 1e6 / r["rps"] if r.get("server_cpu") and r["rps"] else None


def main():
    path, algorithms, share, server_core, driver_core = sys.argv[1:]
    lines = [json.loads(l) for l in open(path) if l.strip()]
    if not lines:
        print("\nno configuration was measured")
        return
    algs = algorithms.split(",")
    print()
    print(f"{'algorithm':<9} {'configuration':<33} {'runs':>4} {'req/s':>9} {'p50 µs':>8} {'p99 µs':>8} "
          f"{'errors':>6} {'server CPU':>10} {'CPU µs/req':>10} {'driver CPU':>10}")
    rps, p99, us = {}, {}, {}
    for alg in algs:
        for config in NAMES:
            rows = [r for r in lines if r["algorithm"] == alg and r["configuration"] == config]
            if not rows:
                continue
            ok = all(r["errors"] == 0 for r in rows)
            rps[(alg, config)] = med([r["rps"] for r in rows]) if ok else None
            p99[(alg, config)] = med([r["p99_us"] for r in rows]) if ok else None
            us[(alg, config)] = med([cpu_us(r) for r in rows]) if ok else None
            print(f"{alg:<9} {NAMES[config]:<33} {len(rows):>4} {med([r['rps'] for r in rows]):>9,.0f} "
                  f"{med([r['p50_us'] for r in rows]):>8,.0f} {med([r['p99_us'] for r in rows]):>8,.0f} "
                  f"{sum(r['errors'] for r in rows):>6} {f(med([r.get('server_cpu') for r in rows]), '.2f'):>10} "
                  f"{f(med([cpu_us(r) for r in rows]), '.1f'):>10} {f(med([r.get('driver_cpu') for r in rows]), '.2f'):>10}")
    print()

    def ratio(label, a, b, goal=None, higher=True):
        x, y = rps.get(a), rps.get(b)
        if x is None or y is None:
            if a in rps and b in rps:
                print(f"{label:<48} n/a (errors)")
            return
        r = x / y
        mark = ""
        if goal is not None:
            mark = f"  goal >= {goal}: {'met' if (r >= goal) == higher else 'NOT met'}"
        print(f"{label:<48} {r:6.3f}{mark}")

    def per_core(label, a, b, goal):
        """req/s per server core (the inverse of CPU µs/req): fair even when the generator, not the server, set
        the pace of one configuration (a saturated driver column)."""
        x, y = us.get(a), us.get(b)
        if x and y:
            r = y / x
            print(f"{label:<48} {r:6.3f}  goal >= {goal}: {'met' if r >= goal else 'NOT met'}")

    for alg in algs:
        ratio(f"{alg}: authd-json / ceiling", (alg, "authd-json"), (alg, "echo"), 0.85)
        per_core(f"{alg}: authd-json / ceiling, per server core", (alg, "authd-json"), (alg, "echo"), 0.85)
        ratio(f"{alg}: authd-forward-auth / ceiling", (alg, "authd-forward-auth"), (alg, "echo"))
        ratio(f"{alg}: authd-json / Apache MD5", (alg, "authd-json"), ("MD5", "apache"), 4.5)
        ratio(f"{alg}: gRPC / JSON HTTP/1.1 (DigestLoad)", (alg, "dl-grpc"), (alg, "dl-json"), 1.0)
        if p99.get((alg, "p99")) is not None and rps.get((alg, "dl-json")):
            achieved = rps[(alg, "p99")] / rps[(alg, "dl-json")] * 100
            v = p99[(alg, "p99")] / 1000
            print(f"{alg + ': p99 at ' + format(achieved, '.0f') + '% of peak (asked ' + share + '%)':<48} "
                  f"{v:6.2f} ms  goal <= 2 ms: {'met' if v <= 2 else 'NOT met'}")
        elif (alg, "p99") in rps:
            print(f"{alg + ': p99 at ' + share + '% of peak':<48} n/a (errors)")
    a0 = algs[0]
    ratio(f"{a0}: ceiling, 2 cores / 1 core", (a0, "echo-2cores"), (a0, "echo"))
    ratio(f"{a0}: authd-json, 2 cores / 1 core", (a0, "authd-json-2cores"), (a0, "authd-json"))
    ratio(f"{a0}: authd-json / ceiling, both on 2 cores", (a0, "authd-json-2cores"), (a0, "echo-2cores"), 0.85)
    print(f"Cores: server {server_core}, generator {driver_core}; the 2-core runs give the server both, so the")
    print("generator shares one with it there. CPU columns: cores used over the measured time (server: its whole")
    print("process tree); CPU µs/req = server CPU time / requests. A driver near 1.00 would be the bottleneck.")
    print("Apache runs mod_auth_digest as Debian ships it (AuthDigestNcCheck off: no replay check), authd with its")
    print("replay protection on; Apache reads its AuthUserFile line by line on every request (see --users).")


if __name__ == "__main__":
    main()
