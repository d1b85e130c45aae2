import { chmodSync, copyFileSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ConfigError, loadConfig } from "./config.ts";
import { Prompts } from "./core/i18n.ts";
import { Sealer } from "./core/sealer.ts";
import { BackupError, restoreBackup } from "./store/index.ts";
import { FileBlobs } from "./store/blobs.ts";

/**
 * `npm run restore -- <backup file> [--secret <secret.key>]`: a backup into an empty DATA_DIR, checked first (the
 * file whole, the folder empty, the secret the one the backup was taken under) so that a refusal writes nothing.
 * Exit codes: 0 restored, 1 refused (the reason printed), 2 wrong usage or settings.
 */
async function main(argv: string[]): Promise<number> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + "\n");
      return 2;
    }
    throw err;
  }
  const prompts = new Prompts();
  const say = (id: string, args?: Record<string, string | number>) => prompts.t(config.SENTINEL_LANG, id, args);
  const args = [...argv];
  const at = args.indexOf("--secret");
  const secretFile = at >= 0 ? args.splice(at, 2)[1] : undefined;
  const [file, ...extra] = args;
  if (!file || extra.length || (at >= 0 && !secretFile)) {
    process.stderr.write(say("restore-usage") + "\n");
    return 2;
  }
  if (config.DATABASE_URL) {
    process.stderr.write(say("restore-postgres") + "\n");
    return 2;
  }
  const dataDir = path.resolve(config.DATA_DIR);
  // The secret is never in a backup: it comes from the setting, the file named, or one already put in the folder.
  const keptKey = path.join(dataDir, "secret.key");
  const keyFile = secretFile ?? (existsSync(keptKey) ? keptKey : undefined);
  let secret: Buffer;
  if (config.SENTINEL_SECRET) secret = Buffer.from(config.SENTINEL_SECRET, "utf8");
  else if (keyFile) {
    try {
      secret = Buffer.from(readFileSync(keyFile, "utf8").trim(), "base64");
    } catch (err) {
      process.stderr.write(say("restore-secret-unreadable", { file: keyFile, reason: (err as NodeJS.ErrnoException).code ?? (err as Error).message }) + "\n");
      return 1;
    }
  } else {
    process.stderr.write(say("restore-no-secret", { dir: dataDir }) + "\n");
    return 1;
  }
  process.stdout.write(say("restore-checking", { file }) + "\n");
  try {
    const { header, applied, counts } = await restoreBackup({ file, dataDir, fingerprint: new Sealer(secret).fingerprint() });
    // The bot reads its secret from DATA_DIR/secret.key unless SENTINEL_SECRET is set: put the one named there.
    if (!config.SENTINEL_SECRET && secretFile && path.resolve(secretFile) !== keptKey) {
      copyFileSync(secretFile, keptKey);
      chmodSync(keptKey, 0o600);
    }
    process.stdout.write(say("restore-done", { dir: dataDir, day: header.createdOn, schema: header.schema, applied: applied.length }) + "\n");
    // The photos and documents the nightly backup mirrored beside it (`files/`), back into DATA_DIR/files.
    const mirrored = path.join(path.dirname(path.resolve(file)), "files");
    if (existsSync(mirrored)) {
      const copied = await new FileBlobs(mirrored).mirrorTo(path.join(dataDir, "files"));
      process.stdout.write(say("restore-files", { files: copied, from: mirrored }) + "\n");
    }
    process.stdout.write(
      say("restore-counts", {
        units: counts.Unit, hazards: counts.Hazard, events: counts.HazardEvent, tips: counts.Tip, tipEvents: counts.TipEvent,
        obligations: counts.Obligation, submissions: counts.Submission, ledger: counts.RewardEntry,
      }) + "\n",
    );
    return 0;
  } catch (err) {
    if (err instanceof BackupError) {
      process.stderr.write(say(err.id, err.args) + "\n");
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`restore failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
