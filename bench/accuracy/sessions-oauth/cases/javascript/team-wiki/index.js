"use strict";

const { createApp } = require("./app");
const { sequelize } = require("./models");

async function main() {
  await sequelize.authenticate();
  const app = createApp();
  const port = Number(process.env.PORT || 3100);
  app.listen(port, () => console.log(`team-wiki on :${port}`));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
