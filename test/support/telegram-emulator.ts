import { createServer } from "node:net";
import type { IncomingMessage as HttpRequest, RequestListener, ServerResponse } from "node:http";
import type { TelegramServer } from "telegram-test-api/lib/telegramServer.js";

/**
 * What `telegram-test-api` lacks for files, for the tests that send photos through it: the Bot API's `getFile`, its
 * download route, and `sendPhoto`/`sendDocument` uploads (see `withFiles`).
 */

/** A port nobody listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface Upload {
  method: string;
  token: string;
  fields: Record<string, string>;
  file: { field: string; filename: string; bytes: Uint8Array } | null;
}

async function body(req: HttpRequest): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/**
 * multipart/form-data as grammY writes it (`content-disposition:form-data;name="x";filename=y`, no spaces, unquoted
 * file names, which the real Bot API takes and undici's parser refuses), parsed by hand.
 */
function multipart(contentType: string, raw: Buffer): { fields: Record<string, string>; files: { name: string; filename: string; bytes: Uint8Array }[] } {
  const boundary = /boundary=("?)([^";]+)\1/i.exec(contentType)?.[2];
  if (!boundary) throw new Error("no multipart boundary");
  const delim = Buffer.from(`--${boundary}`);
  const fields: Record<string, string> = {};
  const files: { name: string; filename: string; bytes: Uint8Array }[] = [];
  let at = raw.indexOf(delim);
  while (at >= 0) {
    const start = at + delim.length;
    if (raw.subarray(start, start + 2).toString() === "--") break;
    const next = raw.indexOf(delim, start);
    if (next < 0) break;
    // A part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = raw.subarray(start + 2, next - 2);
    const split = part.indexOf("\r\n\r\n");
    const headers = part.subarray(0, split).toString("utf8");
    const content = part.subarray(split + 4);
    const disposition = /content-disposition\s*:([^\r\n]*)/i.exec(headers)?.[1] ?? "";
    const name = /name="([^"]*)"/i.exec(disposition)?.[1] ?? "";
    const filename = /filename=("?)([^";\r\n]*)\1/i.exec(disposition)?.[2];
    if (filename !== undefined) files.push({ name, filename, bytes: new Uint8Array(content) });
    else fields[name] = content.toString("utf8");
    at = next;
  }
  return { fields, files };
}

function json(res: ServerResponse, status: number, value: unknown): void {
  res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(value));
}

/**
 * Adds the Bot API's file routes to the emulator: `getFile` and `/file/bot<token>/<path>` for the files in `files`
 * (by file id), and `sendPhoto`/`sendDocument` (multipart, as grammY uploads bytes) recorded in `uploads` and shown in
 * the chat as a message whose text is the caption. Everything else goes on to the emulator's own app. With
 * `refuseUploads`, every upload is refused as the Bot API refuses a file. Call before `start()`.
 */
export function withFiles(
  server: TelegramServer,
  token: string,
  files: Map<string, { path: string; bytes: Uint8Array }>,
  uploads: Upload[] = [],
  opts: { refuseUploads?: boolean } = {},
): void {
  const emulator = server as unknown as { webServer: RequestListener & { settings: unknown } };
  const inner = emulator.webServer;
  const outer = (req: HttpRequest, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://emulator");
    const getFile = /^\/bot([^/]+)\/getFile$/.exec(url.pathname);
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(url.pathname);
    const upload = /^\/bot([^/]+)\/(sendPhoto|sendDocument)$/.exec(url.pathname);
    if (getFile) {
      void body(req).then((raw) => {
        const fileId = String((raw.length ? JSON.parse(raw.toString("utf8")) : {}).file_id ?? url.searchParams.get("file_id"));
        const file = files.get(fileId);
        if (getFile[1] !== token || !file) return json(res, 400, { ok: false, error_code: 400, description: "Bad Request: invalid file_id" });
        json(res, 200, { ok: true, result: { file_id: fileId, file_unique_id: `u-${fileId}`, file_size: file.bytes.byteLength, file_path: file.path } });
      });
      return;
    }
    if (download) {
      const file = [...files.values()].find((f) => f.path === decodeURIComponent(download[2]!));
      if (download[1] !== token || !file) return void res.writeHead(404).end();
      return void res.writeHead(200, { "content-type": "application/octet-stream" }).end(file.bytes);
    }
    if (upload && opts.refuseUploads) {
      // As the Bot API answers a file it will not take.
      void body(req).then(() => json(res, 400, { ok: false, error_code: 400, description: "Bad Request: wrong type of the web page content" }));
      return;
    }
    if (upload) {
      void body(req).then((raw) => {
        const { fields, files: parts } = multipart(req.headers["content-type"] ?? "", raw);
        const field = upload[2] === "sendPhoto" ? "photo" : "document";
        // The field names the part that holds the bytes: `attach://<id>`.
        const attached = /^attach:\/\/(.+)$/.exec(fields[field] ?? "")?.[1];
        const part = parts.find((p) => p.name === attached);
        uploads.push({ method: upload[2]!, token: upload[1]!, fields, file: part ? { field, filename: part.filename, bytes: part.bytes } : null });
        // Into the emulator's own store too, its caption as the text, so the people in the chat see it come in.
        const shown = server.addBotMessage({ chat_id: fields.chat_id, text: fields.caption ?? "" }, token) as { message_id: number; date: number; chat: unknown };
        const id = shown.message_id;
        const sent = field === "photo" ? { photo: [{ file_id: `sent-${id}`, file_unique_id: `s-${id}`, width: 1, height: 1 }] } : { document: { file_id: `sent-${id}`, file_unique_id: `s-${id}` } };
        json(res, 200, { ok: true, result: { ...shown, ...(fields.caption ? { caption: fields.caption } : {}), ...sent } });
      });
      return;
    }
    inner(req, res);
  };
  emulator.webServer = Object.assign(outer, { settings: inner.settings });
}
