"""Fetch a URL with python-requests' HTTPBasicAuth; print the status, X-Authd-User and X-Authd-Scheme.

usage: requests_basic.py URL USER PASSWORD [FORWARDED_PROTO]
FORWARDED_PROTO, when given, is sent as X-Forwarded-Proto (what a TLS-terminating proxy in front would add).
Exit 0 whatever the status: the test reads what is printed.
"""
import sys

import requests
from requests.auth import HTTPBasicAuth

url, user, password = sys.argv[1:4]
headers = {"X-Forwarded-Proto": sys.argv[4]} if len(sys.argv) > 4 else {}
response = requests.get(url, auth=HTTPBasicAuth(user, password), headers=headers, timeout=10)
print(response.status_code, response.headers.get("X-Authd-User", "-"), response.headers.get("X-Authd-Scheme", "-"))
