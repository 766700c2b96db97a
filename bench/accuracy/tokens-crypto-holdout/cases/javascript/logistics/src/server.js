"use strict";
const express = require("express");
const config = require("./config");
const logger = require("./logger");
const shipments = require("./routes/shipments");
const { router: accounts } = require("./routes/accounts");
const webhooks = require("./routes/webhooks");
const { trackingLinkViewer, basicClientAuth } = require("./middleware/auth");

const app = express();
app.use("/hooks", webhooks);
app.use(express.json());
app.use("/shipments", shipments);
app.use("/accounts", accounts);
app.get("/track", trackingLinkViewer, (req, res) => res.redirect(`/public/shipments/${req.shipmentId}`));
app.post("/labels/print", basicClientAuth, (req, res) => res.status(202).json({ queued: true, client: req.apiClient.clientId }));

app.use((err, req, res, next) => {
  logger.error({ err: err.message, path: req.path }, "request failed");
  res.status(500).json({ error: "internal error" });
});

app.listen(config.port, () => {
  logger.info({ port: config.port, issuer: config.jwt.issuer }, "haulwise api listening");
});
