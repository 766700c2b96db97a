import { Router } from "express";
import { requireUser, requireRole } from "../auth/require-user";
import * as team from "../services/team";

const router = Router();

router.use(requireUser);

router.get("/", async (req, res, next) => {
  try {
    const members = await team.listMembers(req.user!.orgId);
    res.render("team", { members });
  } catch (err) {
    next(err);
  }
});

router.post("/invites", requireRole("owner"), async (req, res, next) => {
  try {
    const role = ["accountant", "viewer"].includes(req.body.role) ? req.body.role : "viewer";
    await team.invite(req.user!.orgId, String(req.body.email).toLowerCase(), role);
    res.redirect(303, "/team?invited=1");
  } catch (err) {
    next(err);
  }
});

router.post("/members/:id/role", requireRole("owner"), async (req, res, next) => {
  try {
    await team.changeRole(req.user!.orgId, req.params.id, String(req.body.role));
    res.redirect(303, `/team#member-${encodeURIComponent(req.params.id)}`);
  } catch (err) {
    next(err);
  }
});

router.delete("/members/:id", requireRole("owner"), async (req, res, next) => {
  try {
    if (req.params.id === req.user!.id) {
      return res.status(400).json({ error: "cannot_remove_self" });
    }
    await team.remove(req.user!.orgId, req.params.id);
    return res.status(204).end();
  } catch (err) {
    return next(err);
  }
});

export default router;
