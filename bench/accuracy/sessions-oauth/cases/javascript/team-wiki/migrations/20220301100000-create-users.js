"use strict";

/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.createTable("Users", {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      email: { type: Sequelize.STRING(320), allowNull: false, unique: true },
      displayName: { type: Sequelize.STRING(80) },
      nickname: { type: Sequelize.STRING(40) },
      kind: { type: Sequelize.ENUM("employee", "guest"), allowNull: false, defaultValue: "employee" },
      provider: { type: Sequelize.STRING(32) },
      providerId: { type: Sequelize.STRING(128) },
      passwordHash: { type: Sequelize.STRING(50) },
      passwordSalt: { type: Sequelize.STRING(32) },
      isAdmin: { type: Sequelize.BOOLEAN, allowNull: false, defaultValue: false },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
    await queryInterface.addIndex("Users", ["provider", "providerId"], { unique: true });

    await queryInterface.createTable("Spaces", {
      id: { type: Sequelize.INTEGER, autoIncrement: true, primaryKey: true },
      name: { type: Sequelize.STRING(120), allowNull: false },
      slug: { type: Sequelize.STRING(60), allowNull: false, unique: true },
      createdAt: { type: Sequelize.DATE, allowNull: false },
      updatedAt: { type: Sequelize.DATE, allowNull: false },
    });
  },

  async down(queryInterface) {
    await queryInterface.dropTable("Spaces");
    await queryInterface.dropTable("Users");
  },
};
