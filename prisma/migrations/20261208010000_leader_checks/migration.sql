-- 主要负责人带队检查 (seed 003 第6条): who of the enterprise's 主要负责人 or 实际控制人 led a round (answered or signed it), and when.
-- A round of frequency LEADER is finished only once it is led.
ALTER TABLE "CheckRound" ADD COLUMN "ledById" INTEGER,
ADD COLUMN "ledAt" TIMESTAMP(3);
