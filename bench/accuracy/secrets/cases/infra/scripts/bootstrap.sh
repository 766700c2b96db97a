#!/usr/bin/env bash
# Bootstrap a fresh build agent.
set -euo pipefail

export GITHUB_TOKEN=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
DB_PASSWD='yV%T!rBexN%nB7M4!Zmo'
VAULT_DB_PASSWORD="$(vault kv get -field=password secret/billing/db)"
STRIPE_KEY="$(aws ssm get-parameter --name /prod/billing/stripe_secret_key --with-decryption --query Parameter.Value --output text)"
AGENT_SHA256=62dbca51c7dacc022a616723f7609054114ac6dd1a28b7a1962dcde02ceda8f2

python3 -m build
twine upload -u __token__ -p pypi-AgEIcHlwaS5vcmcCJDU4MDg0NDc3LWIwM2YtNDA4MC1iOWMyLTE0YjVhNzc4YWU5YgACKlsxLFsiYWNtZS13b3JrZXIiXV0gICAgICAgICAgICAgICAgICAgICAgIAACFHsidmVyc2lvbiI6MX0gICAgICAgAAAGILAsDnGT0PXYBCloi3ZuBpQW3IOsY5_Ph4C5RwdoOvNA dist/*
