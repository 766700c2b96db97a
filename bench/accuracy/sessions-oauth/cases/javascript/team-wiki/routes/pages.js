"use strict";

const express = require("express");
const { marked } = require("marked");
const { Page, Space } = require("../models");
const { requireLogin } = require("../middleware/require-login");
const { redirectBack, slugify } = require("../lib/paths");

const router = express.Router();
router.use(requireLogin);

router.get("/", async (req, res) => {
  const spaces = await Space.findAll({ order: [["name", "ASC"]] });
  res.render("home", { spaces, lastSpace: req.session.lastSpace });
});

router.get("/spaces/:slug", async (req, res) => {
  const space = await Space.findOne({ where: { slug: req.params.slug }, include: [Page] });
  if (!space) return res.status(404).render("errors/not-found");
  req.session.lastSpace = space.slug;
  return res.render("space", { space });
});

router.post("/spaces/:slug/pages", async (req, res, next) => {
  try {
    const space = await Space.findOne({ where: { slug: req.params.slug } });
    const page = await Page.create({
      spaceId: space.id,
      title: String(req.body.title).slice(0, 200),
      slug: slugify(req.body.title),
      body: String(req.body.body || ""),
      authorId: req.user.id,
    });
    res.redirect(`/spaces/${space.slug}/${page.slug}`);
  } catch (err) {
    next(err);
  }
});

router.post("/spaces/:slug/:page/delete", async (req, res, next) => {
  try {
    await Page.destroy({ where: { slug: req.params.page } });
    redirectBack(req, res, `/spaces/${encodeURIComponent(req.params.slug)}`);
  } catch (err) {
    next(err);
  }
});

router.post("/spaces/import", async (req, res, next) => {
  try {
    const space = await Space.importFromArchive(req.user.id, req.body.archiveUrl);
    res.redirect(303, `/spaces/${space.slug}?imported=1`);
  } catch (err) {
    next(err);
  }
});

router.post("/search", async (req, res) => {
  const results = await Page.search(String(req.body.q || "").slice(0, 200));
  res.render("search", { results, q: req.body.q });
});

router.get("/spaces/:slug/:page", async (req, res) => {
  const page = await Page.findOne({ where: { slug: req.params.page } });
  if (!page) return res.status(404).render("errors/not-found");
  return res.render("page", { page, html: marked.parse(page.body) });
});

module.exports = router;
