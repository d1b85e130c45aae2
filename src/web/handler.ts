import { createReadStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import type { IncomingMessage as HttpRequest, ServerResponse } from "node:http";
import { tmpdir } from "node:os";
import path from "node:path";
import { Ctx, Refusal, type BotDeps } from "../core/context.ts";
import { pickLang, type Args, type Lang } from "../core/i18n.ts";
import type { IncomingMessage } from "../core/messages.ts";
import { sniff } from "../core/files.ts";
import { excerpt } from "../core/input.ts";
import { numberOf, visibleHazard } from "../core/features/hazards.ts";
import { officialScope, statsOf } from "../core/features/queries.ts";
import { trendOf } from "../core/features/deadlines.ts";
import { addDays, monthRange, parseMonth, parsePeriod, shanghaiDateTime, shanghaiMonth, startOfShanghaiDay, type Period } from "../domain/dates.ts";
import { isOverdue, photosOf } from "../domain/lifecycle.ts";
import { rectificationRate, totalCounts, type HazardStats, type LevelCounts } from "../domain/stats.ts";
import { HAZARD_LEVELS, HAZARD_SOURCES, HAZARD_STATUSES, PLAN_FIELDS, type HazardLevel, type HazardSource, type HazardStatus } from "../domain/types.ts";
import { statisticsTable } from "../reports/gather.ts";
import { ledgerRow, writeLedger, type LedgerColumn } from "../reports/ledger.ts";
import { isBlobKey } from "../store/blobs.ts";
import type { UnitRow, UserRow, WebHazardFilter, WebHazardRow, WebSessionRow } from "../store/index.ts";
import { CSP, Html, html, page } from "./html.ts";
import {
  SECRET_SHAPE, SESSION_COOKIE, cookies, csrfHash, csrfToken, linkHash, newSecret, sameHash, sessionCookie, sessionHash,
} from "./session.ts";

/** Serves `/web…` on the bot's HTTP server (src/ops/http.ts). Resolves when the response is sent; never throws. */
export type WebHandler = (req: HttpRequest, res: ServerResponse) => Promise<void>;

/** Hazards per page of the list. */
export const WEB_PAGE = 50;

/** Every response: nothing cached, nothing framed, nothing sniffed, no script, no referrer (a sign-in link is in a URL). */
const SECURITY: Record<string, string> = {
  "cache-control": "no-store",
  "content-security-policy": CSP,
  "x-frame-options": "DENY",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
};

/** Link-preview fetchers of chat apps and social sites: they must not use up a one-time link before its person does. */
const PREVIEW_AGENTS = /TelegramBot|facebookexternalhit|Twitterbot|Slackbot|Discordbot|WhatsApp|LinkedInBot|SkypeUriPreview|Googlebot|bingbot/i;

/** A page that cannot be shown: its status and the prompt that says why and what to do. */
class WebError extends Error {
  constructor(
    readonly status: number,
    readonly id: string,
    readonly args: Args = {},
    /** The reason already in words (a chat refusal's own text). */
    readonly text?: string,
  ) {
    super(id);
  }
}

type T = (id: string, args?: Args) => string;

/** A signed-in request: the person as a private chat of theirs would see them (their grants re-read from the store). */
interface Visit {
  ctx: Ctx;
  t: T;
  url: URL;
  res: ServerResponse;
  session: WebSessionRow;
  /** The session's CSRF token, for the sign-out form. */
  csrf: string;
  /** What they may see, as the bar names it (set once the scope is read). */
  scopeName?: string;
}

/** What someone may list: officials their units' subtrees (as `隐患列表` in private); anyone else their own reports. */
type Scope = { official: true; paths: string[]; name: string; units: UnitRow[] } | { official: false; name: string };

export function createWebHandler(deps: BotDeps): WebHandler {
  const log = deps.log.child({ module: "web" });

  return async (req, res) => {
    const started = Date.now();
    let lang: Lang = deps.config.SENTINEL_LANG;
    let route = "other";
    try {
      const url = new URL(req.url ?? "/", "http://web.invalid");
      const method = req.method ?? "GET";
      const p = url.pathname;
      if (p === "/web") {
        route = "root";
        return redirect(res, "/web/");
      }
      if (p === "/web/login") {
        route = "login";
        if (method !== "GET") throw new WebError(405, "web-error-method");
        return await login(req, res, url);
      }
      if (p === "/web/logout") {
        route = "logout";
        if (method !== "POST") throw new WebError(405, "web-error-method");
        return await logout(req, res, (l) => (lang = l));
      }
      if (method !== "GET") throw new WebError(405, "web-error-method");
      const m = /^\/web\/(?:(hazard)\/([^/]+)|(file)\/([^/]+)\/([^/]+)|(stats)|(trend\.png)|download\/(table|ledger)\.xlsx|)$/.exec(p);
      if (!m) throw new WebError(404, "web-error-not-found");
      route = m[1] ?? m[3] ?? m[6] ?? (m[7] ? "trend" : m[8] ? `download-${m[8]}` : "list");
      await visit(req, res, url, (l) => (lang = l), async (v) => {
        if (m[1]) return hazardPage(v, decode(m[2]!));
        if (m[3]) return file(v, decode(m[4]!), decode(m[5]!));
        if (m[6]) return statsPage(v);
        if (m[7]) return trendPng(v);
        if (m[8] === "table") return tableXlsx(v);
        if (m[8] === "ledger") return ledgerXlsx(v);
        return listPage(v);
      });
    } catch (err) {
      if (!(err instanceof WebError)) log.error({ op: route, err }, "web request failed");
      const e = err instanceof WebError ? err : new WebError(500, "web-error-internal");
      if (!res.headersSent) errorPage(res, lang, e);
      else res.destroy();
    } finally {
      // No URL, no query, no cookie in the log: a sign-in link's token is in one.
      log.debug({ op: route, status: res.statusCode, ms: Date.now() - started }, "web request");
    }
  };

  // ---- Signing in and out ------------------------------------------------------------------------------------

  async function login(req: HttpRequest, res: ServerResponse, url: URL): Promise<void> {
    const lang = deps.config.SENTINEL_LANG;
    if (PREVIEW_AGENTS.test(req.headers["user-agent"] ?? "")) {
      return send(res, 200, page({ lang, title: deps.prompts.t(lang, "web-title"), body: html`<p>${deps.prompts.t(lang, "web-login-preview")}</p>` }), "text/html; charset=utf-8");
    }
    const token = url.searchParams.get("t") ?? "";
    const minutes = deps.config.SENTINEL_WEB_LINK_MINUTES;
    if (!SECRET_SHAPE.test(token)) throw new WebError(403, "web-error-link", { minutes });
    const now = deps.clock();
    const id = newSecret();
    const hours = deps.config.SENTINEL_WEB_SESSION_HOURS;
    const user = await deps.store.transaction(async (repo) => {
      const userId = await repo.web.consumeLink(linkHash(deps.sealer, token), now);
      if (userId === null) return null;
      await repo.web.createSession(sessionHash(deps.sealer, id), userId, csrfHash(deps.sealer, csrfToken(deps.sealer, id)), new Date(now.getTime() + hours * 3_600_000));
      return repo.web.session(sessionHash(deps.sealer, id), now);
    });
    if (!user) throw new WebError(403, "web-error-link", { minutes });
    // A page that goes on by itself rather than a 303: the browser then asks for /web/ from this site, so the
    // SameSite=Strict cookie goes with it even when the link was opened from a web chat client (another site).
    const l = langOf(user.user);
    send(
      res,
      200,
      page({ lang: l, title: deps.prompts.t(l, "web-title"), refresh: "/web/", body: html`<p><a href="/web/">${deps.prompts.t(l, "web-signing-in")}</a></p>` }),
      "text/html; charset=utf-8",
      { "set-cookie": sessionCookie(deps.config, id, hours * 3600) },
    );
  }

  async function logout(req: HttpRequest, res: ServerResponse, setLang: (l: Lang) => void): Promise<void> {
    const id = sessionId(req);
    const now = deps.clock();
    const s = id ? await deps.store.read((repo) => repo.web.session(sessionHash(deps.sealer, id), now)) : null;
    if (!s) throw new WebError(401, "web-error-login");
    setLang(langOf(s.user));
    const form = new URLSearchParams(await readForm(req));
    const given = form.get("csrf") ?? "";
    if (!s.csrfHash || !sameHash(csrfHash(deps.sealer, given), s.csrfHash)) throw new WebError(403, "web-error-csrf");
    await deps.store.transaction((repo) => repo.web.endSession(sessionHash(deps.sealer, id!)));
    const l = langOf(s.user);
    send(res, 200, page({ lang: l, title: deps.prompts.t(l, "web-title"), body: html`<p>${deps.prompts.t(l, "web-signed-out")}</p>` }), "text/html; charset=utf-8", {
      "set-cookie": sessionCookie(deps.config, null),
    });
  }

  function sessionId(req: HttpRequest): string | null {
    const id = cookies(req.headers.cookie).get(SESSION_COOKIE);
    return id && SECRET_SHAPE.test(id) ? id : null;
  }

  /** A person's language, as their private chat's (`Ctx.lang`): theirs when known, else the deployment's. */
  function langOf(u: UserRow): Lang {
    return pickLang(u.lang, deps.config.SENTINEL_LANG);
  }

  /**
   * A signed-in request: the live session's person, as a private chat of theirs (`Ctx` with no group), so every rule
   * below is the chat's own — `visibleHazard`, `officialUnits`, `can`. Their roles are read afresh for each request.
   */
  async function visit(req: HttpRequest, res: ServerResponse, url: URL, setLang: (l: Lang) => void, fn: (v: Visit) => Promise<void>): Promise<void> {
    const id = sessionId(req);
    const now = deps.clock();
    await deps.store.read(async (repo) => {
      const session = id ? await repo.web.session(sessionHash(deps.sealer, id), now) : null;
      if (!session) throw new WebError(401, "web-error-login");
      const u = session.user;
      const msg: IncomingMessage = {
        platform: u.platform,
        chatId: "web",
        chatType: "private",
        messageId: "web",
        sender: { id: u.platformUserId, name: u.displayName, ...(u.lang ? { lang: u.lang } : {}) },
        text: "",
        attachments: [],
      };
      const ctx = new Ctx(deps, msg, repo, u, null);
      setLang(ctx.lang);
      try {
        await fn({ ctx, t: (i, a) => ctx.t(i, a), url, res, session, csrf: csrfToken(deps.sealer, id!) });
      } catch (err) {
        throw fromRefusal(err, ctx);
      }
    });
  }

  /** A chat refusal as a page: the same reason, in the web's words where the chat's would point at a chat command. */
  function fromRefusal(err: unknown, ctx: Ctx): unknown {
    if (!(err instanceof Refusal)) return err;
    switch (err.id) {
      case "refuse-official-nowhere":
        return new WebError(403, "web-error-official-only");
      case "refuse-number-unknown":
        return new WebError(403, "web-error-hazard", { number: String(err.args.number ?? "") });
      case "refuse-number-format":
        return new WebError(404, "web-error-not-found");
      default:
        return new WebError(403, err.id, {}, ctx.t(err.id, err.args));
    }
  }

  // ---- Pages -------------------------------------------------------------------------------------------------

  function frame(v: Visit, title: string, body: Html, active: "list" | "stats" | null, official: boolean): string {
    const { t, ctx } = v;
    return page({
      lang: ctx.lang,
      title: `${title} · ${t("web-title")}`,
      bar: html`<header><span class="brand">${t("web-title")}</span>
<a href="/web/"${active === "list" ? new Html(' class="on"') : null}>${t("web-nav-hazards")}</a>
${official ? html`<a href="/web/stats"${active === "stats" ? new Html(' class="on"') : null}>${t("web-nav-stats")}</a>` : null}
<span class="who">${t("web-who", { name: ctx.user.displayName, scope: v.scopeName ?? "" })}</span>
<form method="post" action="/web/logout"><input type="hidden" name="csrf" value="${v.csrf}"><button type="submit">${t("web-logout")}</button></form></header>`,
      body,
      footer: t("web-footer", { until: shanghaiDateTime(v.session.expiresAt) }),
    });
  }

  async function scopeOf(v: Visit): Promise<Scope> {
    let scope: { paths: string[]; name: string };
    try {
      scope = await officialScope(v.ctx);
    } catch (err) {
      if (err instanceof Refusal && err.id === "refuse-official-nowhere") {
        v.scopeName = v.t("web-scope-own");
        return { official: false, name: v.scopeName };
      }
      throw err;
    }
    // The units to choose from: every unit of their subtrees.
    const tops = v.ctx.isSuperAdmin ? [{ path: "/" }] : await v.ctx.officialUnits();
    const units = (await Promise.all(tops.map((u) => v.ctx.repo.listUnits(u.path)))).flat();
    v.scopeName = scope.name;
    return { official: true, ...scope, units };
  }

  /** The unit a `unit=` parameter names, if the person is an official over it (the chat's rule), else a refusal. */
  async function chosenUnit(v: Visit, scope: Scope, param: string | null): Promise<UnitRow | null> {
    if (!param) return null;
    if (!/^\d{1,9}$/.test(param)) throw new WebError(400, "web-error-filter", { name: v.t("web-filter-unit") });
    const unit = scope.official ? scope.units.find((u) => u.id === Number(param)) : undefined;
    if (!unit || !(await v.ctx.can("OFFICIAL", unit))) throw new WebError(403, "web-error-unit");
    return unit;
  }

  function oneOf<V extends string>(v: Visit, param: string, label: string, values: readonly V[]): V | undefined {
    const s = v.url.searchParams.get(param) ?? "";
    if (s === "") return undefined;
    if (!(values as readonly string[]).includes(s)) throw new WebError(400, "web-error-filter", { name: label });
    return s as V;
  }

  function periodOf(v: Visit): Period | null {
    const s = (v.url.searchParams.get("period") ?? "").trim();
    if (!s) return null;
    const p = parsePeriod(s, v.ctx.today);
    if (!p) throw new WebError(400, "web-error-period", { input: excerpt(s, 40) });
    return p;
  }

  function monthOf(v: Visit): string {
    const s = (v.url.searchParams.get("period") ?? "").trim();
    if (!s) return shanghaiMonth(v.ctx.now);
    const month = parseMonth(s) ?? (() => {
      const p = parsePeriod(s, v.ctx.today);
      return p && /^\d{4}-\d{2}$/.test(p.label) ? p.label : null;
    })();
    if (!month) throw new WebError(400, "web-error-month", { input: excerpt(s, 40) });
    return month;
  }

  /** `/web/`: the hazards of their units (or their own reports), filtered, newest first, a page at a time. */
  async function listPage(v: Visit): Promise<void> {
    const { t, ctx, url } = v;
    const q = url.searchParams;
    const scope = await scopeOf(v);
    const unit = await chosenUnit(v, scope, q.get("unit"));
    const level = oneOf<HazardLevel>(v, "level", t("web-filter-level"), HAZARD_LEVELS);
    const status = oneOf<HazardStatus>(v, "state", t("web-filter-state"), HAZARD_STATUSES);
    const source = oneOf<HazardSource>(v, "source", t("web-filter-source"), HAZARD_SOURCES);
    const overdue = oneOf(v, "overdue", t("web-filter-overdue"), ["1"]) === "1";
    const supervised = oneOf(v, "supervised", t("web-filter-supervised"), ["1"]) === "1";
    const period = periodOf(v);
    const after = q.get("after") ?? "";
    if (after && !/^\d{1,9}$/.test(after)) throw new WebError(400, "web-error-filter", { name: "after" });
    const filter: WebHazardFilter = {
      unitPaths: unit ? [unit.path] : scope.official ? scope.paths : ["/"],
      ...(scope.official ? {} : { reporterId: ctx.user.id }),
      ...(status ? { status } : {}),
      ...(level ? { level } : {}),
      ...(source ? { source } : {}),
      ...(overdue ? { overdueBefore: ctx.today } : {}),
      ...(supervised ? { supervised } : {}),
      ...(period ? { from: startOfShanghaiDay(period.from), to: startOfShanghaiDay(addDays(period.to, 1)) } : {}),
      ...(after ? { before: Number(after) } : {}),
      limit: WEB_PAGE + 1,
    };
    const rows = await ctx.repo.web.hazards(filter);
    const shown = rows.slice(0, WEB_PAGE);
    // The filters as given, for the next page's link and the downloads.
    const kept = new URLSearchParams();
    for (const k of ["unit", "level", "state", "source", "overdue", "supervised", "period"]) {
      const val = q.get(k);
      if (val) kept.set(k, val.trim());
    }
    const next = rows.length > WEB_PAGE ? `/web/?${withParam(kept, "after", String(shown.at(-1)!.id))}` : null;
    const heading = scope.official ? t("web-list-heading", { unit: unit?.name ?? scope.name }) : t("web-list-heading-own");
    const selected = (a: string | undefined, b: string) => (a === b ? new Html(" selected") : null);
    const options = <V extends string>(values: readonly V[], current: V | undefined, label: (x: V) => string) =>
      html`<option value="">${t("web-filter-any")}</option>${values.map((x) => html`<option value="${x}"${selected(current, x)}>${label(x)}</option>`)}`;
    const depthOf = (u: UnitRow) => u.path.split("/").filter(Boolean).length;
    const top = scope.official && scope.units.length ? Math.min(...scope.units.map(depthOf)) : 0;
    const form = html`<form class="filters" method="get" action="/web/">
${scope.official ? html`<label>${t("web-filter-unit")}<select name="unit"><option value="">${t("web-filter-unit-all")}</option>${scope.units.map((u) => html`<option value="${u.id}"${selected(unit ? String(unit.id) : undefined, String(u.id))}>${"\u3000".repeat(depthOf(u) - top)}${u.name}</option>`)}</select></label>` : null}
<label>${t("web-filter-level")}<select name="level">${options(HAZARD_LEVELS, level, (x) => t(`level-${x}`))}</select></label>
<label>${t("web-filter-state")}<select name="state">${options(HAZARD_STATUSES, status, (x) => t(`status-${x}`))}</select></label>
<label>${t("web-filter-source")}<select name="source">${options(HAZARD_SOURCES, source, (x) => t(`source-${x}`))}</select></label>
<label>${t("web-filter-period")}<input name="period" value="${q.get("period") ?? ""}" placeholder="${t("web-filter-period-hint")}" size="30"></label>
<label class="check"><input type="checkbox" name="overdue" value="1"${overdue ? new Html(" checked") : null}>${t("web-filter-overdue")}</label>
<label class="check"><input type="checkbox" name="supervised" value="1"${supervised ? new Html(" checked") : null}>${t("web-filter-supervised")}</label>
<button type="submit">${t("web-filter-apply")}</button> <a href="/web/">${t("web-filter-reset")}</a>
</form>`;
    const downloads = scope.official
      ? html`<div class="downloads"><a href="/web/download/ledger.xlsx?${ledgerParams(kept)}">${t("web-download-ledger")}</a>${unit || (scope.units.length && !ctx.isSuperAdmin && (await ctx.officialUnits()).length === 1) ? html`<a href="/web/download/table.xlsx?${tableParams(kept, unit)}">${t("web-download-table")}</a>` : null}</div>`
      : null;
    const body = html`<h1>${heading}</h1>${form}${downloads}
${shown.length === 0 ? html`<p class="error">${t("web-list-empty")}</p>` : html`<p class="note">${t("web-list-count", { count: shown.length })}</p>${hazardTable(v, shown)}`}
<div class="pager">${after ? html`<a href="/web/?${kept.toString()}">${t("web-list-first")}</a>` : null}${next ? html`<a href="${next}" rel="next">${t("web-list-next")}</a>` : null}</div>`;
    sendHtml(v.res, frame(v, heading, body, "list", scope.official));
  }

  function hazardTable(v: Visit, rows: WebHazardRow[]): Html {
    const { t, ctx } = v;
    const head = LIST_COLUMNS.map((c) => html`<th>${t(`ledger-col-${c}`)}</th>`);
    const body = rows.map((h) => {
      const cells = ledgerRow(h, { name: h.unitName, industry: "", principals: "" }, LIST_COLUMNS, t);
      const number = String(cells[0]);
      const late = isOverdue(h, ctx.today);
      return html`<tr>${LIST_COLUMNS.map((c, i) => {
        const label = t(`ledger-col-${c}`);
        const value = String(cells[i]);
        if (c === "number") return html`<td class="num" data-label="${label}"><a href="/web/hazard/${number}">${number}</a></td>`;
        if (c === "description") return html`<td class="desc" data-label="${label}">${excerpt(value, 80)}</td>`;
        if (c === "level") return html`<td data-label="${label}">${h.level === "MAJOR" ? html`<span class="tag major">${value}</span>` : value}</td>`;
        if (c === "status") return html`<td data-label="${label}">${value}${late ? html` <span class="tag overdue">${t("web-overdue-mark")}</span>` : null}</td>`;
        return html`<td data-label="${label}">${value}</td>`;
      })}</tr>`;
    });
    return html`<div class="scroll"><table class="cards"><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div>`;
  }

  /** `/web/hazard/<编号>`: what `查询` shows, with the plan, the whole history and the photos before and after. */
  async function hazardPage(v: Visit, ref: string): Promise<void> {
    const { t, ctx } = v;
    const scope = await scopeOf(v);
    const h = await visibleHazard(ctx, ref, "usage-status");
    const number = numberOf(h);
    const events = await ctx.repo.events(h.id, 500);
    const { before, after, plan } = photosOf(h.attachments, events);
    const row = (label: string, value: Html | string | null | undefined) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : null);
    const late = isOverdue(h, ctx.today);
    const details = html`<dl>
${row(t("ledger-col-unit"), h.unit.name)}
${row(t("ledger-col-channel"), t(`source-${h.source}`))}
${row(t("ledger-col-level"), h.level ? t(`level-${h.level}`) : t("level-none"))}
${row(t("ledger-col-status"), html`${t(`status-${h.status}`)}${late ? html` <span class="tag overdue">${t("status-overdue", { today: ctx.today })}</span>` : null}`)}
${row(t("web-reported-at"), shanghaiDateTime(h.reportedAt))}
${row(t("ledger-col-description"), h.description)}
${row(t("ledger-col-location"), h.location)}
${row(t("ledger-col-deadline"), h.deadline)}
${h.supervised ? row(t("ledger-col-supervisedBy"), html`<span class="tag sup">${h.supervisedBy ?? ""}</span>`) : null}
${h.supervised ? row(t("ledger-col-supervisedDeadline"), h.supervisedDeadline) : null}
${h.duplicateOfId !== null ? row(t("ledger-col-status"), t("web-duplicate-of", { original: numberOf({ year: h.year, id: h.duplicateOfId }) })) : null}
</dl>`;
    const planBlock = h.plan
      ? html`<dl>${PLAN_FIELDS.map((f) => row(t(`plan-${f}`), h.plan![f]))}</dl>${plan.length ? html`<p class="note">${t("web-photos-plan")}</p>${photoList(v, number, plan, 0)}` : null}`
      : html`<p class="note">${h.fixedOnSpot ? t("ledger-fixed-on-spot") : t("web-plan-none")}</p>`;
    const photos = html`<div class="photos">
<section><h3>${t("web-photos-before")}</h3>${before.length ? photoList(v, number, before, 0) : html`<p class="note">${t("web-photos-none")}</p>`}</section>
<section><h3>${t("web-photos-after")}</h3>${after.length ? photoList(v, number, after, before.length) : html`<p class="note">${t("web-photos-none")}</p>`}</section>
</div>`;
    const history = html`<div class="scroll"><table class="cards"><thead><tr><th>${t("web-history-when")}</th><th>${t("web-history-step")}</th><th>${t("web-history-who")}</th><th>${t("web-history-note")}</th><th>${t("web-history-files")}</th></tr></thead><tbody>
${events.map((e) => html`<tr><td data-label="${t("web-history-when")}">${shanghaiDateTime(e.at)}</td><td data-label="${t("web-history-step")}">${t(`event-${e.kind}`)}</td>
<td data-label="${t("web-history-who")}">${e.actorName ?? (e.kind === "REPORTED" ? t("actor-tip-desk") : t("actor-system"))}</td><td data-label="${t("web-history-note")}">${e.note ?? ""}</td>
<td data-label="${t("web-history-files")}">${(e.attachments ?? []).map((ref, i) => (isBlobKey(ref) ? html`<a href="${fileUrl(number, ref)}">${t("web-file-link", { n: i + 1 })}</a> ` : html`<span class="note">${t("web-photo-not-kept")}</span> `))}</td></tr>`)}
</tbody></table></div>`;
    const title = t("web-hazard-heading", { number });
    const body = html`<p><a href="/web/">${t("web-back")}</a></p><h1>${title}</h1>${details}
<h2>${t("web-plan")}</h2>${planBlock}
<h2>${t("web-photos")}</h2>${photos}
<h2>${t("web-history")}</h2>${history}`;
    sendHtml(v.res, frame(v, title, body, "list", scope.official));
  }

  function photoList(v: Visit, number: string, refs: string[], offset: number): Html {
    return html`${refs.map((ref, i) =>
      isBlobKey(ref)
        ? html`<a href="${fileUrl(number, ref)}"><img src="${fileUrl(number, ref)}" alt="${v.t("web-photo-alt", { number, n: offset + i + 1 })}" loading="lazy"></a>`
        : html`<p class="note">${v.t("web-photo-not-kept")}</p>`,
    )}`;
  }

  /** `/web/file/<编号>/<key>`: a file of a hazard the person may see, and only one of that hazard's own. */
  async function file(v: Visit, ref: string, key: string): Promise<void> {
    const h = await visibleHazard(v.ctx, ref, "usage-status");
    if (!isBlobKey(key)) throw new WebError(404, "web-error-file");
    const steps = await v.ctx.repo.stepFiles(h.id);
    const own = h.attachments.includes(key) || steps.some((s) => s.attachments.includes(key));
    if (!own) throw new WebError(404, "web-error-file");
    const data = await deps.blobs.get(key);
    if (!data) throw new WebError(404, "web-error-file-missing");
    const type = sniff(data);
    const image = type?.kind === "photo" && type.mime !== "image/heic";
    const name = `${numberOf(h)}-${key.slice(7, 19)}.${type?.ext ?? "bin"}`;
    send(v.res, 200, data, type?.mime ?? "application/octet-stream", { "content-disposition": `${image ? "inline" : "attachment"}; filename="${name}"` });
  }

  /** `/web/stats?unit=&period=`: the numbers of `统计 <month>`, for their units or one of them, and the trend chart. */
  async function statsPage(v: Visit): Promise<void> {
    const { t, ctx } = v;
    const scope = await scopeOf(v);
    if (!scope.official) throw new WebError(403, "web-error-official-only");
    const unit = await chosenUnit(v, scope, v.url.searchParams.get("unit"));
    const month = monthOf(v);
    const paths = unit ? [unit.path] : scope.paths;
    const name = unit?.name ?? scope.name;
    const { monthly, total, since } = await statsOf(deps, ctx.repo, paths, month, ctx.today);
    const charts = unit ? [unit] : await ctx.officialUnits();
    const rate = (c: LevelCounts) => {
      const r = rectificationRate(c);
      return r === null ? "—" : `${r}%`;
    };
    const block = (title: string, s: HazardStats) => html`<h2>${title}</h2><div class="scroll"><table><thead><tr><th>${t("web-stats-level")}</th><th>${t("web-stats-found")}</th><th>${t("web-stats-rectified")}</th><th>${t("web-stats-rate")}</th></tr></thead><tbody>
<tr><td>${t("level-GENERAL")}</td><td>${s.general.found}</td><td>${s.general.rectified}</td><td>${rate(s.general)}</td></tr>
<tr><td>${t("level-MAJOR")}</td><td>${s.major.found}</td><td>${s.major.rectified}</td><td>${rate(s.major)}</td></tr>
<tr><th>${t("web-stats-all")}</th><th>${totalCounts(s).found}</th><th>${totalCounts(s).rectified}</th><th>${rate(totalCounts(s))}</th></tr>
</tbody></table></div>
<p>${t("web-stats-supervised")}：${s.supervised} · ${t("web-stats-pending")}：${s.pending} · ${t("web-stats-overdue")}：${s.overdue}</p>`;
    const form = html`<form class="filters" method="get" action="/web/stats">
<label>${t("web-filter-unit")}<select name="unit"><option value="">${scope.name}</option>${scope.units.map((u) => html`<option value="${u.id}"${unit?.id === u.id ? new Html(" selected") : null}>${u.name}</option>`)}</select></label>
<label>${t("web-filter-month")}<input name="period" value="${month}" size="9"></label>
<button type="submit">${t("web-filter-apply")}</button></form>`;
    const title = t("web-stats-heading", { unit: name, month });
    const body = html`<h1>${title}</h1>${form}<p class="note">${t("web-stats-note", { month })}</p>
${block(t("web-stats-month"), monthly)}${block(t("web-stats-total", { since }), total)}
<h2>${t("web-stats-downloads")}</h2><div class="downloads">${charts.map((u) => html`<a href="/web/download/table.xlsx?${new URLSearchParams({ unit: String(u.id), period: month }).toString()}">${t("web-download-table")} · ${u.name}</a>`)}
<a href="/web/download/ledger.xlsx?${new URLSearchParams({ ...(unit ? { unit: String(unit.id) } : {}), period: month }).toString()}">${t("web-download-ledger")}</a></div>
<h2>${t("web-stats-trend")}</h2>${charts.map((u) => html`<img class="chart" src="/web/trend.png?${new URLSearchParams({ unit: String(u.id), period: month }).toString()}" alt="${t("trend-title", { unit: u.name, from: "", to: month })}">`)}`;
    sendHtml(v.res, frame(v, title, body, "stats", true));
  }

  /** The unit a download or chart is for: the one named, or the only unit they hold; else they are asked to choose. */
  async function oneUnit(v: Visit): Promise<UnitRow> {
    const scope = await scopeOf(v);
    if (!scope.official) throw new WebError(403, "web-error-official-only");
    const unit = await chosenUnit(v, scope, v.url.searchParams.get("unit"));
    if (unit) return unit;
    const tops = await v.ctx.officialUnits();
    if (tops.length !== 1) throw new WebError(400, "web-error-choose-unit");
    return tops[0]!;
  }

  /** `/web/trend.png?unit=&period=`: the chart `趋势` sends, ending with the month asked for. */
  async function trendPng(v: Visit): Promise<void> {
    const unit = await oneUnit(v);
    const month = monthOf(v);
    const end = new Date(Math.min(monthRange(month).end.getTime() - 1, v.ctx.now.getTime()));
    const { png } = await trendOf(deps, v.ctx.repo, unit, end, v.ctx.today, v.t);
    send(v.res, 200, png, "image/png");
  }

  /** `/web/download/table.xlsx?unit=&period=`: the 统计表 `导出统计表` sends, for one unit they are an official of. */
  async function tableXlsx(v: Visit): Promise<void> {
    const unit = await oneUnit(v);
    const month = monthOf(v);
    const file = await deps.store.transaction((repo) => statisticsTable(deps, repo, unit, month, v.ctx.lang, v.ctx.today));
    send(v.res, 200, file.data, XLSX, { "content-disposition": attachment(file.filename) });
  }

  /** `/web/download/ledger.xlsx?unit=&level=&period=`: the 台账 `导出台账` sends (`level=MAJOR`: the 重大事故隐患台账). */
  async function ledgerXlsx(v: Visit): Promise<void> {
    const { t, ctx } = v;
    const scope = await scopeOf(v);
    if (!scope.official) throw new WebError(403, "web-error-official-only");
    const chosen = await chosenUnit(v, scope, v.url.searchParams.get("unit"));
    const units = chosen ? [chosen] : await ctx.officialUnits();
    const majorOnly = oneOf<HazardLevel>(v, "level", t("web-filter-level"), HAZARD_LEVELS) === "MAJOR";
    const period = periodOf(v);
    const unitName = !chosen && ctx.isSuperAdmin ? t("scope-all") : ctx.list(units.map((u) => u.name));
    const kind = t(majorOnly ? "ledger-kind-major" : "ledger-kind-all");
    const label = period?.label ?? t("ledger-period-all");
    const dir = await mkdtemp(path.join(tmpdir(), "sentinel-web-ledger-"));
    try {
      const out = path.join(dir, "ledger.xlsx");
      await writeLedger({
        store: deps.store,
        paths: units.map((u) => u.path),
        majorOnly,
        period,
        t,
        title: t("ledger-title", { unit: unitName, kind, period: label }),
        file: out,
      });
      const filename = `${t("ledger-filename", { unit: excerpt(unitName, 30), kind, period: label }).replace(/[\\/:*?"<>|\s]+/g, "_")}.xlsx`;
      const { size } = await stat(out);
      v.res.writeHead(200, { ...SECURITY, "content-type": XLSX, "content-length": size, "content-disposition": attachment(filename) });
      await new Promise<void>((resolve, reject) => {
        const s = createReadStream(out);
        s.on("error", reject);
        v.res.on("close", resolve);
        s.pipe(v.res);
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  function errorPage(res: ServerResponse, lang: Lang, e: WebError): void {
    const t: T = (id, args) => deps.prompts.t(lang, id, args);
    const text = e.text ?? t(e.id, e.args);
    const body = html`<h1>${t("web-error-heading", { status: e.status })}</h1><p class="error">${text}</p><p><a href="/web/">${t("web-back")}</a></p>`;
    send(res, e.status, page({ lang, title: t("web-title"), body }), "text/html; charset=utf-8", e.status === 405 ? { allow: "GET, POST" } : {});
  }
}

/** The list's columns: the 台账's, in its words (`ledger-col-*`), for a screen. */
const LIST_COLUMNS: LedgerColumn[] = ["number", "unit", "channel", "description", "level", "found", "deadline", "responsible", "supervisedBy", "supervisedDeadline", "status", "photos"];

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download's name, for every browser: an ASCII fallback and the real (Chinese) name. */
const attachment = (name: string) => `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`;

const fileUrl = (number: string, key: string) => `/web/file/${number}/${encodeURIComponent(key)}`;

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new WebError(404, "web-error-not-found");
  }
}

function withParam(params: URLSearchParams, k: string, val: string): string {
  const p = new URLSearchParams(params);
  p.set(k, val);
  return p.toString();
}

/** The list's filters a ledger download takes: the unit, the level (重大 gives the 重大事故隐患台账) and the period. */
function ledgerParams(kept: URLSearchParams): string {
  const p = new URLSearchParams();
  for (const k of ["unit", "level", "period"]) if (kept.get(k)) p.set(k, kept.get(k)!);
  return p.toString();
}

function tableParams(kept: URLSearchParams, unit: UnitRow | null): string {
  const p = new URLSearchParams();
  if (unit) p.set("unit", String(unit.id));
  const period = kept.get("period");
  if (period && /^\d{4}-\d{2}$/.test(period)) p.set("period", period);
  return p.toString();
}

function send(res: ServerResponse, status: number, body: string | Uint8Array, type: string, extra: Record<string, string> = {}): void {
  const data = typeof body === "string" ? Buffer.from(body, "utf8") : body;
  res.writeHead(status, { ...SECURITY, "content-type": type, "content-length": String(data.byteLength), ...extra });
  res.end(data);
}

const sendHtml = (res: ServerResponse, body: string) => send(res, 200, body, "text/html; charset=utf-8");

function redirect(res: ServerResponse, to: string): void {
  res.writeHead(308, { ...SECURITY, location: to, "content-length": "0" });
  res.end();
}

/** A small urlencoded form body (the sign-out form: one field). */
async function readForm(req: HttpRequest): Promise<string> {
  const type = req.headers["content-type"] ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) throw new WebError(403, "web-error-csrf");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > 4096) throw new WebError(413, "web-error-csrf");
    chunks.push(c as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}
