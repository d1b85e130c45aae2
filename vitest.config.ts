import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each PGlite instance is a whole Postgres in WebAssembly; two cores run two files at a time comfortably.
    maxWorkers: 2,
    // Minutes, not seconds: guards wait for work, and a loaded machine is slow (a test is never timed by them).
    testTimeout: 600_000,
    hookTimeout: 600_000,
  },
});
