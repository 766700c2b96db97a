terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.40"
    }
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 3.100"
    }
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAFKENKQ55VLKTP374"
  secret_key = "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"

  assume_role {
    role_arn = "arn:aws:iam::993274661238:role/terraform-deploy"
  }
}

resource "aws_db_instance" "billing" {
  identifier     = "billing-prod"
  engine         = "postgres"
  instance_class = "db.t4g.medium"
  username       = "billing_admin"
  password       = var.db_password
}

resource "aws_db_instance" "analytics" {
  identifier     = "analytics-prod"
  engine         = "postgres"
  instance_class = "db.t4g.large"
  username       = "analytics_admin"
  password       = "LXLGjxmxwUmoxNq3Iu2D"
}

data "aws_ssm_parameter" "stripe" {
  name = "/prod/billing/stripe_secret_key"
}

resource "aws_lambda_function" "reconcile" {
  function_name = "billing-reconcile"
  role          = "arn:aws:iam::993274661238:role/lambda-reconcile"
  handler       = "main.handler"
  runtime       = "python3.12"
  filename      = "reconcile.zip"

  environment {
    variables = {
      STRIPE_SECRET_KEY = data.aws_ssm_parameter.stripe.value
    }
  }
}

resource "azurerm_linux_function_app" "exports" {
  name                = "acme-exports"
  resource_group_name = "rg-exports"
  location            = "westeurope"
  service_plan_id     = "/subscriptions/58b0f4d3-bc72-4243-bf3a-8c0678c129c4/resourceGroups/rg-exports/providers/Microsoft.Web/serverFarms/exports-plan"
  site_config {}

  app_settings = {
    STORAGE_KEY           = "WuPfh4ibdVapeJvyYU6+ireh3y8iNRu6zZ0uMrLDdrIYIbLetMYtyK61WzhBN1cOVsIUtPOKeCs94oE/bNWvCg=="
    SERVICEBUS_CONNECTION = "Endpoint=sb://acme-events-kcea.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=7/BPz28If2cmtK/oNPkrpREWhGxWgQursYxeYMp1U9k="
    STORAGE_CONNECTION    = azurerm_storage_account.exports.primary_connection_string
  }
}
