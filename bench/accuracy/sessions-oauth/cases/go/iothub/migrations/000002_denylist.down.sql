DROP TABLE revoked_device_tokens;
