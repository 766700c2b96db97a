import { pool } from "./db";

export interface DraftInput {
  customerId: string;
  currency: string;
}

export async function summaryForOrg(orgId: string) {
  const { rows } = await pool.query(
    `SELECT status, count(*)::int AS count, coalesce(sum(total_cents), 0)::bigint AS total
       FROM invoices WHERE org_id = $1 GROUP BY status`,
    [orgId],
  );
  return rows;
}

export async function listForOrg(orgId: string, { page, pageSize }: { page: number; pageSize: number }) {
  const { rows } = await pool.query(
    "SELECT id, number, status, total_cents, currency FROM invoices WHERE org_id = $1 ORDER BY created_at DESC LIMIT $2 OFFSET $3",
    [orgId, pageSize, (page - 1) * pageSize],
  );
  return rows;
}

export async function createDraft(orgId: string, input: DraftInput) {
  const { rows } = await pool.query(
    "INSERT INTO invoices (org_id, customer_id, currency, status) VALUES ($1, $2, $3, 'draft') RETURNING id, status",
    [orgId, input.customerId, input.currency.toUpperCase()],
  );
  return rows[0] as { id: string; status: string };
}

export async function send(orgId: string, id: string) {
  await pool.query("UPDATE invoices SET status = 'sent', sent_at = now() WHERE org_id = $1 AND id = $2", [orgId, id]);
}

export async function voidDraft(orgId: string, id: string) {
  await pool.query("DELETE FROM invoices WHERE org_id = $1 AND id = $2 AND status = 'draft'", [orgId, id]);
}

export async function attachPaymentMethod(orgId: string, paymentMethodId: string) {
  await pool.query("UPDATE organisations SET payment_method_id = $2 WHERE id = $1", [orgId, paymentMethodId]);
}

export async function changePlan(orgId: string, plan: string, seats: number) {
  await pool.query("UPDATE organisations SET plan = $2, seats = $3, plan_changed_at = now() WHERE id = $1", [orgId, plan, seats]);
}

export async function markPaid(stripeInvoiceId: string) {
  await pool.query("UPDATE invoices SET status = 'paid', paid_at = now() WHERE stripe_invoice_id = $1", [stripeInvoiceId]);
}

export async function markFailed(stripeInvoiceId: string) {
  await pool.query("UPDATE invoices SET status = 'payment_failed' WHERE stripe_invoice_id = $1", [stripeInvoiceId]);
}

export async function cancelSubscription(subscriptionId: string) {
  await pool.query("UPDATE organisations SET plan = 'free' WHERE stripe_subscription_id = $1", [subscriptionId]);
}
