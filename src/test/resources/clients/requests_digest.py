"""Fetch a URL with python-requests' HTTPDigestAuth; print the status, X-Authd-User and the algorithm answered.

usage: requests_digest.py URL USER PASSWORD
Exit 0 whatever the status: the test reads what is printed.
"""
import re
import sys

import requests
from requests.auth import HTTPDigestAuth

url, user, password = sys.argv[1:4]
response = requests.get(url, auth=HTTPDigestAuth(user, password), timeout=10)
# The Authorization header of the last request sent: which algorithm requests chose from the challenge.
sent = response.request.headers.get("Authorization", "")
algorithm = re.search(r'algorithm="?([A-Za-z0-9-]+)', sent)
print(response.status_code, response.headers.get("X-Authd-User", "-"), algorithm.group(1) if algorithm else "-")
