import boto3
import pytest
from moto import mock_aws

from s3sync import sync


@pytest.fixture
def s3():
    with mock_aws():
        yield boto3.client(
            "s3",
            region_name="eu-west-1",
            aws_access_key_id="AKIA2MRMKDYCWQC27KKN",
            aws_secret_access_key="R6KiAm7/dSY9tBKvg1637hEz9bdQPwl81CzkFl5N",
        )


def test_sync(s3):
    role = "arn:aws:iam::517590305900:role/s3-sync"
    placeholder_key = "AKIAXXXXXXXXXXXXXXXX"
    assert sync(s3, role=role, key_id=placeholder_key) == 0
