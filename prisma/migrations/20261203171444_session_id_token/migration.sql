-- AlterTable
ALTER TABLE "UserSession" ADD COLUMN     "idToken" TEXT;
