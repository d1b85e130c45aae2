// The Prisma CLI (generate, migrate diff/status) on the JavaScript schema engine: nothing is downloaded, so it
// works offline. The bot applies migrations itself at start (src/store/migrate.ts); the CLI is not needed to run it.
import path from "node:path";
import { defineConfig } from "prisma/config";

// The CLI reads the schema to decide what to download; an unresolved env("DATABASE_URL") makes it fall back to
// downloading an engine. A placeholder keeps it offline: `generate` never connects; `migrate diff` opens a connection
// (to the local server's always-present `postgres` database) though it compares two datamodels.
// (There is no embedded-database adapter here: PGlite keeps the CLI's process alive, so it never exits.)
process.env.DATABASE_URL ??= "postgresql://postgres@127.0.0.1:5432/postgres";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    const { PrismaPg } = await import("@prisma/adapter-pg");
    return new PrismaPg({ connectionString: process.env.DATABASE_URL });
  },
});
