"use strict";

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.dropTable("RevokedCliTokens");
    await queryInterface.changeColumn("Users", "passwordHash", { type: Sequelize.STRING(255), allowNull: true });
    await queryInterface.addColumn("Users", "passwordChangedAt", { type: Sequelize.DATE });
    await queryInterface.createTable("Session", {
      sid: { type: Sequelize.STRING(36), primaryKey: true },
      userId: { type: Sequelize.INTEGER },
      expires: { type: Sequelize.DATE },
      data: { type: Sequelize.TEXT },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex("Session", ["userId"]);
    await queryInterface.addIndex("Session", ["expires"]);
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.dropTable("Session");
    await queryInterface.removeColumn("Users", "passwordChangedAt");
    await queryInterface.createTable("RevokedCliTokens", {
      jti: { type: Sequelize.UUID, primaryKey: true },
      expiresAt: { type: Sequelize.DATE, allowNull: false },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
  },
};
