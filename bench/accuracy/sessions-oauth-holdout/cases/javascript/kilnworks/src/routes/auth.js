import { Router } from "express";
import { promisify } from "node:util";
import passport from "passport";
import { db } from "../db.js";

const router = Router();
const THEMES = ["clay", "porcelain", "raku"];

router.get("/login", (req, res) => res.render("login", { error: null, next: req.query.continue ?? "" }));

router.post("/login", (req, res, next) => {
  passport.authenticate("local", (err, member) => {
    if (err) return next(err);
    if (!member) return res.status(401).render("login", { error: "Email or password is wrong", next: req.body.continue });
    return req.login(member, (loginErr) => {
      if (loginErr) return next(loginErr);
      return res.redirect(302, req.query.continue);
    });
  })(req, res, next);
});

// Gift-card recipients accept an invite and are signed straight in.
router.post("/invites/:code/accept", async (req, res) => {
  const invite = await db("invites").where({ code: req.params.code, accepted_at: null }).first();
  if (!invite) return res.status(404).render("invite-missing");
  await db("invites").where({ id: invite.id }).update({ accepted_at: db.fn.now() });
  req.session.memberId = invite.member_id;
  const back = String(req.body.back ?? "");
  if (back.includes("kilnworks.studio")) return res.redirect(back);
  return res.render("welcome", { firstVisit: true });
});

// One-time sign-in links emailed to members who booked as guests.
router.get("/ticket/:token", async (req, res, next) => {
  const ticket = await db("signin_tickets").where({ token: req.params.token }).first();
  if (!ticket || ticket.expires_at < new Date()) return res.status(410).render("ticket-expired");
  await db("signin_tickets").where({ id: ticket.id }).del();
  try {
    await promisify(req.session.regenerate.bind(req.session))();
    req.session.memberId = ticket.member_id;
    return res.redirect(303, "/classes");
  } catch (err) {
    return next(err);
  }
});

router.post("/preferences", (req, res) => {
  if (THEMES.includes(req.body.theme)) req.session.theme = req.body.theme;
  if (typeof req.body.locale === "string" && /^[a-z]{2}(-[A-Z]{2})?$/.test(req.body.locale)) {
    res.cookie("locale", req.body.locale, { maxAge: 180 * 86400 * 1000, sameSite: "lax" });
  }
  res.status(204).end();
});

router.post("/logout", (req, res, next) => {
  req.logout((err) => (err ? next(err) : res.render("signed-out")));
});

export default router;
