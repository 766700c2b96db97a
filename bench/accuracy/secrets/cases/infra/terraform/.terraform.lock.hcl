# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/aws" {
  version     = "5.40.0"
  constraints = "~> 5.40"
  hashes = [
    "h1:lbxLSgKNhJEKtajVHdhdTc4ix+YZMYutwUt/JeSvHuk=",
    "zh:aeb06d39cefed2fa1faa957c7dd933e86eab5e67f72b767b164e26d94d1f2f85",
    "zh:1180893d42aa1cc3917421ca2ee87971eea75187d9720f1f7a22e0ef55449bf7",
  ]
}
