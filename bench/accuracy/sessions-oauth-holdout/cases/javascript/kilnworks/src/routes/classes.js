import { Router } from "express";
import { db } from "../db.js";

const router = Router();

router.get("/", async (req, res) => {
  const classes = await db("classes")
    .where("starts_at", ">", new Date())
    .orderBy("starts_at")
    .select("id", "title", "starts_at", "seats_left", "level");
  res.render("classes", { classes });
});

router.post("/:id/enrol", async (req, res) => {
  if (!req.user) return res.status(401).render("login", { error: "Sign in to book a class", next: "" });
  const enrolment = await db.transaction(async (trx) => {
    const cls = await trx("classes").where({ id: req.params.id }).forUpdate().first();
    if (!cls || cls.seats_left < 1) return null;
    await trx("classes").where({ id: cls.id }).decrement("seats_left", 1);
    const [row] = await trx("enrolments").insert({ class_id: cls.id, member_id: req.user.id, status: "booked" }).returning("*");
    return row;
  });
  if (!enrolment) return res.status(409).render("class-full");
  return res.status(201).render("enrolled", { enrolment });
});

router.post("/:id/cancel", async (req, res) => {
  if (!req.user) return res.status(401).end();
  const updated = await db("enrolments")
    .where({ class_id: req.params.id, member_id: req.user.id, status: "booked" })
    .update({ status: "cancelled" });
  if (updated) await db("classes").where({ id: req.params.id }).increment("seats_left", 1);
  res.status(updated ? 204 : 404).end();
});

export default router;
