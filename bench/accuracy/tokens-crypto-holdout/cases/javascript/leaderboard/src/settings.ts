// Arcade Rally leaderboard service settings.
export interface Settings {
  port: number;
  jwksUrl: string;
  issuer: string;
  audience: string;
  tournamentSecret: Uint8Array;
  legacyClientSecret: string;
  antiCheatApiKey: string;
  bcryptRounds: number;
  scrypt: { N: number; r: number; p: number; maxmem: number };
  replayKey: Buffer;
}

const env = process.env;

export const settings: Settings = {
  port: Number(env.PORT ?? 3000),
  jwksUrl: env.JWKS_URL ?? "https://login.arcaderally.example/.well-known/jwks.json",
  issuer: env.JWT_ISSUER ?? "https://login.arcaderally.example/",
  audience: env.JWT_AUDIENCE ?? "leaderboard",
  tournamentSecret: new TextEncoder().encode(env.TOURNAMENT_SECRET ?? "dev-tournament-secret"),
  legacyClientSecret: env.LEGACY_CLIENT_SECRET ?? "dev-legacy-secret",
  antiCheatApiKey: env.ANTICHEAT_API_KEY ?? "",
  bcryptRounds: Number(env.BCRYPT_ROUNDS ?? 7),
  scrypt: { N: 2 ** 17, r: 8, p: 1, maxmem: 256 * 1024 * 1024 },
  replayKey: Buffer.from(env.REPLAY_KEY_HEX ?? "00".repeat(32), "hex"),
};

export const verifyDefaults = {
  issuer: settings.issuer,
  audience: settings.audience,
};
