import type { Server } from "node:http";
import { Metrics } from "../../src/ops/metrics.ts";
import { startWebServer } from "../../src/ops/http.ts";
import { createWebHandler } from "../../src/web/handler.ts";
import type { Fixture } from "../helpers.ts";

/** The web ledger's HTTP server for a fixture, on a free port (port 0). */
export async function startWeb(f: Fixture, port = 0): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = await startWebServer(port, createWebHandler(f.app.deps), new Metrics());
  const actual = (server.address() as { port: number }).port;
  return {
    server,
    port: actual,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

/** The sign-in link in the bot's answer to `网页`. */
export function linkIn(texts: string[]): string {
  const m = /https?:\/\/\S+\/web\/login\?t=[A-Za-z0-9_-]+/.exec(texts.join("\n"));
  if (!m) throw new Error(`no sign-in link in: ${texts.join("\n")}`);
  return m[0];
}

export interface Reply {
  status: number;
  headers: Headers;
  text: string;
  bytes: Uint8Array;
}

/** A browser without a browser: one person's cookie jar against the server (redirects not followed). */
export class WebClient {
  cookie: string | null = null;

  constructor(readonly port: number) {}

  url(p: string): string {
    return `http://127.0.0.1:${this.port}${p}`;
  }

  async get(p: string, headers: Record<string, string> = {}): Promise<Reply> {
    return this.request(p, { method: "GET", headers });
  }

  async post(p: string, form: Record<string, string>): Promise<Reply> {
    return this.request(p, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams(form).toString() });
  }

  async request(p: string, init: { method: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
    const res = await fetch(this.url(p), { ...init, redirect: "manual", headers: { ...(init.headers ?? {}), ...(this.cookie ? { cookie: this.cookie } : {}) } });
    const set = res.headers.get("set-cookie");
    if (set) {
      const [pair] = set.split(";");
      this.cookie = pair!.endsWith("=") ? null : pair!;
    }
    const bytes = new Uint8Array(await res.arrayBuffer());
    return { status: res.status, headers: res.headers, text: new TextDecoder().decode(bytes), bytes };
  }

  /** Signs in with a link's token (the link may name another host: only its path and query are used). */
  async signIn(link: string): Promise<Reply> {
    const u = new URL(link);
    return this.get(u.pathname + u.search);
  }
}

/** The hazard numbers a list page links to, in order. */
export function numbersOn(html: string): string[] {
  return [...html.matchAll(/href="\/web\/hazard\/(YH-\d{4}-\d{6})"/g)].map((m) => m[1]!);
}

/** The next-page link of a list page, if any (HTML entities undone). */
export function nextLink(html: string): string | null {
  const m = /<a href="([^"]+)" rel="next">/.exec(html);
  return m ? m[1]!.replace(/&amp;/g, "&") : null;
}

/** The CSRF token of the sign-out form. */
export function csrfIn(html: string): string {
  const m = /name="csrf" value="([^"]+)"/.exec(html);
  if (!m) throw new Error("no sign-out form");
  return m[1]!;
}
