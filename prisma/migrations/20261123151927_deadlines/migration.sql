-- AlterTable
ALTER TABLE "User" ADD COLUMN     "remindPrivately" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "JobClaim" ADD COLUMN     "outcome" TEXT;

-- CreateTable
CREATE TABLE "Obligation" (
    "id" SERIAL NOT NULL,
    "receiverUnitId" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "keyword" TEXT NOT NULL,
    "dueDate" DATE NOT NULL,
    "createdById" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Obligation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Submission" (
    "id" SERIAL NOT NULL,
    "obligationKey" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "late" BOOLEAN NOT NULL,
    "via" TEXT NOT NULL,
    "fileRef" TEXT,

    CONSTRAINT "Submission_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Figure" (
    "unitId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "recordedById" INTEGER NOT NULL,
    "recordedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Figure_pkey" PRIMARY KEY ("unitId","month","key")
);

-- CreateIndex
CREATE INDEX "Obligation_receiverUnitId_idx" ON "Obligation"("receiverUnitId");

-- CreateIndex
CREATE UNIQUE INDEX "Submission_obligationKey_period_unitId_key" ON "Submission"("obligationKey", "period", "unitId");
