import { Router } from "express";
import Stripe from "stripe";
import * as invoices from "../services/invoices";

const router = Router();
const stripe = new Stripe(process.env.STRIPE_API_KEY ?? "", { apiVersion: "2023-10-16" });
const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET ?? "";

router.post("/stripe", async (req, res) => {
  const signature = req.headers["stripe-signature"];
  if (typeof signature !== "string") {
    return res.status(400).send("missing signature");
  }

  let event: Stripe.Event;
  try {
    event = stripe.webhooks.constructEvent(req.body as Buffer, signature, endpointSecret);
  } catch {
    return res.status(400).send("bad signature");
  }

  switch (event.type) {
    case "invoice.paid":
      await invoices.markPaid((event.data.object as Stripe.Invoice).id);
      break;
    case "invoice.payment_failed":
      await invoices.markFailed((event.data.object as Stripe.Invoice).id);
      break;
    case "customer.subscription.deleted":
      await invoices.cancelSubscription((event.data.object as Stripe.Subscription).id);
      break;
    default:
      break;
  }
  return res.json({ received: true });
});

export default router;
