import { createHash } from "node:crypto";

/**
 * HTML for the web ledger: a tagged template that escapes every value it is given (a hazard's text, a name, a unit
 * typed by someone) unless it is already `Html` built the same way. No page has a script; one small stylesheet is
 * inline, allowed by its hash in the Content-Security-Policy.
 */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text as HTML: every character that could open markup or leave an attribute is an entity. */
export const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(v: Part): string {
  if (v === null || v === undefined || v === false) return "";
  if (v instanceof Html) return v.text;
  if (Array.isArray(v)) return v.map(render).join("");
  return esc(String(v));
}

/** `html\`<td>${text}</td>\``: the values escaped, arrays joined, `null`/`false` left out. */
export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new Html(out);
}

/** The stylesheet: a phone (cards instead of wide tables) and a desk. */
export const CSS = `*{box-sizing:border-box}
body{margin:0;font:15px/1.55 "Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",system-ui,sans-serif;color:#1d1d1f;background:#f4f5f7}
a{color:#0b57a4}
header{background:#9b1c1c;color:#fff;padding:.55rem 1rem;display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center}
header a{color:#fff;text-decoration:none;font-weight:600}
header a.on{text-decoration:underline}
header .brand{font-weight:700;margin-right:.5rem}
header .who{margin-left:auto;font-size:.85rem;opacity:.95}
header form{margin:0}
header button{background:transparent;color:#fff;border:1px solid #fff;border-radius:4px;padding:.15rem .6rem;cursor:pointer}
main{padding:1rem;max-width:1440px;margin:0 auto}
h1{font-size:1.3rem;margin:.2rem 0 1rem}
h2{font-size:1.1rem;margin:1.4rem 0 .6rem}
form.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:flex-end;background:#fff;padding:.8rem;border:1px solid #ddd;border-radius:6px;margin-bottom:1rem}
form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:#555}
form.filters label.check{flex-direction:row;align-items:center;gap:.3rem}
select,input,button{font:inherit;padding:.3rem .45rem}
form.filters button{background:#9b1c1c;color:#fff;border:0;border-radius:4px;padding:.35rem 1rem}
.scroll{overflow-x:auto;background:#fff;border:1px solid #ddd;border-radius:6px}
table{border-collapse:collapse;width:100%}
th,td{border-bottom:1px solid #e6e6e6;padding:.45rem .55rem;text-align:left;vertical-align:top}
th{background:#f0f0f3;white-space:nowrap;font-size:.85rem}
td.num{white-space:nowrap}
td.desc{min-width:14rem}
.tag{display:inline-block;padding:0 .4rem;border-radius:3px;font-size:.8rem;background:#ececec;white-space:nowrap}
.tag.major{background:#fde2e1;color:#a11}
.tag.overdue{background:#fff0d6;color:#8a5a00}
.tag.sup{background:#e4ecfb;color:#1b4a9a}
.photos{display:grid;grid-template-columns:1fr 1fr;gap:1rem}
.photos section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:.7rem;margin:0}
.photos h3{font-size:.95rem;margin:0 0 .5rem}
.photos img,td img{display:block;max-width:100%;height:auto;margin:0 0 .5rem;border:1px solid #ccc;background:#fafafa}
td img{max-width:8rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.35rem 1.2rem;background:#fff;padding:1rem;border:1px solid #ddd;border-radius:6px;margin:0}
dt{color:#555}
dd{margin:0;white-space:pre-wrap}
.pager{display:flex;gap:1.5rem;margin:1rem 0}
.note{color:#666;font-size:.85rem}
.downloads{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;margin:.5rem 0 1rem}
.error{background:#fff;border:1px solid #ddd;border-left:4px solid #9b1c1c;padding:1rem;border-radius:6px}
img.chart{display:block;max-width:100%;height:auto;background:#fff;border:1px solid #ddd;margin-bottom:1rem}
footer{color:#777;font-size:.8rem;padding:1.5rem 1rem;text-align:center}
@media (max-width:720px){
body{font-size:14px}
main{padding:.6rem}
table.cards thead{display:none}
table.cards tr{display:block;border-bottom:2px solid #ddd;padding:.3rem 0}
table.cards td{display:block;border:0;padding:.15rem .6rem}
table.cards td::before{content:attr(data-label) "：";color:#666}
table.cards td:empty{display:none}
dl{grid-template-columns:1fr}
dt{margin-top:.4rem}
}`;

const hashOf = (s: string) => `'sha256-${createHash("sha256").update(s).digest("base64")}'`;

/**
 * Nothing but this stylesheet, images and forms from this server: no script runs, nothing loads from elsewhere, no
 * page can frame these.
 */
export const CSP = `default-src 'none'; style-src ${hashOf(CSS)}; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'`;

export interface Frame {
  lang: string;
  title: string;
  /** The bar at the top, once signed in. */
  bar?: Html;
  body: Html;
  footer?: string;
  /** Go on to this address at once (the sign-in page). */
  refresh?: string;
}

/** A whole page. */
export function page(f: Frame): string {
  return (
    "<!doctype html>" +
    html`<html lang="${f.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">${f.refresh ? html`<meta http-equiv="refresh" content="0;url=${f.refresh}">` : null}
<title>${f.title}</title><style>${new Html(CSS)}</style></head>
<body>${f.bar ?? null}<main>${f.body}</main>${f.footer ? html`<footer>${f.footer}</footer>` : null}</body></html>`.text
  );
}
