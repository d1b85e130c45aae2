import type ExcelJS from "exceljs";
import { loadExcel } from "./excel.ts";
import { addDays, shanghaiDate, startOfShanghaiDay, type Period } from "../domain/dates.ts";
import { formatHazardNumber } from "../domain/hazard-number.ts";
import type { LedgerHazard, LedgerQuery, LedgerUnit, Store } from "../store/index.ts";
import { sheetName } from "./table.ts";

/**
 * The 隐患台账's columns, in order: the hazard, its channel (来源渠道), the 五到位 plan (措施, 责任, 资金, 时限, 预案), 督办
 * and close-out. `principal` (the enterprise's 主要负责人) is the 重大事故隐患台账's own. Headers are `ledger-col-<key>`.
 */
export const LEDGER_COLUMNS = [
  "number", "unit", "industry", "principal", "channel", "description", "location", "level", "found",
  "measures", "responsible", "funds", "deadline", "contingency", "supervisedBy", "supervisedDeadline",
  "status", "closedOn", "photos",
] as const;
export type LedgerColumn = (typeof LEDGER_COLUMNS)[number];

/** Column widths in characters, for A4 landscape fitted to the page's width. */
const WIDTHS: Record<LedgerColumn, number> = {
  number: 15, unit: 12, industry: 9, principal: 9, channel: 7, description: 30, location: 12, level: 13, found: 11,
  measures: 20, responsible: 9, funds: 9, deadline: 11, contingency: 14, supervisedBy: 12, supervisedDeadline: 11,
  status: 13, closedOn: 11, photos: 5,
};

/** Points per line of 11-point text, and the most lines a row is given (Excel's highest row is 409 points). */
const LINE = 15;
const MAX_LINES = 27;

/**
 * The height a row needs for its wrapped text, from the characters of each cell (a Chinese character is two widths)
 * against its column's width. Set on every row: spreadsheets and LibreOffice's print do not refit rows on opening.
 */
export function rowHeight(cells: readonly (string | number)[], columns: readonly LedgerColumn[]): number {
  let lines = 1;
  for (let i = 0; i < cells.length; i++) {
    const text = String(cells[i]);
    const room = Math.max(1, WIDTHS[columns[i]!] - 1);
    // Lines of this cell: each of its own lines, wrapped at the column's width.
    let n = 0;
    let width = 0;
    for (let k = 0; k <= text.length; k++) {
      const c = k < text.length ? text.charCodeAt(k) : 10;
      if (c === 10) {
        n += Math.max(1, Math.ceil(width / room));
        width = 0;
      } else if (c < 0xdc00 || c > 0xdfff) {
        // A surrogate pair's second half adds nothing; wide (CJK, full-width) characters take two widths.
        width += c >= 0x1100 ? 2 : 1;
      }
    }
    if (n > lines) lines = n;
  }
  return Math.min(lines, MAX_LINES) * LINE;
}

/** The columns of a ledger: all of them for the 重大事故隐患台账, all but 主要负责人 otherwise. */
export function ledgerColumns(majorOnly: boolean): LedgerColumn[] {
  return LEDGER_COLUMNS.filter((c) => majorOnly || c !== "principal");
}

type T = (id: string, args?: Record<string, string | number>) => string;

/** What the ledger says of a hazard's unit: its name, its industry and its enterprise's 主要负责人. */
export interface LedgerUnitInfo {
  name: string;
  industry: string;
  principals: string;
}

/**
 * Each unit's ledger names: the industry is the unit's own or the nearest unit's above it that has one; the 主要负责人
 * are the PRINCIPAL holders of the enterprise at or above it (names only, joined as the language lists them).
 */
export function unitInfo(units: readonly LedgerUnit[], separator: string): Map<number, LedgerUnitInfo> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<number, LedgerUnitInfo>();
  for (const u of units) {
    // From the unit itself up to the root.
    const chain = u.path.split("/").filter(Boolean).map(Number).reverse().map((id) => byId.get(id)).filter((x): x is LedgerUnit => !!x);
    const industry = chain.find((x) => x.industry)?.industry ?? "";
    const enterprise = chain.find((x) => x.kind === "ENTERPRISE");
    out.set(u.id, { name: u.name, industry, principals: enterprise ? enterprise.principals.join(separator) : "" });
  }
  return out;
}

/** One hazard as a row of the ledger: a cell per column, in `columns`' order. Pure, so each column is testable. */
export function ledgerRow(h: LedgerHazard, unit: LedgerUnitInfo | undefined, columns: readonly LedgerColumn[], t: T): (string | number)[] {
  const cell = (c: LedgerColumn): string | number => {
    switch (c) {
      case "number": return formatHazardNumber(h.year, h.id);
      case "unit": return unit?.name ?? "";
      case "industry": return unit?.industry ?? "";
      case "principal": return unit?.principals ?? "";
      case "channel": return t(`source-${h.source}`);
      case "description": return h.description;
      case "location": return h.location ?? "";
      case "level": return h.level ? t(`level-${h.level}`) : t("level-none");
      case "found": return shanghaiDate(h.reportedAt);
      // 即查即改 closes without a plan: the ledger says so where the measures would be.
      case "measures": return h.measures ?? (h.fixedOnSpot ? t("ledger-fixed-on-spot") : "");
      case "responsible": return h.responsible ?? "";
      case "funds": return h.funds ?? "";
      case "deadline": return h.deadline ?? "";
      case "contingency": return h.contingency ?? "";
      case "supervisedBy": return h.supervised ? (h.supervisedBy ?? "") : "";
      case "supervisedDeadline": return h.supervised ? (h.supervisedDeadline ?? "") : "";
      case "status": return t(`status-${h.status}`);
      case "closedOn": return h.status === "CLOSED" && h.closedAt ? shanghaiDate(h.closedAt) : "";
      case "photos": return h.photos;
    }
  };
  return columns.map(cell);
}

export interface LedgerRequest {
  store: Store;
  /** The subtrees the ledger covers. */
  paths: string[];
  majorOnly: boolean;
  /** Hazards found (reported) in this period; null: all of them. */
  period: Period | null;
  t: T;
  /** The title above the header (the units, the ledger's kind, the period). */
  title: string;
  /** Where the .xlsx is written. */
  file: string;
  /** Hazards read per page (one short transaction each). */
  pageSize?: number;
  /** Called after each page is written, with the rows so far (the bench samples memory there). */
  onPage?: (rows: number) => void;
}

/** Bytes of written rows the zip may have yet to take before the writer waits for it. */
const MAX_BACKLOG = 1 << 20;
/** How long the zip may take nothing before the export gives up (a stalled pipeline must not spin forever). */
const STALL_MS = 60_000;

type BufferState = { length?: number };

/**
 * Waits until the zip has taken all but `MAX_BACKLOG` bytes of the sheet's XML. exceljs's streaming writer hands each
 * committed row on through a buffer without limit and never waits: a sheet written faster than it is compressed
 * piles up in memory, about a kilobyte a row (measured: +120 MB at 100,000 rows; with this wait, flat). The fill is
 * read from exceljs 4.4's internals — the sheet's stream pipes into the PassThrough archiver reads — and where they
 * are not found, nothing waits.
 */
async function drained(sheet: ExcelJS.Worksheet): Promise<void> {
  const pipe = (sheet as unknown as { stream?: { pipes?: { _writableState?: BufferState; _readableState?: BufferState }[] } }).stream?.pipes?.[0];
  if (!pipe) return;
  const backlog = () => (pipe._writableState?.length ?? 0) + (pipe._readableState?.length ?? 0);
  let last = backlog();
  let since = Date.now();
  while (last > MAX_BACKLOG) {
    await new Promise((r) => setTimeout(r, 2));
    const now = backlog();
    if (now < last) since = Date.now();
    else if (Date.now() - since > STALL_MS) throw new Error("the .xlsx writer stopped taking data");
    last = now;
  }
}

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };
/**
 * A body cell's style: one object per column, the same for every row. exceljs's writer knows a style object it has
 * seen (by identity) and skips serialising it again: three times faster than each cell's own copy of the column's.
 */
const BODY: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: "top" }, border };
const CENTERED: Partial<ExcelJS.Style> = { alignment: { wrapText: true, vertical: "top", horizontal: "center" }, border };

/**
 * Writes the 台账 to `file` as it reads it: the units once, then the hazards a page at a time in number order (keyset,
 * each page its own short read, no transaction held between them), each row written and flushed to the file as it
 * comes (exceljs's streaming writer, no shared strings, waiting for the zip after each page): memory stays flat
 * however many rows there are.
 * A4 landscape fitted to the width, the header bold, frozen and repeated on every printed page.
 */
export async function writeLedger(r: LedgerRequest): Promise<{ rows: number; pages: number }> {
  const { t } = r;
  const pageSize = r.pageSize ?? 1000;
  const units = await r.store.transaction((repo) => repo.ledger.units(r.paths));
  const info = unitInfo(units, t("list-separator"));
  const query: LedgerQuery = {
    unitIds: units.filter((u) => r.paths.some((p) => u.path.startsWith(p))).map((u) => u.id),
    majorOnly: r.majorOnly,
    from: r.period ? startOfShanghaiDay(r.period.from) : null,
    to: r.period ? startOfShanghaiDay(addDays(r.period.to, 1)) : null,
  };
  const columns = ledgerColumns(r.majorOnly);
  const book = new (await loadExcel()).stream.xlsx.WorkbookWriter({ filename: r.file, useStyles: true, useSharedStrings: false });
  book.creator = "Sentinel";
  const sheet = book.addWorksheet(sheetName(t(r.majorOnly ? "ledger-sheet-major" : "ledger-sheet"), new Set()), {
    views: [{ state: "frozen", xSplit: 1, ySplit: 2 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: "landscape",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: "2:2",
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: t("ledger-footer") },
  });
  sheet.columns = columns.map((c) => ({ key: c, width: WIDTHS[c] }));
  const styles = columns.map((c) => (c === "photos" ? CENTERED : BODY));
  const title = sheet.addRow([r.title]);
  title.height = 26;
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
  sheet.mergeCells(1, 1, 1, columns.length);
  title.commit();
  const headers = columns.map((c) => t(`ledger-col-${c}`));
  const head = sheet.addRow(headers);
  head.height = rowHeight(headers, columns);
  head.eachCell((c) => {
    c.font = { bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
    c.border = border;
  });
  head.commit();
  sheet.autoFilter = { from: { row: 2, column: 1 }, to: { row: 2, column: columns.length } };

  let rows = 0;
  let pages = 0;
  let last = 0;
  for (;;) {
    const page = await r.store.transaction((repo) => repo.ledger.page(query, last, pageSize));
    if (page.length === 0) break;
    pages++;
    for (const h of page) {
      const cells = ledgerRow(h, info.get(h.unitId), columns, t);
      const row = sheet.addRow(cells);
      row.height = rowHeight(cells, columns);
      for (let i = 0; i < styles.length; i++) row.getCell(i + 1).style = styles[i]!;
      row.commit();
    }
    rows += page.length;
    last = page.at(-1)!.id;
    await drained(sheet);
    r.onPage?.(rows);
    if (page.length < pageSize) break;
  }
  sheet.commit();
  await book.commit();
  return { rows, pages };
}
