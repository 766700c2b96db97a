"use strict";

const crypto = require("crypto");
const { Sequelize, DataTypes, Op } = require("sequelize");

const sequelize = new Sequelize(process.env.DATABASE_URL, {
  dialect: "postgres",
  logging: false,
  pool: { max: 10, idle: 10000 },
});

const User = sequelize.define(
  "User",
  {
    email: { type: DataTypes.STRING(320), allowNull: false, unique: true },
    displayName: { type: DataTypes.STRING(80) },
    bio: { type: DataTypes.TEXT },
    kind: { type: DataTypes.ENUM("employee", "guest"), allowNull: false, defaultValue: "employee" },
    provider: { type: DataTypes.STRING(32) },
    providerId: { type: DataTypes.STRING(128) },
    passwordHash: { type: DataTypes.STRING(255) },
    isAdmin: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
  },
  {
    defaultScope: { attributes: { exclude: ["passwordHash"] } },
    scopes: { withHash: { attributes: { include: ["passwordHash"] } } },
  }
);

const Space = sequelize.define("Space", {
  name: { type: DataTypes.STRING(120), allowNull: false },
  slug: { type: DataTypes.STRING(60), allowNull: false, unique: true },
  repoFullName: { type: DataTypes.STRING(200) },
});

const Page = sequelize.define("Page", {
  title: { type: DataTypes.STRING(200), allowNull: false },
  slug: { type: DataTypes.STRING(80), allowNull: false },
  body: { type: DataTypes.TEXT, allowNull: false, defaultValue: "" },
  stale: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
  authorId: { type: DataTypes.INTEGER },
});

const CliSession = sequelize.define("CliSession", {
  userId: { type: DataTypes.INTEGER, allowNull: false },
  refreshTokenHash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
  expiresAt: { type: DataTypes.DATE, allowNull: false },
  revokedAt: { type: DataTypes.DATE },
});

const CliLoginCode = sequelize.define("CliLoginCode", {
  userId: { type: DataTypes.INTEGER, allowNull: false },
  codeHash: { type: DataTypes.CHAR(64), allowNull: false },
  expiresAt: { type: DataTypes.DATE, allowNull: false },
});

const Session = sequelize.define("Session", {
  sid: { type: DataTypes.STRING(36), primaryKey: true },
  userId: { type: DataTypes.INTEGER },
  expires: { type: DataTypes.DATE },
  data: { type: DataTypes.TEXT },
});

const ShareLink = sequelize.define("ShareLink", {
  tokenHash: { type: DataTypes.CHAR(64), allowNull: false, unique: true },
  spaceSlug: { type: DataTypes.STRING(60), allowNull: false },
  guestUserId: { type: DataTypes.INTEGER, allowNull: false },
  expiresAt: { type: DataTypes.DATE, allowNull: false },
});

ShareLink.redeem = async (token) => {
  const tokenHash = crypto.createHash("sha256").update(String(token)).digest("hex");
  return ShareLink.findOne({ where: { tokenHash, expiresAt: { [Op.gt]: new Date() } } });
};

Space.hasMany(Page, { foreignKey: "spaceId" });
Page.belongsTo(Space, { foreignKey: "spaceId" });

Page.search = (q) =>
  Page.findAll({ where: { [Op.or]: [{ title: { [Op.iLike]: `%${q}%` } }, { body: { [Op.iLike]: `%${q}%` } }] }, limit: 50 });

Page.markStale = (spaceId, files) =>
  Page.update({ stale: true }, { where: { spaceId, slug: files.map((f) => f.replace(/\.md$/, "")) } });

Space.importFromArchive = async (userId, archiveUrl) => {
  const url = new URL(archiveUrl);
  if (url.protocol !== "https:") throw Object.assign(new Error("archive must be https"), { status: 400 });
  const slug = url.pathname.split("/").pop().replace(/\.zip$/, "").slice(0, 60);
  return Space.create({ name: slug, slug });
};

module.exports = { sequelize, User, Space, Page, CliSession, CliLoginCode, Session, ShareLink };
