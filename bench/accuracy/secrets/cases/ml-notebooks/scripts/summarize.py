"""Summarise churn reasons with OpenAI."""
import os

from openai import OpenAI

client = OpenAI(api_key="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")
org = os.getenv("OPENAI_ORG_ID")
# Example: OPENAI_API_KEY=sk-proj-...


def summarize(rows):
    text = "\n".join(r["reason"] for r in rows)
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])
