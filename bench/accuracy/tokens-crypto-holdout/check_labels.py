#!/usr/bin/env python3
"""Verify the tokens-crypto-holdout accuracy labels and merge them into labels.json (stdlib only).

At least 4 flaw and 4 safe cases per control and language; language from the file extension.
See ../labels.py for what is checked. Usage: python3 check_labels.py [--check] [--language L]
"""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ beside the corpus
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import labels  # noqa: E402

CONTROLS = {"TOK-VERIFY", "TOK-CLAIMS", "TOK-SCOPE", "PW-HASH", "CRYPTO", "EXPOSURE"}

if __name__ == "__main__":
    sys.exit(labels.check(os.path.dirname(os.path.abspath(__file__)), CONTROLS, 4, labels.language_by_extension))
