import { createHash } from "node:crypto";
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { blobKey, keyHex, type BlobStore } from "./blobs.ts";

/**
 * Files in S3-compatible object storage (AWS S3, MinIO, Ceph, Aliyun OSS in S3 mode, …), path-style:
 * `<bucket>/<prefix>/ab/cdef…`, the same layout as FileBlobs. Only loaded (with the SDK) when
 * `SENTINEL_FILES_S3_URL` is set, see `openBlobs`.
 */
export class S3Blobs implements BlobStore {
  // Private (#), so logging or inspecting the store never shows the client, whose config holds the credentials.
  readonly #client: S3Client;

  constructor(
    client: S3Client,
    readonly bucket: string,
    /** Without slashes at either end; "" for the bucket's root. */
    readonly prefix: string,
  ) {
    this.#client = client;
  }

  /**
   * `http(s)://ACCESS_KEY:SECRET_KEY@host[:port]/bucket[/prefix][?region=…]` (region us-east-1 unless given).
   * A key or secret holding `/`, `+`, `@`, `:` or `%` is written percent-encoded (`/` as `%2F`).
   * Errors never repeat the URL: it holds the secret.
   */
  static fromUrl(url: string): S3Blobs {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new Error("SENTINEL_FILES_S3_URL is not a URL");
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") {
      throw new Error("SENTINEL_FILES_S3_URL must start with http:// or https://");
    }
    if (!u.username || !u.password) {
      throw new Error("SENTINEL_FILES_S3_URL must hold ACCESS_KEY:SECRET_KEY@ before the host");
    }
    const [bucket, ...rest] = u.pathname.split("/").filter((part) => part !== "");
    if (!bucket) throw new Error("SENTINEL_FILES_S3_URL must name a bucket: http(s)://KEY:SECRET@host/bucket[/prefix]");
    const prefix = rest.map((part) => decodeURIComponent(part)).join("/");
    const client = new S3Client({
      endpoint: `${u.protocol}//${u.host}`,
      region: u.searchParams.get("region") || "us-east-1",
      credentials: {
        accessKeyId: decodeURIComponent(u.username),
        secretAccessKey: decodeURIComponent(u.password),
      },
      // Path-style (`host/bucket/key`): what MinIO, Ceph and most self-hosted servers serve without DNS set-up.
      forcePathStyle: true,
      // Only the checksums S3 requires: several compatible servers reject the SDK's newer default ones.
      // Uploads carry Content-MD5 instead (see put), which they all check.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      // Give up on a server that does not answer, rather than hold a message's handling forever; the SDK retries.
      requestHandler: { connectionTimeout: 30_000, requestTimeout: 120_000 },
    });
    return new S3Blobs(client, decodeURIComponent(bucket), prefix);
  }

  get where(): string {
    return `s3://${this.bucket}${this.prefix ? `/${this.prefix}` : ""}`;
  }

  /** The object name of a key; throws for anything that is not a key before any request is made. */
  private nameOf(key: string): string {
    const hex = keyHex(key);
    return `${this.prefix ? `${this.prefix}/` : ""}${hex.slice(0, 2)}/${hex.slice(2)}`;
  }

  async put(data: Uint8Array): Promise<string> {
    const key = blobKey(data);
    const name = this.nameOf(key);
    // A HEAD costs far less than sending the bytes again (a photo forwarded to ten groups is uploaded once).
    if (await this.exists(name)) return key;
    await this.#client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: name,
        Body: data,
        ContentLength: data.byteLength,
        ContentType: "application/octet-stream",
        // The server refuses bytes damaged on the way, so a key never names other bytes.
        ContentMD5: createHash("md5").update(data).digest("base64"),
      }),
    );
    return key;
  }

  async get(key: string): Promise<Uint8Array | null> {
    const name = this.nameOf(key);
    try {
      const res = await this.#client.send(new GetObjectCommand({ Bucket: this.bucket, Key: name }));
      if (!res.Body) return new Uint8Array(0);
      return await res.Body.transformToByteArray();
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  async delete(key: string): Promise<void> {
    const name = this.nameOf(key);
    try {
      await this.#client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: name }));
    } catch (err) {
      // S3 answers 204 for an absent object; some compatible servers answer 404.
      if (!isNotFound(err)) throw err;
    }
  }

  private async exists(name: string): Promise<boolean> {
    try {
      await this.#client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: name }));
      return true;
    } catch (err) {
      if (isNotFound(err)) return false;
      throw err;
    }
  }

  /** Closes the client's connections (tests, shutdown). */
  close(): void {
    this.#client.destroy();
  }
}

function isNotFound(err: unknown): boolean {
  if (typeof err !== "object" || err === null) return false;
  const { name, $metadata } = err as { name?: unknown; $metadata?: { httpStatusCode?: number } };
  if (name === "NoSuchKey" || name === "NotFound") return true;
  // A missing bucket is a setting to fix, not a missing file.
  return $metadata?.httpStatusCode === 404 && name !== "NoSuchBucket";
}
