import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { inspect } from "node:util";
import { CreateBucketCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { blobKey, FileBlobs, openBlobs, type BlobStore } from "../../src/store/blobs.ts";
import { S3Blobs } from "../../src/store/blobs-s3.ts";

/** The local S3-compatible server (the maintained fork of s3rver); it ships no types, so the little used is typed here. */
interface S3rverServer {
  run(): Promise<AddressInfo>;
  close(): Promise<void>;
  httpServer: Server;
}
const S3rver = createRequire(import.meta.url)("@20minutes/s3rver") as new (opts: Record<string, unknown>) => S3rverServer;

// s3rver's one account; the secret is checked (requests are signed), and must never show in `where` or a log.
const ACCESS = "S3RVER";
const SECRET = "S3RVER";
const BUCKET = "sentinel-files";

/** What the suite needs of a store under test: the store, how many objects it holds, a fingerprint of its storage. */
interface Harness {
  store: BlobStore;
  count(): Promise<number>;
  /** What a request that reached storage would change. */
  snapshot(): Promise<string>;
}

const temps: string[] = [];
async function tempDir(name: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `sentinel-${name}-`));
  temps.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(temps.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

// ---- the local S3 server, shared by the S3 suites ----

let server: S3rverServer | undefined;
let endpoint = "";
let requests = 0; // object requests that reached the server
let admin: S3Client | undefined;

async function startS3(): Promise<void> {
  if (server) return;
  const s = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: await tempDir("s3rver") });
  const addr = await s.run();
  server = s;
  // Requests about objects: all that a store makes (the test's own listing is about the bucket, and not counted).
  s.httpServer.on("request", (req: { url?: string }) => {
    if (!/^\/[^/?]+\/?(\?|$)/.test(req.url ?? "")) requests++;
  });
  endpoint = `http://127.0.0.1:${addr.port}`;
  admin = new S3Client({
    endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: ACCESS, secretAccessKey: SECRET },
    forcePathStyle: true,
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  // The SDK signs a bucket's own URL (create, list) as `/bucket/`, s3rver checks it as `/bucket`: drop the slash before
  // signing. Object requests, all that S3Blobs makes, need no such help.
  admin.middlewareStack.add(
    (next) => async (args) => {
      const req = args.request as { path?: string };
      if (typeof req.path === "string" && /^\/[^/]+\/$/.test(req.path)) req.path = req.path.slice(0, -1);
      return next(args);
    },
    { step: "build", name: "s3rverBucketPath" },
  );
  await admin.send(new CreateBucketCommand({ Bucket: BUCKET }));
}

afterAll(async () => {
  admin?.destroy();
  await server?.close();
});

async function listNames(prefix: string): Promise<string[]> {
  const names: string[] = [];
  let token: string | undefined;
  do {
    const res = await admin!.send(
      new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix, ...(token ? { ContinuationToken: token } : {}) }),
    );
    for (const o of res.Contents ?? []) if (o.Key) names.push(o.Key);
    token = res.IsTruncated ? res.NextContinuationToken : undefined;
  } while (token);
  return names;
}

function s3Url(prefix: string): string {
  return `http://${ACCESS}:${SECRET}@${endpoint.slice("http://".length)}/${BUCKET}${prefix ? `/${prefix}` : ""}`;
}

// ---- the behaviour every BlobStore has ----

function behaves(name: string, open: () => Promise<Harness>): void {
  describe(name, () => {
    let h: Harness;
    beforeAll(async () => {
      h = await open();
    });

    it("put returns the sha256 key of the bytes, and get gives them back", async () => {
      const data = new TextEncoder().encode("a photo of a blocked fire exit");
      const key = await h.store.put(data);
      expect(key).toBe(blobKey(data));
      expect(key).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(Buffer.from((await h.store.get(key))!).equals(Buffer.from(data))).toBe(true);
    });

    it("putting the same bytes twice keeps one object under the same key", async () => {
      const data = randomBytes(1000);
      const before = await h.count();
      const first = await h.store.put(data);
      const second = await h.store.put(new Uint8Array(data));
      expect(second).toBe(first);
      expect(await h.count()).toBe(before + 1);
    });

    it("get of a key never put is null", async () => {
      expect(await h.store.get(blobKey(randomBytes(32)))).toBeNull();
    });

    it("delete removes the bytes; deleting again, or a key never put, is fine", async () => {
      const data = randomBytes(100);
      const key = await h.store.put(data);
      const before = await h.count();
      await h.store.delete(key);
      expect(await h.store.get(key)).toBeNull();
      expect(await h.count()).toBe(before - 1);
      await h.store.delete(key);
      await h.store.delete(blobKey(randomBytes(32)));
      expect(await h.count()).toBe(before - 1);
    });

    it("empty bytes are a file like any other", async () => {
      const key = await h.store.put(new Uint8Array(0));
      expect(key).toBe(blobKey(new Uint8Array(0)));
      expect((await h.store.get(key))?.byteLength).toBe(0);
    });

    it("a key that is not sha256:<64 hex> is rejected without touching storage", async () => {
      const bad = [
        "sha256:../../etc",
        "sha256:../../etc/passwd",
        `sha256:${"0".repeat(63)}`,
        `sha256:${"A".repeat(64)}`,
        `sha256:${"0".repeat(64)}/x`,
        `md5:${"0".repeat(32)}`,
        "",
      ];
      const before = await h.snapshot();
      for (const key of bad) {
        await expect(h.store.get(key), key).rejects.toThrow(/not a blob key/);
        await expect(h.store.delete(key), key).rejects.toThrow(/not a blob key/);
      }
      expect(await h.snapshot()).toBe(before);
    });

    it("a 5 MB file round-trips byte for byte", async () => {
      const data = randomBytes(5 * 1024 * 1024);
      const key = await h.store.put(data);
      expect(key).toBe(blobKey(data));
      const back = await h.store.get(key);
      expect(back?.byteLength).toBe(data.byteLength);
      expect(Buffer.from(back!).equals(data)).toBe(true);
    });
  });
}

behaves("FileBlobs", async () => {
  // The store sits two folders down, with files planted where `sha256:../../etc…` would reach were keys not checked.
  const root = await tempDir("files");
  const dir = path.join(root, "a", "files");
  await mkdir(path.join(root, "etc"), { recursive: true });
  await writeFile(path.join(root, "etc", "passwd"), "planted");
  await writeFile(path.join(root, "etc.txt"), "planted");
  const store = new FileBlobs(dir);
  return {
    store,
    count: () => countFiles(dir),
    // Every file and folder under the temp root, with its size and time of change.
    snapshot: async () => {
      const entries = await readdir(root, { recursive: true, withFileTypes: true });
      const lines = await Promise.all(
        entries.map(async (e) => {
          const p = path.join(e.parentPath, e.name);
          const st = await stat(p);
          return `${path.relative(root, p)} ${st.size} ${st.mtimeMs}`;
        }),
      );
      return lines.sort().join("\n");
    },
  };
});

behaves("S3Blobs (local S3 server)", async () => {
  await startS3();
  const prefix = "bot/files";
  return {
    store: S3Blobs.fromUrl(s3Url(prefix)),
    count: async () => (await listNames(`${prefix}/`)).length,
    // How many object requests reached the server, and the objects under the prefix.
    snapshot: async () => {
      const seen = requests;
      return `${seen} ${(await listNames(`${prefix}/`)).join(",")}`;
    },
  };
});

describe("S3Blobs", () => {
  beforeAll(startS3);

  it("keeps an object at <prefix>/<2 hex>/<62 hex>", async () => {
    const store = S3Blobs.fromUrl(s3Url("layout/x"));
    const data = randomBytes(64);
    const hex = blobKey(data).slice("sha256:".length);
    await store.put(data);
    expect(await listNames("layout/")).toEqual([`layout/x/${hex.slice(0, 2)}/${hex.slice(2)}`]);
    store.close();
  });

  it("where names the bucket and prefix, never the credentials, and nor does inspecting the store", () => {
    const secret = "wJalrXUtnFEMI%2FK7MDENG";
    const store = S3Blobs.fromUrl(`https://AKIAEXAMPLE:${secret}@oss.example.com/bucket/some/prefix/?region=cn-hangzhou`);
    expect(store.where).toBe("s3://bucket/some/prefix");
    for (const shown of [store.where, inspect(store, { depth: 10 }), JSON.stringify(store)]) {
      expect(shown).not.toContain("AKIAEXAMPLE");
      expect(shown).not.toContain("wJalrXUtnFEMI");
    }
    expect(S3Blobs.fromUrl("http://k:s@minio:9000/b").where).toBe("s3://b");
    store.close();
  });

  it("rejects a URL without a bucket or credentials, without repeating it", () => {
    for (const url of ["http://key:topsecret@minio:9000", "http://key:topsecret@minio:9000/", "http://minio:9000/b", "ftp://key:topsecret@h/b"]) {
      let message = "";
      try {
        S3Blobs.fromUrl(url);
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message, url).toMatch(/SENTINEL_FILES_S3_URL/);
      expect(message).not.toContain("topsecret");
    }
  });

  it("a wrong secret is an error, not a missing file", async () => {
    const store = S3Blobs.fromUrl(`http://${ACCESS}:wrong@${endpoint.slice("http://".length)}/${BUCKET}`);
    await expect(store.get(blobKey(randomBytes(8)))).rejects.toThrow();
    store.close();
  });

  it("openBlobs with SENTINEL_FILES_S3_URL gives an S3Blobs that works, and no files folder", async () => {
    const dataDir = await tempDir("data");
    const store = await openBlobs({ DATA_DIR: dataDir, SENTINEL_FILES_S3_URL: s3Url("") });
    expect(store).toBeInstanceOf(S3Blobs);
    expect(store.where).toBe(`s3://${BUCKET}`);
    const data = new TextEncoder().encode("rectified: exit cleared");
    const key = await store.put(data);
    expect(Buffer.from((await store.get(key))!).toString()).toBe("rectified: exit cleared");
    const hex = key.slice("sha256:".length);
    expect(await listNames(`${hex.slice(0, 2)}/`)).toContain(`${hex.slice(0, 2)}/${hex.slice(2)}`);
    await store.delete(key);
    expect(await store.get(key)).toBeNull();
    expect(existsSync(path.join(dataDir, "files"))).toBe(false);
    (store as S3Blobs).close();
  });

  it("openBlobs without it keeps files in <DATA_DIR>/files", async () => {
    const dataDir = await tempDir("data");
    const store = await openBlobs({ DATA_DIR: dataDir });
    expect(store).toBeInstanceOf(FileBlobs);
    expect(store.where).toBe(path.join(dataDir, "files"));
    const key = await store.put(new Uint8Array([1, 2, 3]));
    expect(await countFiles(path.join(dataDir, "files"))).toBe(1);
    expect(Array.from((await store.get(key))!)).toEqual([1, 2, 3]);
  });
});
