import { MigrationInterface, QueryRunner, Table } from "typeorm";

export class CreateUsers1699000000000 implements MigrationInterface {
  name = "CreateUsers1699000000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS "pgcrypto"`);
    await queryRunner.createTable(
      new Table({
        name: "users",
        columns: [
          { name: "id", type: "uuid", isPrimary: true, default: "gen_random_uuid()" },
          { name: "org_id", type: "uuid", isNullable: true },
          { name: "email", type: "varchar", length: "320", isUnique: true },
          { name: "password_hash", type: "varchar", length: "255", isNullable: true },
          { name: "password_salt", type: "varchar", length: "64", isNullable: true },
          { name: "nickname", type: "varchar", length: "60", isNullable: true },
          { name: "role", type: "varchar", length: "16", default: "'viewer'" },
          { name: "country_code", type: "varchar", length: "8", isNullable: true },
          { name: "created_at", type: "timestamptz", default: "now()" },
          { name: "updated_at", type: "timestamptz", default: "now()" },
        ],
      }),
    );
    await queryRunner.query(
      `CREATE TABLE "http_sessions" ("sid" varchar NOT NULL PRIMARY KEY, "sess" json NOT NULL, "expire" timestamp(6) NOT NULL)`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_http_sessions_expire" ON "http_sessions" ("expire")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "http_sessions"`);
    await queryRunner.dropTable("users");
  }
}
