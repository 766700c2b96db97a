function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`Missing required environment variable ${name}`);
  }
  return value;
}

export const config = {
  port: Number(process.env.PORT ?? 8080),
  issuer: process.env.TOKEN_ISSUER ?? "https://api.orderly.example",
  accessTokenSecret: required("ACCESS_TOKEN_SECRET"),
  legacyTokenSecret: required("LEGACY_TOKEN_SECRET"),
  deviceTokenSecret: required("DEVICE_TOKEN_SECRET"),
  kioskRefreshSecret: required("KIOSK_REFRESH_SECRET"),
  redisUrl: required("REDIS_URL"),
  accessTokenTtlSeconds: 15 * 60,
  refreshTokenTtlDays: 7,
  oauth: {
    ciamIssuer: process.env.CIAM_ISSUER ?? "https://id.orderly.example",
    ciamClientId: required("CIAM_CLIENT_ID"),
    loyaltyIssuer: required("LOYALTY_ISSUER"),
    loyaltyClientId: required("LOYALTY_CLIENT_ID"),
    redirectBase: required("OAUTH_REDIRECT_BASE"),
  },
} as const;
