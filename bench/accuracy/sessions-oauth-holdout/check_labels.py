#!/usr/bin/env python3
"""Verify the sessions-oauth-holdout accuracy labels and merge them into labels.json (stdlib only).

At least 5 flaw and 5 safe cases per control and language; language from the cases/<language>/ directory (so .sql, .prisma, .yml count for their app).
See ../labels.py for what is checked. Usage: python3 check_labels.py [--check] [--language L]
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the corpus
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import labels  # noqa: E402

CONTROLS = {"SES-FIX", "COOKIE", "CSRF", "OAUTH", "REDIRECT", "CRED-REVOKE", "CRED-ROTATE", "PW-HASH"}

if __name__ == "__main__":
    sys.exit(labels.check(os.path.dirname(os.path.abspath(__file__)), CONTROLS, 5, labels.language_by_directory, languages=sorted(labels.LANGUAGES)))
