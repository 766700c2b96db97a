#!/usr/bin/env python3
"""Times `authgate probe` running its whole fast catalogue against the bundled testbed
on loopback (hardened mode, so every check runs to its end), for the JSON-API profile,
the cookie-session profile, the OAuth authorization server and the OpenID relying
party, at the profile's default rate (50 requests/s) and unthrottled. Each run gets a
fresh testbed: brute force locks the throwaway account.

    python3 bench/probe/run.py [--runs N]

Builds release binaries first. Prints a Markdown table; results.md holds the last one.
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def build():
    subprocess.run(["cargo", "build", "--release", "--locked", "-q", "-p", "authgate", "-p", "authgate-testbed"], cwd=ROOT, check=True)
    target = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
    return os.path.join(target, "release", "authgate"), os.path.join(target, "release", "authgate-testbed")


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_testbed(testbed, workdir, example):
    env_file = os.path.join(workdir, "testbed.env")
    out = open(env_file, "w")
    extra_env = {}
    if example == "oauth.toml":
        args = ["--as", "--port", "0"]
    elif example == "rp.toml":
        provider = free_port()
        extra_env = {"RP_SECRET": "bench-" + str(os.getpid()), "PROVIDER_PORT": str(provider)}
        args = ["--rp", "--provider", f"http://127.0.0.1:{provider}", "--client-id", "app", "--client-secret-env", "RP_SECRET", "--port", "0"]
    else:
        args = ["--port", "0", "--reset-dir", os.path.join(workdir, "testbed-reset")]
    proc = subprocess.Popen([testbed] + args, stdout=out, stderr=subprocess.DEVNULL, cwd=workdir, env={**os.environ, **extra_env})
    deadline = time.time() + 10
    while time.time() < deadline:
        text = open(env_file).read()
        m = re.search(r"# listening on (http://\S+)", text)
        if m:
            env = dict(os.environ)
            for k, v in re.findall(r"^export (\w+)='?(.*?)'?$", text, re.M | re.S):
                env[k] = v
            key = re.search(r"export TESTBED_SIGNING_KEY='(.*?)'", text, re.S)
            if key:
                env["TESTBED_SIGNING_KEY"] = key.group(1)
            env.update(extra_env)
            return proc, m.group(1), env
        time.sleep(0.05)
    proc.kill()
    sys.exit("the testbed did not start")


def profile(example, base, workdir, unthrottled):
    text = open(os.path.join(ROOT, "examples", "probe", example)).read()
    for default in ["http://127.0.0.1:8081", "http://127.0.0.1:8300", "http://127.0.0.1:8400"]:
        if f'base-url = "{default}"' in text:
            text = text.replace(f'base-url = "{default}"', f'base-url = "{base}"')
    text = re.sub(r"^rate = .*$", "", text, flags=re.M)
    if unthrottled:
        text = text.replace("[target]\n", "[target]\nrate = 100000\n", 1)
    path = os.path.join(workdir, example)
    open(path, "w").write(text)
    return path


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    authgate, testbed = build()
    rows = []
    for example in ["api.toml", "web.toml", "oauth.toml", "rp.toml"]:
        for unthrottled in [False, True]:
            times, requests, counts = [], None, None
            for _ in range(args.runs):
                with tempfile.TemporaryDirectory() as workdir:
                    proc, base, env = start_testbed(testbed, workdir, example)
                    try:
                        path = profile(example, base, workdir, unthrottled)
                        t = time.perf_counter()
                        command = [authgate, "probe", "-p", path, "--format", "json", "-q"]
                        if "PROVIDER_PORT" in env:
                            command += ["--provider-bind", f"127.0.0.1:{env['PROVIDER_PORT']}"]
                        run = subprocess.run(command, env=env, cwd=workdir, capture_output=True, text=True)
                        times.append(time.perf_counter() - t)
                        if run.returncode != 0:
                            sys.exit(f"probe exited {run.returncode}: {run.stderr}{run.stdout[-2000:]}")
                        import json
                        report = json.loads(run.stdout)
                        requests = report["requests"]
                        counts = report["summary"]
                    finally:
                        proc.kill()
                        proc.wait()
            rows.append((example, "unthrottled" if unthrottled else "default rate (50/s)", statistics.median(times), min(times), max(times), requests, counts))
    print(f"| profile | rate | median s | min s | max s | requests | pass / skip |")
    print("|---|---|---|---|---|---|---|")
    for example, rate, med, lo, hi, req, c in rows:
        print(f"| {example} | {rate} | {med:.2f} | {lo:.2f} | {hi:.2f} | {req} | {c['pass']} / {c['skip']} |")


if __name__ == "__main__":
    main()
