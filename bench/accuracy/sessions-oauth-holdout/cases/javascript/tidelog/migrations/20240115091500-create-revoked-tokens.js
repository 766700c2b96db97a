"use strict";

/**
 * Durable copy of the Redis denylist so revocations survive a cache flush.
 * @type {import('sequelize-cli').Migration}
 */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("RevokedTokens", {
      jti: { type: Sequelize.UUID, primaryKey: true },
      userId: { type: Sequelize.UUID, allowNull: false },
      expiresAt: { type: Sequelize.DATE, allowNull: false },
      createdAt: { type: Sequelize.DATE, allowNull: false, defaultValue: Sequelize.fn("now") },
    });
    await queryInterface.addIndex("RevokedTokens", ["expiresAt"]);
  },

  async down(queryInterface) {
    await queryInterface.dropTable("RevokedTokens");
  },
};
