-- AlterTable
ALTER TABLE "User" ADD COLUMN     "honorHidden" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "RewardRuleSet" (
    "unitId" INTEGER NOT NULL,
    "rules" JSONB NOT NULL,
    "updatedById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RewardRuleSet_pkey" PRIMARY KEY ("unitId")
);

-- CreateTable
CREATE TABLE "RewardRuleEvent" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "actorId" INTEGER NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RewardRuleEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RewardEntry" (
    "id" SERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "hazardId" INTEGER NOT NULL,
    "userId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "month" TEXT NOT NULL,
    "amount" INTEGER NOT NULL,
    "points" INTEGER NOT NULL,
    "refId" INTEGER,
    "actorId" INTEGER,
    "note" TEXT,
    "at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RewardEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RewardRuleEvent_unitId_idx" ON "RewardRuleEvent"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "RewardEntry_dedupeKey_key" ON "RewardEntry"("dedupeKey");

-- CreateIndex
CREATE INDEX "RewardEntry_userId_idx" ON "RewardEntry"("userId");

-- CreateIndex
CREATE INDEX "RewardEntry_unitId_month_idx" ON "RewardEntry"("unitId", "month");
