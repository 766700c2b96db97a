"use strict";

const BASE = new URL(process.env.PUBLIC_URL || "http://localhost:3100");

/**
 * True for paths on this wiki only. Absolute URLs, scheme-relative URLs and
 * backslash tricks all resolve to a different origin and are rejected.
 */
function isInternalPath(value) {
  if (typeof value !== "string" || value === "" || value.length > 1024) return false;
  try {
    const resolved = new URL(value, BASE);
    return resolved.origin === BASE.origin;
  } catch {
    return false;
  }
}

function redirectBack(req, res, fallback) {
  const target = req.query.next || req.get("referer") || fallback;
  return res.redirect(target);
}

function slugify(title) {
  return String(title)
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^\w\s-]/g, "")
    .trim()
    .replace(/[\s_-]+/g, "-")
    .slice(0, 80);
}

module.exports = { isInternalPath, redirectBack, slugify };
