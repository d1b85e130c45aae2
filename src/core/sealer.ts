import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, randomInt } from "node:crypto";
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { RECEIPT_RANDOM_DIGITS, makeReceiptCode } from "../domain/receipt-code.ts";

/**
 * Everything secret about tips goes through here: receipt codes and chat handles are stored only as keyed hashes
 * (HMAC-SHA256), tip content only sealed (AES-256-GCM). The keys derive from one server secret, which never enters
 * the database: a copy of the database alone reads no tip and matches no code.
 */
export class Sealer {
  private readonly codeKey: Buffer;
  private readonly chatKey: Buffer;
  private readonly sealKey: Buffer;
  private readonly checkKey: Buffer;

  constructor(secret: Buffer) {
    const derive = (info: string) => Buffer.from(hkdfSync("sha256", secret, "sentinel", info, 32));
    this.codeKey = derive("receipt-code");
    this.chatKey = derive("chat-handle");
    this.sealKey = derive("tip-content");
    this.checkKey = derive("check");
  }

  /** The stored form of a receipt code (canonical digits). */
  hashCode(code: string): string {
    return createHmac("sha256", this.codeKey).update(code).digest("hex");
  }

  /** A keyed, one-way name for a chat or message, for claims, dialogs and rate limits of the anonymous lane. */
  hashChat(...parts: string[]): string {
    return createHmac("sha256", this.chatKey).update(parts.join("\u0000")).digest("hex");
  }

  /** JSON → `v1.<iv>.<tag>.<ciphertext>` (base64url), authenticated. */
  seal(value: unknown): string {
    return this.sealBytes(Buffer.from(JSON.stringify(value), "utf8"));
  }

  open<T>(sealed: string): T {
    return JSON.parse(this.openBytes(sealed).toString("utf8")) as T;
  }

  /** Bytes (a tip's photo) → `v1.<iv>.<tag>.<ciphertext>`, like `seal`. */
  sealBytes(plain: Uint8Array): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.sealKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return ["v1", iv, cipher.getAuthTag(), body].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
  }

  openBytes(sealed: string): Buffer {
    const [v, iv, tag, body] = sealed.split(".");
    if (v !== "v1" || !iv || !tag || body === undefined) throw new Error("not a sealed value");
    const decipher = createDecipheriv("aes-256-gcm", this.sealKey, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]);
  }

  /** A fingerprint of the secret, stored so a process started with another secret refuses instead of misreading. */
  fingerprint(): string {
    return createHmac("sha256", this.checkKey).update("sentinel-secret").digest("hex").slice(0, 32);
  }

  /** A new receipt code: 26 random digits and two check digits. */
  static newReceiptCode(): string {
    let digits = "";
    for (let i = 0; i < RECEIPT_RANDOM_DIGITS; i++) digits += String(randomInt(10));
    return makeReceiptCode(digits);
  }
}

export class SecretError extends Error {}

/** Bytes a secret file must hold: what this bot writes (32), and what keyed hashes of 86-bit codes need. */
export const SECRET_BYTES = 32;

/**
 * The server secret: `SENTINEL_SECRET` when set; else `<DATA_DIR>/secret.key`, generated at first start (mode 600).
 * Several processes on one PostgreSQL must share one secret: set `SENTINEL_SECRET` for them.
 * A file that is empty or short is refused: running on it would seal tips with a key anyone can guess.
 */
export function loadSecret(configured: string | undefined, dataDir: string | null): Buffer {
  if (configured) return Buffer.from(configured, "utf8");
  if (!dataDir) return randomBytes(SECRET_BYTES);
  const file = path.join(dataDir, "secret.key");
  if (!existsSync(file)) createSecretFile(dataDir, file);
  const secret = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  if (secret.length < SECRET_BYTES) {
    throw new SecretError(
      `${file} holds ${secret.length} bytes of key, not the ${SECRET_BYTES} this bot writes: it is not a secret the bot ` +
        `made, and tips sealed with it would be open to anyone. Restore the file from a backup (or set SENTINEL_SECRET ` +
        `to the secret the database was set up with); only if no tip was ever filed here, delete the file to make a new one.`,
    );
  }
  return secret;
}

/**
 * Writes the secret whole or not at all: into a temporary file first, then linked into place, which fails if another
 * process was first (its secret is then the one read). A crash leaves no empty or half-written secret.key behind.
 */
function createSecretFile(dataDir: string, file: string): void {
  mkdirSync(dataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, randomBytes(SECRET_BYTES).toString("base64") + "\n", { mode: 0o600, flag: "w" });
  chmodSync(tmp, 0o600);
  try {
    linkSync(tmp, file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
  } finally {
    rmSync(tmp, { force: true });
  }
}
