-- AlterTable
ALTER TABLE "Obligation" ADD COLUMN     "owedBy" TEXT NOT NULL DEFAULT 'children';
