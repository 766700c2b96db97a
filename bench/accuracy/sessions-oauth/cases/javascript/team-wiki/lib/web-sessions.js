"use strict";

const { Op } = require("sequelize");
const { Session } = require("../models");

/** Rows are written by connect-session-sequelize with the extra userId column. */
async function destroyOthers(userId, keepSid) {
  return Session.destroy({ where: { userId, sid: { [Op.ne]: keepSid } } });
}

async function destroyAll(userId) {
  return Session.destroy({ where: { userId } });
}

async function listForUser(userId) {
  return Session.findAll({
    where: { userId, expires: { [Op.gt]: new Date() } },
    attributes: ["sid", "expires", "updatedAt"],
    order: [["updatedAt", "DESC"]],
  });
}

module.exports = { destroyOthers, destroyAll, listForUser };
