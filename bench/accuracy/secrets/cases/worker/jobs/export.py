import os
import secrets

import boto3
from cryptography.fernet import Fernet

SESSION_KEY_ID = "ASIAPTXVGU5BOENGVRRN"
aws_secret = "jaJYbSU/HsN/QKZuLG4eqKa+PlNibUUiRjHKrMfA"
SCHEMA_SHA1 = "97ac060aa147e0fe5d11eea4ab0e01721b67e73b"
KMS_KEY_ARN = "arn:aws:kms:eu-west-1:361833966474:key/199262ec-dbc4-4004-ae15-bc5b4b918277"
EXPORT_SIGNING_KEY = secrets.token_urlsafe(48)
ARCHIVE_KEY = Fernet.generate_key()


def s3_client():
    return boto3.client("s3", aws_access_key_id=os.environ["AWS_ACCESS_KEY_ID"], aws_secret_access_key=os.environ["AWS_SECRET_ACCESS_KEY"])
