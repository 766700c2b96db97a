#!/usr/bin/env bash
set -euo pipefail

: "${DEPLOY_TOKEN:?DEPLOY_TOKEN must be set}"
GITLAB_TOKEN="glpat-YIsLR1Xy4RIPdYvirlpJ"
echo "33b671c3733d89232d72b9add207309cb18bb6c183a84a4162a0ffe9a8d55270  terraform_1.8.5_linux_amd64.zip" | sha256sum -c -
git clone "https://deploy-bot:NCQ7nx3BrxMdvxKnhTWE@git.acme.internal/platform/charts.git" /tmp/charts
SESSION_SECRET="$(openssl rand -hex 32)"
API_TOKEN="${API_TOKEN:-changeme}"

mkdir -p /etc/app
cat > /etc/app/credentials <<EOF
[default]
aws_access_key_id = AKIAXCQ7FF5GLMQF7C7N
aws_secret_access_key = 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
EOF

curl -fsS -H "PRIVATE-TOKEN: ${GITLAB_TOKEN}" "https://git.acme.internal/api/v4/projects/42/deployments" -d "sha=$(git rev-parse HEAD)"
