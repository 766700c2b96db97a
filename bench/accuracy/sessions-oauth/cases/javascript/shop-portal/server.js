"use strict";

const http = require("http");
const app = require("./app");

const port = Number(process.env.PORT || 3000);
const server = http.createServer(app);

server.listen(port, () => {
  console.log(`shop-portal listening on :${port}`);
});

function shutdown(signal) {
  console.log(`received ${signal}, closing server`);
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 10000).unref();
}

process.on("SIGTERM", () => shutdown("SIGTERM"));
process.on("SIGINT", () => shutdown("SIGINT"));
