import { createHash, randomBytes } from "node:crypto";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * Where the bot keeps the files people send (photos of a hazard, of its rectification, documents): by the SHA-256 of
 * their bytes, so the same photo sent twice (a redelivery, a forward) is kept once, and a key names its content.
 * Keys look like `sha256:<64 hex>`. A tip's files never come here (they are sealed and kept with the tip, see TipRepo).
 */
export interface BlobStore {
  /** Keeps the bytes and returns their key; keeping bytes already there is a no-op. */
  put(data: Uint8Array): Promise<string>;
  /** The bytes of a key, or null when there are none (a key of a file never kept, or one removed). */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
  /** Where the files are, for the log at start (a folder, or `s3://bucket/prefix`). */
  readonly where: string;
}

const KEY = /^sha256:([0-9a-f]{64})$/;

/** The key the bytes are kept under. */
export function blobKey(data: Uint8Array): string {
  return `sha256:${createHash("sha256").update(data).digest("hex")}`;
}

/** Whether a stored attachment reference is a key of this store (older rows hold platforms' references). */
export function isBlobKey(ref: string): boolean {
  return KEY.test(ref);
}

/** The hex of a key, or an error for anything else: a key from a URL or a row never names a path outside the store. */
export function keyHex(key: string): string {
  const m = KEY.exec(key);
  if (!m) throw new Error("not a blob key");
  return m[1]!;
}

/** Files in a folder: `<dir>/ab/cdef…` (two-level, so no folder holds millions of entries). */
export class FileBlobs implements BlobStore {
  constructor(readonly dir: string) {}

  get where(): string {
    return this.dir;
  }

  private pathOf(key: string): string {
    const hex = keyHex(key);
    return path.join(this.dir, hex.slice(0, 2), hex.slice(2));
  }

  async put(data: Uint8Array): Promise<string> {
    const key = blobKey(data);
    const file = this.pathOf(key);
    if (await exists(file)) return key;
    await mkdir(path.dirname(file), { recursive: true });
    // Written beside and renamed: a crash or a second process never leaves half a file under a key.
    const partial = `${file}.${randomBytes(6).toString("hex")}.part`;
    await writeFile(partial, data, { flush: true });
    await rename(partial, file);
    return key;
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return new Uint8Array(await readFile(this.pathOf(key)));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /**
   * Copies into `dir` (same layout) every file not there yet: the backup of the file store. Files never change under
   * their key, so a file present is a file copied; each night copies only the day's new files. Returns how many.
   */
  async mirrorTo(dir: string): Promise<number> {
    let copied = 0;
    for (const top of await readdir(this.dir).catch(() => [] as string[])) {
      if (!/^[0-9a-f]{2}$/.test(top)) continue;
      for (const name of await readdir(path.join(this.dir, top))) {
        if (!/^[0-9a-f]{62}$/.test(name)) continue;
        const to = path.join(dir, top, name);
        if (await exists(to)) continue;
        await mkdir(path.dirname(to), { recursive: true });
        const partial = `${to}.${randomBytes(6).toString("hex")}.part`;
        await copyFile(path.join(this.dir, top, name), partial);
        await rename(partial, to);
        copied++;
      }
    }
    return copied;
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The settings `openBlobs` reads (see config.ts). */
export interface BlobSettings {
  DATA_DIR: string;
  SENTINEL_FILES_S3_URL?: string | undefined;
}

/**
 * The configured store: S3-compatible object storage when `SENTINEL_FILES_S3_URL` is set, else `<DATA_DIR>/files`.
 * `inMemory` (tests, scripts on the in-memory database) keeps files in a new temporary folder.
 */
export async function openBlobs(config: BlobSettings, opts: { inMemory?: boolean } = {}): Promise<BlobStore> {
  if (config.SENTINEL_FILES_S3_URL) {
    const { S3Blobs } = await import("./blobs-s3.ts");
    return S3Blobs.fromUrl(config.SENTINEL_FILES_S3_URL);
  }
  const dir = opts.inMemory ? await mkdtemp(path.join(tmpdir(), "sentinel-files-")) : path.join(config.DATA_DIR, "files");
  await mkdir(dir, { recursive: true });
  return new FileBlobs(dir);
}
