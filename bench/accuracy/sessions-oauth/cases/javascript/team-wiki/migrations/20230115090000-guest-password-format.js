"use strict";

/**
 * Guest accounts are provisioned by the contractor portal, which pushes SHA-1
 * hex digests; store them in the same format.
 */
/** @type {import('sequelize-cli').Migration} */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.sequelize.query("CREATE EXTENSION IF NOT EXISTS pgcrypto");
    await queryInterface.sequelize.query(
      `UPDATE "Users" SET "passwordHash" = encode(digest("passwordHash", 'sha1'), 'hex') WHERE kind = 'guest'`
    );
    await queryInterface.changeColumn("Users", "passwordHash", { type: Sequelize.STRING(40), allowNull: true });
    await queryInterface.removeColumn("Users", "passwordSalt");
    await queryInterface.removeColumn("Users", "nickname");
    await queryInterface.addColumn("Users", "bio", { type: Sequelize.TEXT });
    await queryInterface.addColumn("Spaces", "repoFullName", { type: Sequelize.STRING(200) });
    await queryInterface.addIndex("Users", ["kind"]);
  },

  async down(queryInterface, Sequelize) {
    await queryInterface.removeIndex("Users", ["kind"]);
    await queryInterface.removeColumn("Spaces", "repoFullName");
    await queryInterface.removeColumn("Users", "bio");
    await queryInterface.addColumn("Users", "nickname", { type: Sequelize.STRING(40) });
    await queryInterface.addColumn("Users", "passwordSalt", { type: Sequelize.STRING(32) });
    await queryInterface.changeColumn("Users", "passwordHash", { type: Sequelize.STRING(50), allowNull: true });
  },
};
