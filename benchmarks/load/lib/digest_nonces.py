"""Writes the nonces file of benchmarks/load/wrk/digest.lua: "ALGORITHM REALM URI", then "USER HA1 NONCE OPAQUE"
per user. Run by side-by-side.sh before every wrk run, because each run starts its nonce-counts at 1.

  python3 digest_nonces.py authd|apache|echo URL USERS-FILE REALM ALGORITHM URI OUT

authd: one POST /v1/challenge per user (keep-alive), a nonce of its own for each. apache: one GET of URI without
credentials per user, whose 401 carries a nonce (mod_auth_digest's nonces are per realm and second) and an opaque
of its own: mod_auth_digest identifies a client by its opaque and, with AuthDigestNcCheck, wants each client's
nonce-counts strictly increasing, so every user gets its own client (the users are round-robin, so one user's
requests never overtake each other). echo: no server is asked; random nonces and opaques as long as authd's
(48 and 16 characters), so the echo server gets bodies of the same size as authd.
"""
import hashlib
import http.client
import json
import re
import secrets
import sys
import urllib.parse

HASHES = {"MD5": hashlib.md5, "SHA-256": hashlib.sha256}


def param(challenge, name):
    m = re.search(r'(?:^|[\s,])' + name + r'=(?:"([^"]*)"|([^\s,]+))', challenge)
    return None if m is None else (m.group(1) if m.group(1) is not None else m.group(2))


def authd_challenge(conn, realm, algorithm):
    body = json.dumps({"protocol": "http", "realm": realm, "algorithms": [algorithm],
                       "clientAddress": "192.0.2.10"})
    conn.request("POST", "/v1/challenge", body, {"Content-Type": "application/json"})
    resp = conn.getresponse()
    data = resp.read()
    decision = json.loads(data)
    for h in decision.get("headers", []):
        if h["name"] == "WWW-Authenticate" and h["value"].startswith("Digest ") \
                and param(h["value"], "algorithm") == algorithm:
            return h["value"]
    raise SystemExit(f"POST /v1/challenge answered {resp.status} {data[:300]!r}: no Digest {algorithm} challenge")


def apache_challenge(conn, uri):
    conn.request("GET", uri)
    resp = conn.getresponse()
    resp.read()
    value = resp.getheader("WWW-Authenticate") or ""
    if resp.status != 401 or not value.startswith("Digest "):
        raise SystemExit(f"GET {uri} without credentials answered {resp.status} {value!r}, not a Digest 401")
    return value


def main():
    peer, url, users_file, realm, algorithm, uri, out = sys.argv[1:]
    target = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
    challenges = {"apache": lambda: apache_challenge(conn, uri),
                  "authd": lambda: authd_challenge(conn, realm, algorithm),
                  "echo": lambda: f'Digest nonce="{secrets.token_urlsafe(36)}", opaque="{secrets.token_urlsafe(12)}"'}
    users = [line.rstrip("\n").split(":", 1) for line in open(users_file) if line.strip()]
    with open(out, "w") as f:
        f.write(f"{algorithm} {realm} {uri}\n")
        for user, password in users:
            challenge = challenges[peer]()
            nonce, opaque = param(challenge, "nonce"), param(challenge, "opaque") or "-"
            ha1 = HASHES[algorithm](f"{user}:{realm}:{password}".encode()).hexdigest()
            f.write(f"{user} {ha1} {nonce} {opaque}\n")
    conn.close()


if __name__ == "__main__":
    main()
