import Koa from "koa";
import Router from "@koa/router";
import { SharedCatch } from "../models";

/**
 * Tiny public service behind https://tdl.link: share pages for catches and
 * outbound links used in the app's "open in browser" buttons.
 */
const app = new Koa();
const router = new Router();

const PARTNER_HOSTS = new Set(["www.fishbase.example", "tides.noaa.example", "shop.tidelog.example"]);

router.get("/c/:slug", async (ctx) => {
  const shared = await SharedCatch.findOne({ where: { slug: ctx.params.slug } });
  if (!shared) {
    ctx.status = 404;
    ctx.body = "This catch is no longer shared.";
    return;
  }
  ctx.type = "html";
  ctx.body = `<h1>${escapeHtml(shared.species)}</h1><p>${shared.lengthCm ?? "?"} cm</p>`;
});

// In-app browser hand-off used by push notifications.
router.get("/out", (ctx) => {
  ctx.redirect(String(ctx.query.url));
});

router.get("/partner", (ctx) => {
  let target: URL;
  try {
    target = new URL(String(ctx.query.to ?? ""));
  } catch {
    ctx.status = 400;
    return;
  }
  if (target.protocol !== "https:" || !PARTNER_HOSTS.has(target.host)) {
    ctx.status = 400;
    ctx.body = "Unknown partner link.";
    return;
  }
  ctx.redirect(target.toString());
});

router.get("/", (ctx) => {
  ctx.redirect("https://tidelog.example/");
});

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

app.use(router.routes()).use(router.allowedMethods());
app.listen(Number(process.env.LINKS_PORT ?? 4100));
