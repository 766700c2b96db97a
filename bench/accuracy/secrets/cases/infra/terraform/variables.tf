variable "db_password" {
  type      = string
  sensitive = true
}

variable "analytics_password" {
  type      = string
  sensitive = true
  default   = "mUkPn!1obAb08aK35IIS"
}

variable "datadog_api_key" {
  type = string
  default = "<your-api-key>"
}

variable "aws_account_id" {
  type = string
  default = "965898335018"
}
