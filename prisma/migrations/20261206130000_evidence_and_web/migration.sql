-- Files kept by the bot: each step's photos, tips' sealed files; the web ledger's links and sessions.
ALTER TABLE "HazardEvent" ADD COLUMN "attachments" TEXT[] DEFAULT ARRAY[]::TEXT[];

CREATE TABLE "TipFile" (
    "id" TEXT NOT NULL,
    "tipId" INTEGER,
    "kind" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "madeOn" DATE NOT NULL,
    CONSTRAINT "TipFile_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "TipFile_tipId_idx" ON "TipFile"("tipId");
ALTER TABLE "TipFile" ADD CONSTRAINT "TipFile_tipId_fkey" FOREIGN KEY ("tipId") REFERENCES "Tip"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "WebSession" (
    "hash" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "userId" INTEGER NOT NULL,
    "csrfHash" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    CONSTRAINT "WebSession_pkey" PRIMARY KEY ("hash")
);
CREATE INDEX "WebSession_expiresAt_idx" ON "WebSession"("expiresAt");
ALTER TABLE "WebSession" ADD CONSTRAINT "WebSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
