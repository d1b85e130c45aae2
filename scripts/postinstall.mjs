// npm runs this after installing this package's dependencies (its postinstall).
// The dev install (`npm ci`, devDependencies present) generates the Prisma client into src/generated and builds dist/.
// A production install (`npm ci --omit=dev`) has neither the Prisma CLI nor TypeScript: it runs the dist/ a dev install
// built (deploy/Dockerfile's build stage), so it builds nothing, and says so when dist/ is not there yet.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const has = (pkg) => {
  try {
    require.resolve(`${pkg}/package.json`);
    return true;
  } catch {
    return false;
  }
};

if (has("typescript") && has("prisma")) {
  execSync("prisma generate && npm run build", { stdio: "inherit" });
} else if (!existsSync("dist/main.js")) {
  process.stdout.write(
    "Production install: nothing is built here. Copy dist/ from a dev install (`npm ci` builds it) before `npm start`.\n",
  );
}
