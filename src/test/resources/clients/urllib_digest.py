"""Fetch a URL with Python's own urllib Digest handler (MD5 only); print the status and X-Authd-User.

usage: urllib_digest.py URL REALM USER PASSWORD
Exit 0 whatever the status: the test reads the printed status.
"""
import sys
import urllib.error
import urllib.request

url, realm, user, password = sys.argv[1:5]
passwords = urllib.request.HTTPPasswordMgr()
passwords.add_password(realm, url, user, password)
opener = urllib.request.build_opener(urllib.request.HTTPDigestAuthHandler(passwords))
try:
    with opener.open(url, timeout=10) as response:
        print(response.status, response.headers.get("X-Authd-User", ""))
except urllib.error.HTTPError as e:
    print(e.code, "")
