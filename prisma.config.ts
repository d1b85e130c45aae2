// The Prisma CLI (generate, migrate diff/deploy) on the JavaScript schema engine: nothing is downloaded,
// so it works offline. It talks to the same database the bot would: DATABASE_URL, or PGlite in DATA_DIR.
import path from "node:path";
import { mkdirSync } from "node:fs";
import { defineConfig } from "prisma/config";

// The CLI reads the schema to decide what to download; an unresolved env("DATABASE_URL") makes it
// fall back to downloading an engine. A placeholder keeps it offline when the embedded store is used.
process.env.DATABASE_URL ??= "postgresql://embedded@localhost/pglite";
const embedded = process.env.DATABASE_URL === "postgresql://embedded@localhost/pglite";

export default defineConfig({
  schema: path.join("prisma", "schema.prisma"),
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    if (!embedded) {
      const { PrismaPg } = await import("@prisma/adapter-pg");
      return new PrismaPg({ connectionString: process.env.DATABASE_URL });
    }
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    const dir = path.resolve(process.env.DATA_DIR ?? "data", "pglite");
    mkdirSync(path.dirname(dir), { recursive: true });
    // pglite-prisma-adapter 0.6 declares its own copy (6.10) of Prisma's adapter types; the protocol is the same.
    return new PrismaPGlite(new PGlite(dir)) as never;
  },
});
