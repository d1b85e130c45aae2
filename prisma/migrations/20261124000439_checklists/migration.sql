-- CreateTable
CREATE TABLE "ChecklistItem" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "frequency" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "basis" TEXT,
    "indicator" TEXT,
    "responsible" TEXT,
    "templateKey" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChecklistItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckSchedule" (
    "unitId" INTEGER NOT NULL,
    "frequency" TEXT NOT NULL,
    "time" TEXT NOT NULL,
    "createdById" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CheckSchedule_pkey" PRIMARY KEY ("unitId","frequency")
);

-- CreateTable
CREATE TABLE "CheckRound" (
    "id" SERIAL NOT NULL,
    "unitId" INTEGER NOT NULL,
    "frequency" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "postedAt" TIMESTAMP(3) NOT NULL,
    "deadline" DATE NOT NULL,
    "items" JSONB NOT NULL,
    "completedAt" TIMESTAMP(3),

    CONSTRAINT "CheckRound_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CheckAnswer" (
    "roundId" INTEGER NOT NULL,
    "position" INTEGER NOT NULL,
    "itemId" INTEGER NOT NULL,
    "result" TEXT NOT NULL,
    "note" TEXT,
    "attachments" TEXT[],
    "answeredById" INTEGER NOT NULL,
    "answeredAt" TIMESTAMP(3) NOT NULL,
    "hazardId" INTEGER,

    CONSTRAINT "CheckAnswer_pkey" PRIMARY KEY ("roundId","position")
);

-- CreateIndex
CREATE INDEX "ChecklistItem_unitId_active_idx" ON "ChecklistItem"("unitId", "active");

-- CreateIndex
CREATE INDEX "CheckRound_unitId_postedAt_idx" ON "CheckRound"("unitId", "postedAt");

-- CreateIndex
CREATE UNIQUE INDEX "CheckRound_unitId_frequency_period_key" ON "CheckRound"("unitId", "frequency", "period");

-- AddForeignKey
ALTER TABLE "CheckAnswer" ADD CONSTRAINT "CheckAnswer_roundId_fkey" FOREIGN KEY ("roundId") REFERENCES "CheckRound"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
