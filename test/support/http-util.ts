import type { IncomingMessage } from "node:http";

/** A request's body, whole. */
export async function bodyOf(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A multipart form's first file and its fields, read as a web Request reads one. */
export async function formOf(req: IncomingMessage): Promise<{ file: { name: string; bytes: Uint8Array } | null; fields: Record<string, string> }> {
  const form = await new Response(new Uint8Array(await bodyOf(req)), { headers: { "content-type": req.headers["content-type"] ?? "" } }).formData();
  let file: { name: string; bytes: Uint8Array } | null = null;
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) {
    if (typeof v === "string") fields[k] = v;
    else if (!file) file = { name: v.name, bytes: new Uint8Array(await v.arrayBuffer()) };
  }
  return { file, fields };
}

/** Wakes whoever waits on the next change (a send recorded). */
export class Signal {
  private waiters: (() => void)[] = [];
  wake(): void {
    const w = this.waiters;
    this.waiters = [];
    w.forEach((f) => f());
  }
  /** Resolves when `test` holds, checked after every change. */
  async until(test: () => boolean): Promise<void> {
    while (!test()) await new Promise<void>((r) => this.waiters.push(r));
  }
}
