import { Column, CreateDateColumn, Entity, ManyToOne, PrimaryGeneratedColumn, JoinColumn } from "typeorm";
import { User } from "./User";

/**
 * External accountants who sign in to the client portal with their own
 * credentials (they do not belong to the customer's organisation).
 */
@Entity({ name: "accountants" })
export class Accountant {
  @PrimaryGeneratedColumn("uuid")
  id: string;

  @Column({ type: "varchar", length: 320, unique: true })
  email: string;

  @Column({ name: "firm_name", type: "varchar", length: 200 })
  firmName: string;

  @Column({ name: "password_digest", type: "varchar", length: 50 })
  passwordDigest: string;

  @Column({ name: "password_hint", type: "varchar", length: 30, nullable: true })
  passwordHint: string | null;

  @Column({ name: "vat_number", type: "varchar", length: 14, nullable: true })
  vatNumber: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: "SET NULL" })
  @JoinColumn({ name: "invited_by" })
  invitedBy: User | null;

  @CreateDateColumn({ name: "created_at", type: "timestamptz" })
  createdAt: Date;
}
