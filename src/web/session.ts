import { randomBytes, timingSafeEqual } from "node:crypto";
import type { Config } from "../config.ts";
import type { Sealer } from "../core/sealer.ts";
import type { Repo } from "../store/index.ts";

/**
 * The web ledger's secrets. A login link's token, a session's id and a CSRF token are random (256 bits) or keyed from
 * one; the store keeps only keyed hashes of them (HMAC with the server secret, `Sealer.hashChat`), so a copy of the
 * database opens no session and uses no link.
 */

/** The cookie that carries the session id (HttpOnly, SameSite=Strict, Path=/web). */
export const SESSION_COOKIE = "sentinel_web";

/** A new random secret, URL- and cookie-safe. */
export const newSecret = (): string => randomBytes(32).toString("base64url");

/** What a secret looks like: anything else is no secret of ours, and is not even hashed. */
export const SECRET_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export const linkHash = (sealer: Sealer, token: string): string => sealer.hashChat("web-link", token);
export const sessionHash = (sealer: Sealer, id: string): string => sealer.hashChat("web-session", id);

/**
 * A session's CSRF token: keyed from its id, so pages can carry it without the store keeping it in the clear; the
 * store keeps its hash, which a logout must match.
 */
export const csrfToken = (sealer: Sealer, sessionId: string): string => sealer.hashChat("web-csrf", sessionId);
export const csrfHash = (sealer: Sealer, token: string): string => sealer.hashChat("web-csrf-check", token);

/** Whether two hex hashes are equal, in constant time. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The address officials open: `SENTINEL_WEB_URL`, else this machine on `SENTINEL_HTTP_PORT`; no trailing slash. */
export function webBase(config: Pick<Config, "SENTINEL_WEB_URL" | "SENTINEL_HTTP_PORT">): string {
  return (config.SENTINEL_WEB_URL ?? `http://localhost:${config.SENTINEL_HTTP_PORT}`).replace(/\/+$/, "");
}

/**
 * A new one-time login link for `userId`: the token goes into the link only, its hash into the store, valid for
 * `SENTINEL_WEB_LINK_MINUTES`. Returns the link and when it expires.
 */
export async function issueLink(
  deps: { sealer: Sealer; config: Config },
  repo: Repo,
  userId: number,
  now: Date,
): Promise<{ url: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + deps.config.SENTINEL_WEB_LINK_MINUTES * 60_000);
  await repo.web.createLink(linkHash(deps.sealer, token), userId, expiresAt, now);
  return { url: `${webBase(deps.config)}/web/login?t=${token}`, expiresAt };
}

/** The cookies of a request, by name (the first of each). */
export function cookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const i = part.indexOf("=");
    if (i <= 0) continue;
    const name = part.slice(0, i).trim();
    if (!out.has(name)) out.set(name, part.slice(i + 1).trim());
  }
  return out;
}

/** The session cookie: set (with its lifetime) or cleared. Secure when the ledger is served over https. */
export function sessionCookie(config: Pick<Config, "SENTINEL_WEB_URL" | "SENTINEL_HTTP_PORT">, value: string | null, maxAgeSeconds = 0): string {
  const secure = webBase(config).startsWith("https:") ? "; Secure" : "";
  return value === null
    ? `${SESSION_COOKIE}=; Path=/web; HttpOnly; SameSite=Strict; Max-Age=0${secure}`
    : `${SESSION_COOKIE}=${value}; Path=/web; HttpOnly; SameSite=Strict; Max-Age=${maxAgeSeconds}${secure}`;
}
