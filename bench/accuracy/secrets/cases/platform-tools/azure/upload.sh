#!/usr/bin/env bash
set -euo pipefail

AZURE_SUBSCRIPTION_ID="34ce9aeb-a68c-47be-a6e4-4b28ce09d0b4"
AZURE_TENANT_ID="90603392-4eba-441e-851b-e909a49a34da"
AZURE_STORAGE_ACCOUNT=acmeexports
AZURE_STORAGE_KEY="fbpUpPfREMVXky69XaWvZqN/atD8RjVVK/JewSKXUMpQ9Lr+T+P1D1DBAqI8DIei4gYRyEo6DR2ujsIydgw1HA=="
AZURE_STORAGE_KEY_SECONDARY="$(az storage account keys list -n "$AZURE_STORAGE_ACCOUNT" --query '[1].value' -o tsv)"

az account set --subscription "$AZURE_SUBSCRIPTION_ID"
az storage blob upload-batch -d exports -s ./out --account-name "$AZURE_STORAGE_ACCOUNT" --account-key "$AZURE_STORAGE_KEY"
