import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from "typeorm";

@Entity({ name: "api_keys" })
export class ApiKey {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ name: "org_id", type: "uuid" })
  orgId: string;

  @Column({ type: "varchar", length: 80 })
  label: string;

  @Column({ name: "key_hash", type: "char", length: 64, unique: true })
  keyHash: string;

  @Column({ name: "key_prefix", type: "varchar", length: 8 })
  keyPrefix: string;

  @Column({ type: "varchar", length: 500, default: "invoices:read" })
  scopes: string;

  @Column({ name: "revoked_at", type: "timestamptz", nullable: true })
  revokedAt: Date | null;

  @Column({ name: "last_used_at", type: "timestamptz", nullable: true })
  lastUsedAt: Date | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
