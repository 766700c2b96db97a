"use strict";

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("Users", {
      id: { type: Sequelize.UUID, defaultValue: Sequelize.UUIDV4, primaryKey: true },
      email: { type: Sequelize.STRING(320), allowNull: false, unique: true },
      nickname: { type: Sequelize.STRING(40) },
      role: { type: Sequelize.ENUM("angler", "captain"), allowNull: false, defaultValue: "angler" },
      passwordHash: { type: Sequelize.STRING(60), allowNull: false },
      tokenVersion: { type: Sequelize.INTEGER, allowNull: false, defaultValue: 0 },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });

    await queryInterface.createTable("RefreshTokens", {
      jti: { type: Sequelize.UUID, primaryKey: true },
      familyId: { type: Sequelize.UUID, allowNull: false },
      userId: { type: Sequelize.UUID, allowNull: false, references: { model: "Users", key: "id" }, onDelete: "CASCADE" },
      usedAt: { type: Sequelize.DATE },
      expiresAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex("RefreshTokens", ["familyId"]);
  },

  async down(queryInterface) {
    await queryInterface.dropTable("RefreshTokens");
    await queryInterface.dropTable("Users");
  },
};
