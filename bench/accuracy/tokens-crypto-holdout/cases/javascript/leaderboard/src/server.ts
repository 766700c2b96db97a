import express from "express";
import { settings } from "./settings";
import { logger } from "./logger";
import { scores } from "./routes/scores";
import { anticheat } from "./routes/anticheat";
import { players } from "./routes/players";

const app = express();
app.use(express.json({ limit: "256kb" }));
app.use("/scores", scores);
app.use("/anticheat", anticheat);
app.use("/players", players);

app.listen(settings.port, () => {
  logger.info("leaderboard listening", { port: settings.port, issuer: settings.issuer });
});
