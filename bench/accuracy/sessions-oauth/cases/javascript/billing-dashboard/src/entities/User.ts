import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";

export type Role = "owner" | "accountant" | "viewer";

@Entity({ name: "users" })
export class User {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Index()
  @Column({ name: "org_id", type: "uuid", nullable: true })
  orgId: string;

  @Column({ type: "varchar", length: 320, unique: true })
  email: string;

  @Column({ name: "password_hash", type: "varchar", length: 255, nullable: true, select: false })
  passwordHash: string | null;

  @Column({ name: "password_changed_at", type: "timestamptz", nullable: true })
  passwordChangedAt: Date | null;

  @Column({ name: "widget_token_hash", type: "char", length: 64, nullable: true, select: false })
  widgetTokenHash: string | null;

  @Column({ name: "oidc_subject", type: "varchar", length: 255, nullable: true, unique: true })
  oidcSubject: string | null;

  @Column({ type: "varchar", length: 16, default: "viewer" })
  role: Role;

  @Column({ name: "country_code", type: "char", length: 2, nullable: true })
  countryCode: string | null;

  @Column({ name: "email_invoices", default: true })
  emailInvoices: boolean;

  @Column({ name: "email_product_updates", default: false })
  emailProductUpdates: boolean;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;

  @UpdateDateColumn({ name: "updated_at", type: "timestamptz" })
  updatedAt: Date;
}
