export const config = {
  port: Number(process.env.PORT ?? 8080),
  jwtSecret: process.env.JWT_SECRET,
  tokenUrl: "https://oauth2.googleapis.com/token",
  googleClientId: "653039385746-8q1r30m7qip50gtapwcfo5748tqgbg9u.apps.googleusercontent.com",
  googleClientSecret: "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",
  apiKeyHeader: "X-API-Key",
  mongoUrl: "mongodb+srv://auth-svc:0YpFvA8baXhDlMZI2nw3@cluster0.d3k9u.mongodb.net/auth?retryWrites=true&w=majority",
  redisUrl: process.env.REDIS_URL ?? "redis://localhost:6379",
};
