-- CreateEnum
CREATE TYPE "TipKind" AS ENUM ('MAJOR_HAZARD', 'ILLEGAL_OPERATION', 'CONCEALED_ACCIDENT', 'OTHER');

-- CreateEnum
CREATE TYPE "TipStatus" AS ENUM ('NEW', 'INVESTIGATING', 'SUBSTANTIATED', 'UNSUBSTANTIATED', 'CLOSED');

-- CreateEnum
CREATE TYPE "RewardState" AS ENUM ('NONE', 'CLAIMED', 'APPROVED', 'PAID');

-- AlterEnum
ALTER TYPE "Role" ADD VALUE 'TIP_HANDLER';

-- CreateTable
CREATE TABLE "Tip" (
    "id" SERIAL NOT NULL,
    "year" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "kind" "TipKind" NOT NULL,
    "status" "TipStatus" NOT NULL DEFAULT 'NEW',
    "codeHash" TEXT NOT NULL,
    "receivedOn" DATE NOT NULL,
    "content" TEXT NOT NULL,
    "identity" TEXT,
    "contact" TEXT,
    "extended" BOOLEAN NOT NULL DEFAULT false,
    "findingOn" DATE,
    "substantiated" BOOLEAN,
    "feedbackOn" DATE,
    "fineYuan" INTEGER,
    "accidentGrade" TEXT,
    "accidentDeaths" INTEGER,
    "sameAsId" INTEGER,
    "hazardId" INTEGER,
    "reward" "RewardState" NOT NULL DEFAULT 'NONE',
    "rewardYuan" INTEGER,
    "closedOn" DATE,
    "unread" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Tip_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipEvent" (
    "id" SERIAL NOT NULL,
    "tipId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "actorId" INTEGER,
    "body" TEXT,
    "data" JSONB,
    "on" DATE NOT NULL,

    CONSTRAINT "TipEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TipCount" (
    "unitId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "kind" "TipKind" NOT NULL,
    "outcome" TEXT NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "TipCount_pkey" PRIMARY KEY ("unitId","month","kind","outcome")
);

-- CreateTable
CREATE TABLE "Throttle" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL,

    CONSTRAINT "Throttle_pkey" PRIMARY KEY ("key")
);

-- CreateTable
CREATE TABLE "JobClaim" (
    "key" TEXT NOT NULL,
    "claimedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "JobClaim_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "Tip_codeHash_key" ON "Tip"("codeHash");

-- CreateIndex
CREATE INDEX "Tip_unitId_status_idx" ON "Tip"("unitId", "status");

-- CreateIndex
CREATE INDEX "Tip_status_closedOn_idx" ON "Tip"("status", "closedOn");

-- CreateIndex
CREATE INDEX "TipEvent_tipId_idx" ON "TipEvent"("tipId");

-- AddForeignKey
ALTER TABLE "Tip" ADD CONSTRAINT "Tip_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TipEvent" ADD CONSTRAINT "TipEvent_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;
