"use strict";

const express = require("express");
const bcrypt = require("bcrypt");
const { User, CliSession } = require("../models");
const { requireLogin } = require("../middleware/require-login");
const webSessions = require("../lib/web-sessions");

const router = express.Router();
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

router.use(requireLogin);

router.get("/", async (req, res) => {
  const user = await User.findByPk(req.user.id);
  res.render("profile", { user, font: req.cookies && req.cookies.editor_font });
});

router.post("/autosave", async (req, res) => {
  await User.update(
    { bio: String(req.body.bio || "").slice(0, 2000), displayName: String(req.body.displayName || "").slice(0, 80) },
    { where: { id: req.user.id } }
  );
  res.json({ saved: true, at: new Date().toISOString() });
});

router.post("/editor", (req, res) => {
  const font = ["serif", "sans", "mono"].includes(req.body.font) ? req.body.font : "sans";
  req.session.editorMode = req.body.mode === "markdown" ? "markdown" : "rich";
  res.cookie("editor_font", font, { maxAge: ONE_YEAR_MS, sameSite: "lax" });
  res.redirect(303, "/profile#editor");
});

router.post("/password", async (req, res) => {
  const user = await User.scope("withHash").findByPk(req.user.id);
  if (user.kind !== "guest" || !(await bcrypt.compare(req.body.current, user.passwordHash))) {
    return res.status(400).render("profile", { user, error: "Password not changed" });
  }
  await user.update({ passwordHash: await bcrypt.hash(req.body.next, 12) });
  await CliSession.update({ revokedAt: new Date() }, { where: { userId: user.id, revokedAt: null } });
  await webSessions.destroyOthers(user.id, req.sessionID);
  return res.redirect(303, "/profile?password=changed");
});

router.post("/cli-sessions/:id/revoke", async (req, res) => {
  await CliSession.update({ revokedAt: new Date() }, { where: { id: req.params.id, userId: req.user.id } });
  res.redirect(303, "/profile#cli");
});

module.exports = router;
