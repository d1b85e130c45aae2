import type { BotDeps } from "./context.ts";
import { Refusal } from "./context.ts";
import type { Attachment, IncomingMessage } from "./messages.ts";

/** What the bot keeps: photos of the kinds phones take, and the documents units file (PDF, Office, WPS, OFD). */
export interface FileType {
  mime: string;
  ext: string;
  kind: "photo" | "document";
}

const startsWith = (b: Uint8Array, sig: number[], at = 0): boolean => sig.every((x, i) => b[at + i] === x);
const ascii = (b: Uint8Array, from: number, to: number): string => String.fromCharCode(...b.subarray(from, to));

/**
 * The type of a file from its first bytes, never from its name or the platform's word: a `.jpg` that is an
 * executable is refused. Null for anything not kept.
 */
export function sniff(b: Uint8Array): FileType | null {
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { mime: "image/jpeg", ext: "jpg", kind: "photo" };
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { mime: "image/png", ext: "png", kind: "photo" };
  if (ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a") return { mime: "image/gif", ext: "gif", kind: "photo" };
  if (ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP") return { mime: "image/webp", ext: "webp", kind: "photo" };
  // HEIF/HEIC (iPhones): an ISO box `ftyp` with a HEIF brand.
  if (ascii(b, 4, 8) === "ftyp" && ["heic", "heix", "mif1", "msf1", "hevc"].includes(ascii(b, 8, 12))) return { mime: "image/heic", ext: "heic", kind: "photo" };
  if (ascii(b, 0, 5) === "%PDF-") return { mime: "application/pdf", ext: "pdf", kind: "document" };
  // Office Open XML, OFD (China's fixed-layout format) and other zip containers; and the older OLE files (doc, xls, wps).
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return { mime: "application/zip", ext: "zip", kind: "document" };
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return { mime: "application/x-ole-storage", ext: "doc", kind: "document" };
  return null;
}

/** A file downloaded from the platform and checked: its bytes and what they are. */
export interface FetchedFile {
  attachment: Attachment;
  data: Uint8Array;
  type: FileType;
}

/**
 * Downloads a message's files and checks them: size (before the download where the platform tells it, and after) and
 * type (from the bytes). A file that cannot be kept refuses the whole message with the reason, before anything is
 * stored, so the person sends it again right. Attachments with no `fetch` (a platform that cannot download) are left out.
 */
export async function fetchFiles(deps: BotDeps, msg: IncomingMessage): Promise<FetchedFile[]> {
  const maxMb = deps.config.SENTINEL_FILE_MAX_MB;
  const max = maxMb * 1024 * 1024;
  const out: FetchedFile[] = [];
  for (const [i, a] of msg.attachments.entries()) {
    if (!a.fetch) continue;
    const name = a.name ?? String(i + 1);
    if (a.size !== undefined && a.size > max) throw new Refusal("file-too-large", { name, max: maxMb });
    let data: Uint8Array;
    try {
      data = await a.fetch();
    } catch (err) {
      deps.log.warn({ op: "file-fetch", platform: msg.platform, err: { name: (err as Error)?.name ?? "unknown", message: (err as Error)?.message } }, "download failed");
      throw new Refusal("file-fetch-failed", { name });
    }
    if (data.byteLength > max) throw new Refusal("file-too-large", { name, max: maxMb });
    const type = sniff(data);
    if (!type) throw new Refusal("file-type-refused", { name });
    out.push({ attachment: a, data, type });
  }
  return out;
}

/**
 * The message with its files kept in the file store: each attachment's `ref` becomes the store's key. Content-addressed,
 * so a redelivery or a second process keeps the same file once; stored before the message's transaction (a file with
 * no row pointing at it is harmless, a row pointing at no file would lose evidence).
 */
export async function keepFiles(deps: BotDeps, msg: IncomingMessage): Promise<IncomingMessage> {
  if (!msg.attachments.some((a) => a.fetch)) return msg;
  const files = await fetchFiles(deps, msg);
  const attachments: Attachment[] = [];
  for (const f of files) {
    const ref = await deps.blobs.put(f.data);
    attachments.push({ kind: f.attachment.kind, ref, mime: f.type.mime, size: f.data.byteLength, ...(f.attachment.name ? { name: f.attachment.name } : {}) });
  }
  return { ...msg, attachments: [...attachments, ...msg.attachments.filter((a) => !a.fetch)] };
}
