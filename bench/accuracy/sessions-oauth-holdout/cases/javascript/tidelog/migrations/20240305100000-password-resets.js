"use strict";

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("PasswordResets", {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      userId: { type: Sequelize.UUID, allowNull: false, references: { model: "Users", key: "id" }, onDelete: "CASCADE" },
      tokenHash: { type: Sequelize.CHAR(64), allowNull: false, unique: true },
      expiresAt: { type: Sequelize.DATE, allowNull: false },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });

    // bcrypt again for everyone; argon2id later.
    await queryInterface.changeColumn("Users", "passwordHash", { type: Sequelize.STRING(255), allowNull: false });
    await queryInterface.removeColumn("Users", "nickname");
    await queryInterface.addColumn("Users", "passwordChangedAt", { type: Sequelize.DATE });
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.removeColumn("Users", "passwordChangedAt");
    await queryInterface.addColumn("Users", "nickname", { type: Sequelize.STRING(40) });
    await queryInterface.dropTable("PasswordResets");
  },
};
