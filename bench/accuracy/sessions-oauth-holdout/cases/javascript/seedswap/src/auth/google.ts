import passport from "passport";
import { Strategy as GoogleStrategy, type Profile } from "passport-google-oauth20";
import { prisma } from "../db.js";

passport.serializeUser((user: Express.User, done) => done(null, (user as { id: string }).id));

passport.deserializeUser(async (id: string, done) => {
  try {
    const member = await prisma.member.findUnique({ where: { id } });
    done(null, member ?? false);
  } catch (err) {
    done(err as Error);
  }
});

async function upsertFromGoogle(profile: Profile) {
  const email = profile.emails?.[0]?.value?.toLowerCase();
  if (!email) throw new Error("google profile without email");
  return prisma.member.upsert({
    where: { email },
    update: { displayName: profile.displayName },
    create: { email, displayName: profile.displayName, googleSub: profile.id },
  });
}

passport.use(
  new GoogleStrategy(
    {
      clientID: process.env.GOOGLE_CLIENT_ID!,
      clientSecret: process.env.GOOGLE_CLIENT_SECRET!,
      callbackURL: `${process.env.PUBLIC_URL}/auth/google/callback`,
      scope: ["openid", "email", "profile"],
      state: true,
    },
    (_accessToken, _refreshToken, profile, done) => {
      upsertFromGoogle(profile).then((member) => done(null, member), (err) => done(err));
    },
  ),
);

export default passport;
