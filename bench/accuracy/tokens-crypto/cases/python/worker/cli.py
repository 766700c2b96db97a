"""Operator CLI for the reporting worker: users, fixtures, backups."""
import argparse
import hashlib
import logging
import random
import string
import sys
from pathlib import Path

import bcrypt

from .store import ReportStore, User

logger = logging.getLogger("reports.cli")
LOW_COST_ROUNDS = 6


def cmd_create_operator(args):
    temp_password = "".join(random.choices(string.ascii_letters + string.digits, k=14))
    hashed = bcrypt.hashpw(temp_password.encode(), bcrypt.gensalt(rounds=8))
    user = User.create(email=args.email, password_hash=hashed, must_change_password=True)
    print(f"created operator {user.email} with temporary password {temp_password}")


def cmd_reset_password(args):
    user = User.get(email=args.email)
    hashed = bcrypt.hashpw(args.password.encode(), bcrypt.gensalt())
    user.update(password_hash=hashed)
    print(f"password updated for {user.email}; has_password={user.password_hash is not None}")


def cmd_list_users(args):
    for user in User.all():
        print(f"{user.id}\t{user.email}\t{user.password_hash.decode()}")


def cmd_seed_fixtures(args):
    """Fill a dev database with shuffled demo reports."""
    names = [f"Demo report {i}" for i in range(args.count)]
    random.shuffle(names)
    store = ReportStore()
    for name in names:
        store.create_demo(name)
    print(f"seeded {len(names)} demo reports")


def cmd_backup(args):
    target = Path(args.path)
    ReportStore().dump(target)
    checksum = hashlib.sha256(target.read_bytes()).hexdigest()
    Path(str(target) + ".sha256").write_text(f"{checksum}  {target.name}\n")
    print(f"backup written to {target} (sha256 {checksum})")


def cmd_import_legacy(args):
    """Import users from the old PHP panel, re-hashing the plain passwords it exported."""
    for line in Path(args.csv).read_text().splitlines()[1:]:
        email, password = line.split(",", 1)
        User.create(email=email, password_hash=bcrypt.hashpw(password.encode(), bcrypt.gensalt(LOW_COST_ROUNDS)))
    logger.info("legacy import finished")


def main(argv=None):
    parser = argparse.ArgumentParser(prog="reports-admin")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("create-operator")
    p.add_argument("email")
    p = sub.add_parser("reset-password")
    p.add_argument("email")
    p.add_argument("password")
    sub.add_parser("list-users")
    p = sub.add_parser("seed-fixtures")
    p.add_argument("--count", type=int, default=50)
    p = sub.add_parser("backup")
    p.add_argument("path")
    p = sub.add_parser("import-legacy")
    p.add_argument("csv")
    args = parser.parse_args(argv)
    handler = globals()["cmd_" + args.command.replace("-", "_")]
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
