-- CreateTable
CREATE TABLE "Counter" (
    "name" TEXT NOT NULL,
    "last" INTEGER NOT NULL,

    CONSTRAINT "Counter_pkey" PRIMARY KEY ("name")
);

-- Hazard numbers continue from the highest taken so far.
INSERT INTO "Counter" (name, last) SELECT 'hazard', COALESCE(max(id), 0) FROM "Hazard";
