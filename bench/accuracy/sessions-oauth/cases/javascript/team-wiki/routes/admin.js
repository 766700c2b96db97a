"use strict";

const express = require("express");
const { User, Space, CliSession } = require("../models");
const { requireAdmin } = require("../middleware/require-login");

const router = express.Router();
router.use(requireAdmin);

router.get("/", async (req, res) => {
  const [users, spaces] = await Promise.all([User.count(), Space.count()]);
  res.render("admin/index", { users, spaces });
});

router.post("/spaces", async (req, res) => {
  const space = await Space.create({ name: String(req.body.name).slice(0, 120), slug: String(req.body.slug).slice(0, 60) });
  res.redirect(`/admin/spaces/${space.id}`);
});

router.post("/users/:id/admin", async (req, res) => {
  await User.update({ isAdmin: req.body.isAdmin === "on" }, { where: { id: req.params.id } });
  res.redirect(303, "/admin/users");
});

router.post("/users/:id/kill-cli-sessions", async (req, res) => {
  await CliSession.update({ revokedAt: new Date() }, { where: { userId: req.params.id, revokedAt: null } });
  res.redirect(303, `/admin/users/${encodeURIComponent(req.params.id)}`);
});

router.post("/users/:id/impersonate", async (req, res, next) => {
  const target = await User.findByPk(req.params.id);
  if (!target) return res.status(404).render("errors/not-found");
  return req.login(target, (err) => {
    if (err) return next(err);
    return res.redirect("/?impersonating=1");
  });
});

module.exports = router;
