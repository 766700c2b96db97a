import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

/**
 * Aligns column types with the old finance warehouse export, which copies the
 * users table nightly and rejects anything wider than its own schema.
 */
export class NormalizeLegacyColumns1704200000000 implements MigrationInterface {
  name = "NormalizeLegacyColumns1704200000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "country_code" TYPE char(2)`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" TYPE varchar(40)`);
    await queryRunner.dropColumn("users", "password_salt");
    await queryRunner.dropColumn("users", "nickname");
    await queryRunner.query(
      `CREATE TABLE "accountants" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "email" varchar(320) NOT NULL UNIQUE,
        "firm_name" varchar(200) NOT NULL,
        "password_digest" varchar(50) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now()
      )`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "accountants"`);
    await queryRunner.addColumn("users", new TableColumn({ name: "nickname", type: "varchar", length: "60", isNullable: true }));
    await queryRunner.addColumn("users", new TableColumn({ name: "password_salt", type: "varchar", length: "64", isNullable: true }));
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "password_hash" TYPE varchar(255)`);
    await queryRunner.query(`ALTER TABLE "users" ALTER COLUMN "country_code" TYPE varchar(8)`);
  }
}
