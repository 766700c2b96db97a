"use strict";

const express = require("express");
const { Page, Space } = require("../models");

const router = express.Router();

/**
 * Syncs pages from the docs repository on every push to the default branch.
 * The signature was already checked by express.json({ verify }).
 */
router.post("/github", async (req, res, next) => {
  try {
    if (req.get("x-github-event") !== "push") return res.status(202).json({ ignored: true });
    const { ref, repository, commits = [] } = req.body;
    if (ref !== `refs/heads/${repository.default_branch}`) return res.status(202).json({ ignored: true });

    const space = await Space.findOne({ where: { repoFullName: repository.full_name } });
    if (!space) return res.status(404).json({ error: "unknown repository" });

    const changed = new Set(commits.flatMap((c) => [...c.added, ...c.modified]).filter((f) => f.endsWith(".md")));
    await Page.markStale(space.id, [...changed]);
    return res.json({ queued: changed.size });
  } catch (err) {
    return next(err);
  }
});

module.exports = router;
