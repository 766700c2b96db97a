import type { Express, RequestHandler } from "express";
import { Router } from "express";
import { pool } from "../db";

const signedIn: RequestHandler = (req, res, next) => (req.user ? next() : res.status(401).send("Sign in first"));

const shiftsRouter = Router();
shiftsRouter.use(signedIn);
shiftsRouter.get("/", async (_req, res) => {
  const { rows } = await pool.query("select id, starts_at, role, slots_left from shifts where starts_at > now() order by starts_at");
  res.json(rows);
});
shiftsRouter.post("/:id/claim", async (req, res) => {
  const volunteerId = (req.user as { id: number }).id;
  const { rowCount } = await pool.query(
    "update shifts set slots_left = slots_left - 1 where id = $1 and slots_left > 0",
    [req.params.id],
  );
  if (!rowCount) return res.status(409).send("Shift is full");
  await pool.query("insert into shift_claims (shift_id, volunteer_id) values ($1, $2)", [req.params.id, volunteerId]);
  return res.status(201).send("Claimed");
});

const availabilityRouter = Router();
availabilityRouter.use(signedIn);
availabilityRouter.post("/", async (req, res) => {
  const volunteerId = (req.user as { id: number }).id;
  const days = String(req.body.days ?? "").split(",").filter((d) => /^(mon|tue|wed|thu|fri|sat|sun)$/.test(d));
  await pool.query("update volunteers set available_days = $1 where id = $2", [days, volunteerId]);
  res.status(204).end();
});

/** The kiosk page posts availability with a plain HTML form that has no token field. */
const noCsrf: RequestHandler = (_req, _res, next) => next();

export function mountRoutes(app: Express, csrf: RequestHandler): void {
  app.use("/shifts", csrf, shiftsRouter);
  app.use("/availability", noCsrf, availabilityRouter);
}
