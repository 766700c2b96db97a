#!/usr/bin/env python3
"""Generate the SECRETS accuracy corpus (cases/), labels.yml, labels.json and README.md.

Reproducible: a fixed seed drives every random value.  Every value is synthetic
(random characters in the vendor's format, with correct checksums where the
format has one); nothing here is, or was derived from, a real credential.

Templates (templates.py) are plain text with two kinds of markup:

  @@type:name@@                  replaced by a generated value of `type`; the same
                                 type:name pair always yields the same value.
  %%F kind [N] | note            (own line, removed) the next output line starts a
  %%S kind [N] | note              flaw (F) or safe (S) case spanning N lines.  N is
                                 optional: 1, or BEGIN..END for a PEM block.

Usage:  python3 tools/generate.py      (from anywhere; writes next to tools/)
"""
import base64
import gzip
import json
import os
import re
import shutil
import string
import struct
import sys
import uuid
import zlib
import random
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)  # bench/accuracy/secrets
sys.dont_write_bytecode = True  # keep tools/ free of __pycache__
sys.path.insert(0, HERE)

SEED = 0x5EC2E75  # fixed: the corpus is reproducible byte for byte
rng = random.Random(SEED)

UPPER = string.ascii_uppercase
LOWER = string.ascii_lowercase
DIGITS = string.digits
ALNUM = UPPER + LOWER + DIGITS
HEX = "0123456789abcdef"
B32 = UPPER + "234567"
URLSAFE = ALNUM + "-_"
B62 = DIGITS + UPPER + LOWER  # GitHub / npm checksum alphabet


def rs(alphabet, n):
    return "".join(rng.choice(alphabet) for _ in range(n))


def rbytes(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def b64(b):
    return base64.b64encode(b).decode()


def b64u(b):
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def base62(num, width=6):
    out = ""
    while num:
        num, r = divmod(num, 62)
        out = B62[r] + out
    return out.rjust(width, "0")


def crc_token(prefix):
    """GitHub ghp_/gho_/ghu_/ghs_/ghr_ and npm_ tokens: 30 random + 6-char base62 CRC32."""
    body = rs(ALNUM, 30)
    return prefix + body + base62(zlib.crc32(body.encode()) & 0xFFFFFFFF)


def password(n=20):
    while True:
        s = rs(UPPER + LOWER, 1) + rs(ALNUM + "-_!*%^", n - 1)
        if any(c.isdigit() for c in s) and any(c.isupper() for c in s) and any(c.islower() for c in s):
            return s


def urlpw(n=20):
    while True:
        s = rs(ALNUM, n)
        if any(c.isdigit() for c in s) and any(c.isupper() for c in s) and any(c.islower() for c in s):
            return s


# ---------------------------------------------------------------- PEM & keys
def wrap(s, width=64):
    return "\n".join(s[i:i + width] for i in range(0, len(s), width))


def pem(label, der, width=64):
    return f"-----BEGIN {label}-----\n{wrap(b64(der), width)}\n-----END {label}-----"


def hi(n):
    """n random bytes whose first byte has the top bit set (a big integer)."""
    return bytes([rng.randint(0xC0, 0xFF)]) + rbytes(n - 1)


def der_rsa_pkcs1():
    prefix = bytes.fromhex("308204a40201000282010100")
    body = prefix + hi(256)
    return body + rbytes(1192 - len(body))


def der_rsa_pkcs8():
    prefix = bytes.fromhex("308204be020100300d06092a864886f70d0101010500048204a8308204a40201000282010100")
    body = prefix + hi(256)
    return body + rbytes(1218 - len(body))


def der_ec_sec1():
    return (bytes.fromhex("30770201010420") + rbytes(32)
            + bytes.fromhex("a00a06082a8648ce3d030107a14403420004") + rbytes(64))


def der_ec_pkcs8():
    return (bytes.fromhex("308187020100301306072a8648ce3d020106082a8648ce3d030107046d306b0201010420")
            + rbytes(32) + bytes.fromhex("a14403420004") + rbytes(64))


def der_rsa_spki():
    return (bytes.fromhex("30820122300d06092a864886f70d01010105000382010f003082010a0282010100")
            + hi(256) + bytes.fromhex("0203010001"))


def der_cert():
    prefix = bytes.fromhex("3082036b30820253a003020102021400") + rbytes(19)
    return prefix + rbytes(879 - len(prefix))


def sshstr(b):
    return struct.pack(">I", len(b)) + b


def openssh_ed25519(comment):
    pub, seed, check = rbytes(32), rbytes(32), rbytes(4)
    pubblob = sshstr(b"ssh-ed25519") + sshstr(pub)
    priv = check + check + sshstr(b"ssh-ed25519") + sshstr(pub) + sshstr(seed + pub) + sshstr(comment.encode())
    i = 1
    while len(priv) % 8:
        priv += bytes([i])
        i += 1
    body = (b"openssh-key-v1\x00" + sshstr(b"none") + sshstr(b"none") + sshstr(b"")
            + struct.pack(">I", 1) + sshstr(pubblob) + sshstr(priv))
    return pem("OPENSSH PRIVATE KEY", body, width=70)


def crc24(data):
    crc = 0xB704CE
    for byte in data:
        crc ^= byte << 16
        for _ in range(8):
            crc <<= 1
            if crc & 0x1000000:
                crc ^= 0x1864CFB
    return crc & 0xFFFFFF


def pgp_armor(kind, packets):
    crc = struct.pack(">I", crc24(packets))[1:]
    return (f"-----BEGIN PGP {kind} KEY BLOCK-----\n\n{wrap(b64(packets), 64)}\n={b64(crc)}\n"
            f"-----END PGP {kind} KEY BLOCK-----")


def pgp_packets(secret):
    uid = b"Acme Release Signing <release@acme.example>"
    t = struct.pack(">I", 1700000000 + rng.randint(0, 20000000))
    if secret:
        key = b"\x95\x03\x98\x04" + t + b"\x01" + rbytes(920 - 6)
        sub = b"\x9d\x03\x98\x04" + t + b"\x01" + rbytes(920 - 6)
    else:
        key = b"\x99\x01\x0d\x04" + t + b"\x01" + rbytes(269 - 6)
        sub = b"\xb9\x01\x0d\x04" + t + b"\x01" + rbytes(269 - 6)
    uidp = bytes([0xB4, len(uid)]) + uid
    sig1 = b"\x89\x01\xd4" + rbytes(0x1D4)
    sig2 = b"\x89\x01\xb6" + rbytes(0x1B6)
    return key + uidp + sig1 + sub + sig2


# ---------------------------------------------------------------- other blobs
def png(w=8, h=8):
    raw = b"".join(b"\x00" + rbytes(w * 3) for _ in range(h))

    def chunk(tag, data):
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)
    return b64(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def woff2():
    body = rbytes(260)
    return b64(b"wOF2\x00\x01\x00\x00" + struct.pack(">I", 12 + len(body)) + b"\x00\x0b" + b"\x00\x00" + body)


def varint(n):
    out = b""
    while True:
        b = n & 0x7F
        n >>= 7
        if n:
            out += bytes([b | 0x80])
        else:
            return out + bytes([b])


def proto():
    def fstr(num, s):
        return bytes([(num << 3) | 2]) + varint(len(s)) + s

    inner = fstr(1, ("cus_" + rs(ALNUM, 14)).encode()) + bytes([2 << 3]) + varint(1715600000 + rng.randint(0, 99999))
    msg = (fstr(1, ("ord_" + rs(ALNUM, 16)).encode()) + bytes([2 << 3]) + varint(rng.randint(100, 99999))
           + fstr(3, b"EUR") + fstr(4, inner))
    return b64(msg)


def sshrsa():
    e = b"\x01\x00\x01"
    n = b"\x00" + hi(256)
    return "ssh-rsa " + b64(sshstr(b"ssh-rsa") + sshstr(e) + sshstr(n))


def sshed():
    return "ssh-ed25519 " + b64(sshstr(b"ssh-ed25519") + sshstr(rbytes(32)))


def sshecdsa():
    return "ecdsa-sha2-nistp256 " + b64(sshstr(b"ecdsa-sha2-nistp256") + sshstr(b"nistp256") + sshstr(b"\x04" + rbytes(64)))


def jwt_token(alg, payload, kid=None):
    header = {"alg": alg, "typ": "JWT"}
    if kid:
        header["kid"] = kid
    siglen = {"HS256": 32, "HS512": 64, "RS256": 256, "ES256": 64}[alg]
    sep = (",", ":")
    return ".".join([b64u(json.dumps(header, separators=sep).encode()),
                     b64u(json.dumps(payload, separators=sep).encode()),
                     b64u(rbytes(siglen))])


def ts():
    return 1712000000 + rng.randint(0, 9000000)


def jwt_hs(name):
    iat = ts()
    alg = rng.choice(["HS256", "HS256", "HS512"])
    payload = {"sub": "usr_" + rs(ALNUM, 12), "iss": "https://auth.acme.example", "aud": "acme-api",
               "iat": iat, "exp": iat + rng.choice([900, 3600, 86400]),
               "scope": rng.choice(["invoices:read invoices:write", "orders:read", "admin"])}
    return jwt_token(alg, payload)


def jwt_rs(name):
    iat = ts()
    payload = {"sub": str(uuid.UUID(int=rng.getrandbits(128), version=4)), "email": "ops-admin@acme.example",
               "roles": ["admin"], "iss": "https://auth.acme.example", "iat": iat, "exp": iat + 3600}
    return jwt_token("RS256", payload, kid=rs(HEX, 16))


def jwt_k8s(name):
    iat = ts()
    payload = {"aud": ["https://kubernetes.default.svc"], "exp": iat + 31536000, "iat": iat,
               "iss": "https://kubernetes.default.svc",
               "kubernetes.io": {"namespace": "ci", "serviceaccount": {
                   "name": "deployer", "uid": str(uuid.UUID(int=rng.getrandbits(128), version=4))}},
               "nbf": iat, "sub": "system:serviceaccount:ci:deployer"}
    return jwt_token("RS256", payload, kid=b64u(rbytes(32)))


def pypi_token():
    mac = (b"\x02\x01\x08pypi.org\x02\x24" + str(uuid.UUID(int=rng.getrandbits(128), version=4)).encode()
           + b"\x00\x02\x2a" + b'[1,["acme-worker"]]'.ljust(42, b" ")
           + b"\x00\x02\x14" + b'{"version":1}'.ljust(20, b" ")
           + b"\x00\x00\x06\x20" + rbytes(32))
    return "pypi-" + b64u(mac)


def sklive(prefix):
    if rng.random() < 0.5:
        return prefix + rs(ALNUM, 24)
    return prefix + "51" + rs(ALNUM, 97)


GEN = {
    # credentials
    "akia": lambda n: "AKIA" + rs(B32, 16),
    "asia": lambda n: "ASIA" + rs(B32, 16),
    "awssecret": lambda n: rs(ALNUM + "/+", 40),
    "aiza": lambda n: "AIza" + rs(URLSAFE, 35),
    "azkey": lambda n: b64(rbytes(64)),
    "sbkey": lambda n: b64(rbytes(32)),
    "ghp": lambda n: crc_token("ghp_"),
    "gho": lambda n: crc_token("gho_"),
    "ghu": lambda n: crc_token("ghu_"),
    "ghs": lambda n: crc_token("ghs_"),
    "ghr": lambda n: crc_token("ghr_"),
    "ghfg": lambda n: "github_pat_11" + rs(UPPER + DIGITS, 20) + "_" + rs(ALNUM, 59),
    "glpat": lambda n: "glpat-" + rs(URLSAFE, 20),
    "glptt": lambda n: "glptt-" + rs(HEX, 40),
    "gldt": lambda n: "gldt-" + rs(URLSAFE, 20),
    "glrt": lambda n: "glrt-" + rs(URLSAFE, 20),
    "xoxb": lambda n: f"xoxb-{rs(DIGITS, 12)}-{rs(DIGITS, 13)}-{rs(ALNUM, 24)}",
    "xoxp": lambda n: f"xoxp-{rs(DIGITS, 12)}-{rs(DIGITS, 12)}-{rs(DIGITS, 13)}-{rs(HEX, 32)}",
    "xapp": lambda n: f"xapp-1-A{rs(UPPER + DIGITS, 10)}-{rs(DIGITS, 13)}-{rs(HEX, 64)}",
    "slackhook": lambda n: f"T{rs(UPPER + DIGITS, 8)}/B{rs(UPPER + DIGITS, 10)}/{rs(ALNUM, 24)}",
    "sklive": lambda n: sklive("sk_live_"),
    "rklive": lambda n: sklive("rk_live_"),
    "pklive": lambda n: "pk_live_51" + rs(ALNUM, 97),
    "twsk": lambda n: "SK" + rs(HEX, 32),
    "twac": lambda n: "AC" + rs(HEX, 32),
    "sg": lambda n: "SG." + rs(URLSAFE, 22) + "." + rs(URLSAFE, 43),
    "npm": lambda n: crc_token("npm_"),
    "pypi": lambda n: pypi_token(),
    "openai_proj": lambda n: "sk-proj-" + rs(URLSAFE, 74) + "T3BlbkFJ" + rs(URLSAFE, 74),
    "openai_proj_plain": lambda n: "sk-proj-" + rs(URLSAFE, 156),
    "openai_legacy": lambda n: "sk-" + rs(ALNUM, 20) + "T3BlbkFJ" + rs(ALNUM, 20),
    "anthropic": lambda n: "sk-ant-api03-" + rs(URLSAFE, 93) + "AA",
    "jwt_hs": jwt_hs,
    "jwt_rs": jwt_rs,
    "jwt_k8s": jwt_k8s,
    "pw": lambda n: password(),
    "urlpw": lambda n: urlpw(),
    "djsecret": lambda n: rs("abcdefghijklmnopqrstuvwxyz0123456789!#$%^&*(-_=+)", 50),
    # private keys
    "pem_rsa": lambda n: pem("RSA PRIVATE KEY", der_rsa_pkcs1()),
    "pem_rsa_escaped": lambda n: pem("RSA PRIVATE KEY", der_rsa_pkcs1()).replace("\n", "\\n"),
    "pem_pkcs8": lambda n: pem("PRIVATE KEY", der_rsa_pkcs8()),
    "pem_pkcs8_escaped": lambda n: pem("PRIVATE KEY", der_rsa_pkcs8()).replace("\n", "\\n") + "\\n",
    "pem_pkcs8ec": lambda n: pem("PRIVATE KEY", der_ec_pkcs8()),
    "pem_ec": lambda n: pem("EC PRIVATE KEY", der_ec_sec1()),
    "pem_openssh": lambda n: openssh_ed25519(n + "@acme"),
    "pem_pgp": lambda n: pgp_armor("PRIVATE", pgp_packets(True)),
    # public material & blobs (safe)
    "pubpem": lambda n: pem("PUBLIC KEY", der_rsa_spki()),
    "cert": lambda n: pem("CERTIFICATE", der_cert()),
    "cadata": lambda n: b64((pem("CERTIFICATE", der_cert()) + "\n").encode()),
    "pgppub": lambda n: pgp_armor("PUBLIC", pgp_packets(False)),
    "sshrsa": lambda n: sshrsa(),
    "sshed": lambda n: sshed(),
    "sshecdsa": lambda n: sshecdsa(),
    "b64u256": lambda n: b64u(hi(256)),
    "png": lambda n: png(),
    "woff2": lambda n: woff2(),
    "proto": lambda n: proto(),
    "gzjson": lambda n: b64(gzip.compress(json.dumps(
        [{"order_id": "ord_" + rs(ALNUM, 16), "amount": rng.randint(100, 99999), "currency": "EUR"}
         for _ in range(3)]).encode(), 9, mtime=0)),
    "bcrypt": lambda n: "$2b$12$" + rs("./" + ALNUM, 53),
    "argon2": lambda n: "$argon2id$v=19$m=65536,t=3,p=4$" + b64(rbytes(16)).rstrip("=") + "$" + b64(rbytes(32)).rstrip("="),
    "sri512": lambda n: "sha512-" + b64(rbytes(64)),
    "h1b64": lambda n: b64(rbytes(32)),
    "b64_16": lambda n: b64(rbytes(16)),
    "b64_48": lambda n: b64(rbytes(48)),
    "b64u80": lambda n: b64u(rbytes(60)),
    "b64u28": lambda n: rs(URLSAFE, 28),
    # plain random strings / ids
    "uuid": lambda n: str(uuid.UUID(int=rng.getrandbits(128), version=4)),
    "hex16": lambda n: rs(HEX, 16),
    "hex20": lambda n: rs(HEX, 20),
    "hex32": lambda n: rs(HEX, 32),
    "hex40": lambda n: rs(HEX, 40),
    "hex64": lambda n: rs(HEX, 64),
    "alnum6": lambda n: rs(ALNUM, 6),
    "alnum24": lambda n: rs(ALNUM, 24),
    "alnum32": lambda n: rs(ALNUM, 32),
    "alnum40": lambda n: rs(ALNUM, 40),
    "lower4": lambda n: rs(LOWER + DIGITS, 4),
    "lower5": lambda n: rs(LOWER + DIGITS, 5),
    "lower32": lambda n: rs(LOWER + DIGITS, 32),
    "upper8": lambda n: rs(UPPER + DIGITS, 8),
    "digits6": lambda n: str(rng.randint(100000, 999999)),
    "digits12": lambda n: str(rng.randint(10 ** 11, 10 ** 12 - 1)),
    "digits21": lambda n: str(rng.randint(10 ** 20, 10 ** 21 - 1)),
    "awsacct": lambda n: str(rng.randint(10 ** 11, 10 ** 12 - 1)),
}

VALUES = {}


def value(typ, name):
    key = (typ, name)
    if key not in VALUES:
        v = GEN[typ](name)
        assert v not in VALUES.values(), f"value collision for {key}"
        VALUES[key] = v
    return VALUES[key]


# ---------------------------------------------------------------- rendering
PH = re.compile(r"@@([a-z0-9_]+):([A-Za-z0-9_.-]+)@@")
MARK = re.compile(r"^\s*%%([FS])\s+([a-z0-9-]+)(?:\s+(\d+))?\s*\|\s*(.*?)\s*$")
FLAW_KINDS = ["aws-access-key-id", "aws-secret-access-key", "gcp-service-account", "gcp-api-key",
              "azure-storage-key", "azure-connection-string", "github-pat", "github-fine-grained-pat",
              "github-oauth", "github-app-token", "gitlab-token", "slack-token", "slack-webhook",
              "stripe-secret-key", "twilio", "sendgrid", "npm-token", "pypi-token", "openai-key",
              "anthropic-key", "private-key", "jwt", "database-url", "url-credentials", "generic",
              "signing-key"]
SAFE_KINDS = ["placeholder", "env-lookup", "hash", "uuid-or-id", "base64-blob", "public-key",
              "identifier", "generated-key", "local-default"]


def count_occurrences(text, sub):
    n, i = 0, text.find(sub)
    while i != -1:
        n += 1
        i = text.find(sub, i + 1)
    return n


def choose_find(text, lines, idx):
    stripped = lines[idx].strip()
    line_start = sum(len(l) + 1 for l in lines[:idx])
    lead = len(lines[idx]) - len(lines[idx].lstrip())
    for n in range(min(len(stripped), 24), len(stripped) + 1):
        cand = stripped[:n]
        if cand.endswith(" "):
            continue
        if count_occurrences(text, cand) == 1:
            assert text.find(cand) == line_start + lead
            return cand
    raise SystemExit(f"no unique find for line {idx + 1}: {stripped[:80]!r}")


def render(relpath, template):
    out, cases, pending = [], [], None
    for tl in template.strip("\n").split("\n"):
        m = MARK.match(tl)
        if m:
            assert pending is None, f"{relpath}: two markers in a row near {tl!r}"
            label = "flaw" if m.group(1) == "F" else "safe"
            kind = m.group(2)
            assert kind in (FLAW_KINDS if label == "flaw" else SAFE_KINDS), f"{relpath}: bad kind {kind}"
            pending = {"label": label, "kind": kind, "n": int(m.group(3)) if m.group(3) else None,
                       "note": m.group(4)}
            continue
        assert "%%" not in tl, f"{relpath}: stray marker {tl!r}"
        indent = re.match(r"[ \t]*", tl).group(0)
        parts = PH.sub(lambda mm: value(mm.group(1), mm.group(2)), tl).split("\n")
        assert not re.search(r"@@[a-z0-9_]+:", PH.sub("", tl)), f"{relpath}: malformed placeholder {tl!r}"
        if pending is not None:
            pending["start"] = len(out)
            cases.append(pending)
            pending = None
        out.append(parts[0])
        out.extend(indent + p for p in parts[1:])
    assert pending is None, f"{relpath}: dangling marker"
    text = "\n".join(out) + "\n"
    used = set()
    labels = []
    for c in cases:
        start, n = c["start"], c["n"]
        if n is None:
            n = 1
            first = out[start]
            if "-----BEGIN" in first and "-----END" not in first:
                end = next(i for i in range(start + 1, len(out)) if "-----END" in out[i])
                n = end - start + 1
        span = set(range(start, start + n))
        assert not span & used, f"{relpath}: overlapping cases at line {start + 1}"
        assert start + n <= len(out)
        used |= span
        labels.append({"file": "cases/" + relpath, "find": choose_find(text, out, start), "lines": n,
                       "label": c["label"], "kind": c["kind"], "note": c["note"],
                       "_line": start + 1})
    return text, labels


def yaml_str(s):
    return json.dumps(s, ensure_ascii=True)


def main():
    from templates import FILES  # noqa: E402  (imported late so values are drawn in file order)

    cases_dir = os.path.join(ROOT, "cases")
    if os.path.isdir(cases_dir):
        shutil.rmtree(cases_dir)
    all_labels = []
    for relpath, template in FILES:
        text, labels = render(relpath, template)
        path = os.path.join(cases_dir, relpath)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", newline="\n") as fh:
            fh.write(text)
        if relpath.endswith((".json", ".ipynb")):
            json.loads(text)  # must stay valid JSON
        all_labels.extend(labels)

    try:  # optional sanity check of YAML files when PyYAML happens to be installed
        import yaml
        for relpath, _ in FILES:
            if relpath.endswith((".yml", ".yaml")):
                with open(os.path.join(cases_dir, relpath)) as fh:
                    list(yaml.safe_load_all(fh))
    except ImportError:
        pass

    public = [{k: v for k, v in l.items() if not k.startswith("_")} for l in all_labels]
    with open(os.path.join(ROOT, "labels.json"), "w") as fh:
        json.dump(public, fh, indent=1)
        fh.write("\n")
    with open(os.path.join(ROOT, "labels.yml"), "w") as fh:
        fh.write("# Generated by tools/generate.py -- edit the templates, not this file.\n")
        fh.write("# One entry per case; `find` occurs exactly once in `file` and sits on the case's first line.\n")
        for l in public:
            fh.write(f"- file: {yaml_str(l['file'])}\n")
            fh.write(f"  find: {yaml_str(l['find'])}\n")
            fh.write(f"  lines: {l['lines']}\n")
            fh.write(f"  label: {l['label']}\n")
            fh.write(f"  kind: {l['kind']}\n")
            fh.write(f"  note: {yaml_str(l['note'])}\n")
    write_readme(public, [p for p, _ in FILES])
    by_label = Counter(l["label"] for l in public)
    print(f"{len(FILES)} files, {by_label['flaw']} flaws, {by_label['safe']} safe")


def write_readme(labels, files):
    flaw = Counter(l["kind"] for l in labels if l["label"] == "flaw")
    safe = Counter(l["kind"] for l in labels if l["label"] == "safe")
    nfl, nsf = sum(flaw.values()), sum(safe.values())
    lines = [
        "# SECRETS accuracy corpus",
        "",
        "A labelled set of realistic, app-style files for measuring the precision and recall of the",
        "SECRETS control (no credentials in source, fixtures, comments, tests, CI config or logs).",
        "It was written from the control's specification only, without looking at the detectors.",
        "",
        "Every credential in `cases/` is **synthetic**: random characters in the vendor's format, with",
        "correct checksums where the format has one (GitHub `gh[pousr]_` and npm `npm_` tokens carry a",
        "base62 CRC32 of their random part). None is a real key and none is a vendor-documented",
        "example key. The whole tree is regenerated byte-for-byte by `tools/generate.py` (fixed seed)",
        "from `tools/templates.py`; edit the templates and re-run, never the generated files.",
        "",
        "## Labels",
        "",
        "`labels.yml` (and the identical `labels.json`) list one entry per case:",
        "",
        "```yaml",
        "- file: \"cases/billing/billing/settings.py\"  # relative to this directory",
        "  find: \"STRIPE_SECRET_KEY = \\\"sk_live_\"    # occurs exactly once in the file; the case starts on its line",
        "  lines: 1                                  # lines spanned (a PEM block: BEGIN .. END)",
        "  label: flaw                               # flaw = must be reported, safe = must not be",
        "  kind: stripe-secret-key",
        "  note: \"live Stripe secret key\"",
        "```",
        "",
        "Scoring suggestion: a finding whose line falls inside a case's line range hits that case.",
        "A flaw with at least one hit is a true positive, otherwise a false negative; a safe case with",
        "a hit is a false positive. Lines outside every case are plain filler and should produce no",
        "finding. Two cases never share a line. For a GCP service-account JSON only the",
        "`\"private_key\"` line is labelled (the rest of the object is unlabelled filler).",
        "",
        "`python3 check_labels.py` verifies the labels (stdlib only): every `find` occurs exactly once,",
        "line ranges are inside the file and do not overlap, PEM spans run BEGIN..END, GitHub/npm",
        "checksums and JWT headers are valid, labels.yml matches labels.json, and there are at least",
        "100 flaws and 100 safe cases.",
        "",
        f"## Counts ({nfl} flaws, {nsf} safe, {len(files)} files)",
        "",
        "| flaw kind | n |",
        "|---|---|",
    ]
    lines += [f"| {k} | {flaw[k]} |" for k in FLAW_KINDS if flaw[k]]
    lines += ["", "| safe kind | n |", "|---|---|"]
    lines += [f"| {k} | {safe[k]} |" for k in SAFE_KINDS if safe[k]]
    lines += [
        "",
        "## Decisions worth knowing",
        "",
        "- Hard-coded signing keys (`signing-key`) are flaws whatever the value, including `\"dev\"`,",
        "  `\"changeme\"`, `\"secret\"` and `\"keyboard cat\"`; the same words in an ordinary",
        "  password/token assignment are `placeholder` (safe).",
        "- `${VAR}` interpolation (compose, Spring, Maven, shell defaults) and `${{ secrets.X }}` are",
        "  labelled `placeholder`; reads through an API (`os.environ`, `process.env`, `os.Getenv`,",
        "  `System.getenv`, Vault/SSM/Key Vault references, `secretKeyRef`, `$CI_JOB_TOKEN`) are `env-lookup`.",
        "- Expired-looking or test-only JWTs and keys in tests/fixtures are still flaws (format-valid).",
        "- A PGP armored block is labelled from its BEGIN line to its END line (blank line and CRC included).",
        "- OpenSSH private keys are wrapped at 70 columns, as `ssh-keygen` writes them; PEM/PGP at 64.",
        "- One OpenAI `sk-proj-` key deliberately lacks the `T3BlbkFJ` marker (prefix-only style).",
        "- Twilio pairs are two-line cases (SID line + secret line) unless both sit in one call.",
        "- A random value under a JWT/webhook secret *name* in config (`JWT_SECRET=...` in .env,",
        "  `signing_secret=\"whsec_...\"`) is `generic`; `signing-key` is reserved for literals used",
        "  directly as a signing/session key in code (plus Django `SECRET_KEY`).",
        "- A token embedded in a URL is labelled with the token's own kind (e.g. `ghp_` in a git",
        "  remote URL is `github-pat`); `url-credentials` is for user:password URLs.",
        "- Public identifiers that look random are safe `uuid-or-id`: Stripe `pk_live_`, Google/Auth0",
        "  SPA client ids, Twilio `MG` Messaging Service SIDs, SendGrid `d-` template ids, AWS account ids.",
        "- A Stripe-Signature header value (an HMAC digest) is a safe `hash`; a Datadog `api_key` made",
        "  of 32 hex characters is a flaw (`generic`) despite looking like a digest.",
        "- `POSTGRES_PASSWORD: postgres`, `mysql://root:root@127.0.0.1/test`, `amqp://guest:guest@localhost`",
        "  and Azurite's `UseDevelopmentStorage=true` are `local-default`.",
        "- Inside service-account JSON/dicts no other field is labelled, so a finding that spans the",
        "  whole object cannot collide with a safe case.",
        "",
    ]
    with open(os.path.join(ROOT, "README.md"), "w") as fh:
        fh.write("\n".join(lines))


if __name__ == "__main__":
    main()
