"use strict";

const db = require("./db");

async function priceLines(trx, lines) {
  const skus = lines.map((line) => line.sku);
  const products = await trx("products").whereIn("sku", skus).select("sku", "price_cents");
  const bySku = new Map(products.map((p) => [p.sku, p.price_cents]));
  return lines
    .filter((line) => bySku.has(line.sku))
    .map((line) => ({ ...line, unitPriceCents: bySku.get(line.sku) }));
}

async function create(userId, lines) {
  if (!lines.length) {
    const err = new Error("cart is empty");
    err.status = 400;
    throw err;
  }
  return db.transaction(async (trx) => {
    const priced = await priceLines(trx, lines);
    const total = priced.reduce((sum, line) => sum + line.qty * line.unitPriceCents, 0);
    const [order] = await trx("orders").insert({ user_id: userId, total_cents: total }).returning(["id"]);
    await trx("order_lines").insert(
      priced.map((line) => ({
        order_id: order.id,
        sku: line.sku,
        qty: line.qty,
        unit_price_cents: line.unitPriceCents,
      }))
    );
    return order;
  });
}

module.exports = { create };
