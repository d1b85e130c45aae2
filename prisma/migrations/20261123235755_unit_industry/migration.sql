-- AlterTable
ALTER TABLE "Unit" ADD COLUMN     "industry" TEXT;
