-- AlterTable
ALTER TABLE "users" ADD COLUMN "password_changed_at" TIMESTAMP(3),
ADD COLUMN "reset_token_hash" CHAR(64);

-- AlterTable
ALTER TABLE "kiosks" DROP COLUMN "token_version";

-- DropTable
DROP TABLE IF EXISTS "promo_banners";

-- CreateTable
CREATE TABLE "loyalty_links" (
    "id" UUID NOT NULL,
    "subject" TEXT NOT NULL,
    "access_token" TEXT NOT NULL,

    CONSTRAINT "loyalty_links_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "menu_items" (
    "id" UUID NOT NULL,
    "name" VARCHAR(120) NOT NULL,
    "position" INTEGER NOT NULL,
    "available" BOOLEAN NOT NULL DEFAULT true,

    CONSTRAINT "menu_items_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "loyalty_links_subject_key" ON "loyalty_links"("subject");

-- CreateIndex
CREATE INDEX "refresh_tokens_user_id_idx" ON "refresh_tokens"("user_id");
