import { createApp } from "./app";
import { dataSource } from "./services/db";

async function main(): Promise<void> {
  await dataSource.initialize();
  const app = createApp();
  const port = Number(process.env.PORT ?? 4000);
  app.listen(port, () => {
    console.log(`billing-dashboard listening on ${port}`);
  });
}

main().catch((err) => {
  console.error("failed to start", err);
  process.exit(1);
});
