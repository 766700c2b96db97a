"""GitHub App helper used by the release bot."""
import os
import time

import jwt

APP_ID = 381946
INSTALLATION_ID = 49120377
APP_PRIVATE_KEY = """-----BEGIN RSA PRIVATE KEY-----
MIIEpAIBAAKCAQEAyEiiq/DaWKLt34stUfCApLvjcrUKa+enGElWEb4XE3hSxQMB
EXttXBGkx8jQgU780h1YrFnhIDD5+dNOE3kH9FIMco/iAsq01vs4e98BeRjhw1cc
jD/Xb5KamGCRyKwMwwm69TJ2qO7BpDBwAP/Na/3+uqRglPaklF2stc3WVjXoYH0d
9ZOKM8tDsBWVnqdAjdtjRQs9kQA1xArLpgPmdKySqi+AJuDrGEQWu+SomfbZHMKA
e42YErqtF/kVDTJBxm76bRF6aVEtPh/QlUuFapJtz5cvIt8fmlS96s4iSMmTn6YG
+eb24FgLuXky+RSGiLiDacrjyFHRGe02A5/IAx1vT/mxeZB+fj294Efo0nFs16Al
PRw4E54HB+0COUZah9+zeAgvPBfRSQJCqE5Z+853+rl2lkjW9WG85TesGua+YzqL
SCLhA7N6p1oidqWQyvzHbLfds0JVo9pH7cVsVUsRIQgwtV6p46hrixbCUVoO8TqM
UQtewkJV1iLSLu8zVMoy1+JonO98+wxu0pJGf5O/TWdnpdNYsBhh1Gfouk5wEoMe
9Eiz399hKtZ2cnLhvYCPO2jILBKyXO4LJlM628Gt/AE3uaISWiumsj5f1uf3qpvn
QT44vC2xQtndyx6gywoASzaiRbn53HToMyOv+wULy9jArG97yGcb7L0avTSzkpqf
CNIOM08FABmZlwWtD2C7E9QcaGUJroyVpFqSOorrtl2/m7gvU+1/suuIoGuLoWsE
HvKFTTXwuABmoqwhd2ff8NLHqGCNiON7cbbT1P4ug9XeSSeQOpe2nczVln/DQK1j
eHO8tn9ut0LI6G3hvMt3uqfn6sOPTms0O3D9P8fXg7VoMTFyy5Yb4Cj2jr2ZnER7
65ugRLr3/gcMNBaHI9Da/rOOk4qi7pD8HlIKoQzvCV/+hPIi1sKNoQ106XL0Z1NS
NVTyLlV36rLgg7WElYZc5tggRZDiQWETB40LDlcD4EIRKKwxnx/59ASXcgf++HCU
mkEMuBmUe+347bKRe1h79Po8mHOb4r38lfYkVKkLgKGpktyXU8R/XmJZl3I+X7ap
CRRXSaPBj2s2A39anXux5K9izUbx7PzvuNQeuwQAp8msDKAB/Cyv73AWL9X5s24E
59dBAxNBbOOeJT+hiCAKVn7FjUOXe13h9FJVo9RhU3163BNePe/aJMUZYvQWl8Ah
prWXvkC9Ee0tCqPglKDiEI5vzr/zdZeOddOf1dfj+wHGARJj8ik4kAkVvR+8WQem
UQKfqVSAWvjtsF5w6aYg88eILxgiuRVdHthHPs1Y9u3erEEF2MDF43AxY0qOEOLO
H2CS0OlJtTPLtUS2yWbxLqm2NixveMLvHBWzDckc3I8SR4r4ZtUtuGWAQ1stNji2
jiAUB3PBb0Vk19w3VXwMj/COiOrJjKp1IeRLoS2zxhgEZtnWLjiVU/sjWCLMGJQa
FplmGK9CdfbbuxH/tGVU4DfM+wXnyXIm9SZAF1jISP6n4mqFyFdLVQ9rBTPCczHR
0qDFC//hDp9yRhEu6AgvTdHWEZXDhzIv85Pig2cXUt3ueoY/6bMEYQ==
-----END RSA PRIVATE KEY-----"""

CACHED_INSTALLATION_TOKEN = "ghs_NAnyRce5eYRUXrIEi0u5XE0jzBwd7r4NyOoA"
ADMIN_PAT = "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"
# TODO: remove once the app has org admin scope
# token = "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"


def app_jwt() -> str:
    now = int(time.time())
    payload = {"iat": now - 60, "exp": now + 540, "iss": APP_ID}
    return jwt.encode(payload, APP_PRIVATE_KEY, algorithm="RS256")


def user_token() -> str:
    return os.environ["GITHUB_TOKEN"]
