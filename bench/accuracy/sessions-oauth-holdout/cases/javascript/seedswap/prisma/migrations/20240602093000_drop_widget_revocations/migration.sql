-- Widget tokens are short-lived; the revocation list was never consulted
-- after the express-jwt upgrade, so it is removed.

-- DropForeignKey
ALTER TABLE "RevokedWidgetToken" DROP CONSTRAINT "RevokedWidgetToken_memberId_fkey";

-- DropTable
DROP TABLE "RevokedWidgetToken";

-- DropTable
DROP TABLE "LegacyCoupon";

-- AlterTable
ALTER TABLE "Member" DROP COLUMN "legacyAvatarUrl",
DROP COLUMN "widgetTokenVersion";

-- AlterTable
ALTER TABLE "Member" ALTER COLUMN "passwordHash" SET DATA TYPE VARCHAR(255);
