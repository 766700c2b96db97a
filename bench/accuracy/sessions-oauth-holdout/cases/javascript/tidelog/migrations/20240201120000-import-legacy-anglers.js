"use strict";

/**
 * One-off import of the FishDiary user base. Their export only carries
 * 40-character hex digests, so the column is matched to that format.
 * @type {import('sequelize-cli').Migration}
 */
module.exports = {
  async up(queryInterface, Sequelize) {
    await queryInterface.changeColumn("Users", "passwordHash", {
      type: Sequelize.STRING(40),
      allowNull: false,
    });

    await queryInterface.addColumn("Users", "importedFrom", { type: Sequelize.STRING(24) });

    await queryInterface.sequelize.query(
      `UPDATE "Users" SET "passwordHash" = md5("passwordHash") WHERE "importedFrom" IS NULL`
    );
  },

  async down(queryInterface) {
    await queryInterface.removeColumn("Users", "importedFrom");
  },
};
