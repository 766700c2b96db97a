"use strict";

const { createApp } = require("./app");

const app = createApp();
const port = Number(process.env.PORT || 3300);

app.on("error", (err) => {
  console.error("unhandled error", err);
});

app.listen(port, () => {
  console.log(`events-koa listening on ${port}`);
});
