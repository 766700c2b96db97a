import sendgrid

sg = sendgrid.SendGridAPIClient(api_key="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")
WELCOME_TEMPLATE_ID = "d-87451aeb24f51a05e787fab51215625e"
