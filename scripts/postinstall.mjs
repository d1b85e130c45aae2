// npm runs this after installing this package's dependencies (its postinstall).
// The dev install (`npm ci`) generates the Prisma client into src/generated and builds dist/. A production install
// (`npm ci --omit=dev`, or NODE_ENV=production) has no Prisma CLI or TypeScript to build with: it runs the dist/ a dev
// install built (deploy/Dockerfile's build stage), so it builds nothing, and says so when dist/ is not there yet.
import { execSync } from "node:child_process";
import { existsSync } from "node:fs";

const omitted = (process.env.npm_config_omit ?? "").split(/[\s,]+/);
const production = omitted.includes("dev") || (process.env.NODE_ENV === "production" && !process.env.npm_config_include?.includes("dev"));

if (!production) {
  execSync("prisma generate && npm run build", { stdio: "inherit" });
} else if (!existsSync("dist/main.js")) {
  process.stdout.write(
    "Production install: nothing is built here. Copy dist/ from a dev install (`npm ci` builds it) before `npm start`.\n",
  );
}
