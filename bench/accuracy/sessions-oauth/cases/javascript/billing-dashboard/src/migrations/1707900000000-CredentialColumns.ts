import { MigrationInterface, QueryRunner, TableColumn } from "typeorm";

export class CredentialColumns1707900000000 implements MigrationInterface {
  name = "CredentialColumns1707900000000";

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.changeColumn(
      "users",
      "password_hash",
      new TableColumn({ name: "password_hash", type: "varchar", length: "255", isNullable: true }),
    );
    await queryRunner.addColumns("users", [
      new TableColumn({ name: "password_changed_at", type: "timestamptz", isNullable: true }),
      new TableColumn({ name: "widget_token_hash", type: "char", length: "64", isNullable: true }),
      new TableColumn({ name: "oidc_subject", type: "varchar", length: "255", isNullable: true, isUnique: true }),
    ]);
    await queryRunner.addColumn(
      "accountants",
      new TableColumn({ name: "password_hint", type: "varchar", length: "30", isNullable: true }),
    );
    await queryRunner.query(`DROP TABLE IF EXISTS "promo_codes"`);
    await queryRunner.query(`CREATE INDEX "IDX_users_org_role" ON "users" ("org_id", "role")`);
    await queryRunner.query(`CREATE INDEX "IDX_api_keys_org" ON "api_keys" ("org_id") WHERE "revoked_at" IS NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_api_keys_org"`);
    await queryRunner.query(`DROP INDEX "IDX_users_org_role"`);
    await queryRunner.dropColumn("accountants", "password_hint");
    await queryRunner.dropColumns("users", ["oidc_subject", "widget_token_hash", "password_changed_at"]);
  }
}
