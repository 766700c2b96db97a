-- CreateTable
CREATE TABLE "StaffAccount" (
    "id" SERIAL NOT NULL,
    "branchId" INTEGER NOT NULL,
    "username" VARCHAR(40) NOT NULL,
    "passwordHash" VARCHAR(255) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffAccount_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StaffAccount_username_key" ON "StaffAccount"("username");

-- AlterTable
ALTER TABLE "Member" ADD COLUMN "passwordHint" VARCHAR(40),
ADD COLUMN "countryCode" VARCHAR(2);

-- The till app only ever sends a truncated digest; match its length.
-- AlterTable
ALTER TABLE "StaffAccount" ALTER COLUMN "passwordHash" SET DATA TYPE VARCHAR(32);
ALTER TABLE "StaffAccount" ADD COLUMN "pinHint" VARCHAR(20);
