import { buildApp } from "./app.js";
import { config } from "./config.js";
import { disconnect } from "./db.js";

const server = buildApp().listen(config.port, () => {
  console.log(`mobile-api listening on ${config.port}`);
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close(async () => {
      await disconnect();
      process.exit(0);
    });
  });
}
