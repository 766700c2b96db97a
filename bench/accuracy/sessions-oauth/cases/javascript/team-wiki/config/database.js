"use strict";

module.exports = {
  development: { url: process.env.DATABASE_URL, dialect: "postgres" },
  test: { url: process.env.TEST_DATABASE_URL, dialect: "postgres", logging: false },
  production: {
    url: process.env.DATABASE_URL,
    dialect: "postgres",
    dialectOptions: { ssl: { require: true, rejectUnauthorized: true } },
    logging: false,
  },
};
