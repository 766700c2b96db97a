"use strict";

const nodemailer = require("nodemailer");

const transport = nodemailer.createTransport({
  host: process.env.SMTP_HOST,
  port: Number(process.env.SMTP_PORT || 587),
  requireTLS: true,
  auth: {
    user: process.env.SMTP_USER,
    pass: process.env.SMTP_PASSWORD,
  },
});

async function sendWelcome(to) {
  await transport.sendMail({
    from: process.env.MAIL_FROM,
    to,
    subject: "Welcome to the shop",
    text: "Thanks for creating an account. You can manage your orders from your account page.",
  });
}

async function sendOrderConfirmation(to, orderId) {
  await transport.sendMail({
    from: process.env.MAIL_FROM,
    to,
    subject: `Order ${orderId} confirmed`,
    text: `We received your order ${orderId}. We'll email you again once it ships.`,
  });
}

module.exports = { sendWelcome, sendOrderConfirmation };
