import ExcelJS from "exceljs";
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
  cells.forEach((v, i) => {
    const room = Math.max(1, WIDTHS[columns[i]!] - 1);
    const n = String(v)
      .split("\n")
      .reduce((sum, part) => sum + Math.max(1, Math.ceil([...part].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0) / room)), 0);
    lines = Math.max(lines, n);
  });
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
}

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

/**
 * Writes the 台账 to `file` as it reads it: the units once, then the hazards a page at a time in number order (keyset,
 * each page its own short read, no transaction held between them), each row written and flushed to the file as it
 * comes (exceljs's streaming writer, no shared strings): memory stays flat however many rows there are.
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
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: r.file, useStyles: true, useSharedStrings: false });
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
  sheet.columns = columns.map((c) => ({
    key: c,
    width: WIDTHS[c],
    style: { alignment: { wrapText: true, vertical: "top", ...(c === "photos" ? { horizontal: "center" as const } : {}) }, border },
  }));
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
      row.commit();
    }
    rows += page.length;
    last = page.at(-1)!.id;
    if (page.length < pageSize) break;
  }
  sheet.commit();
  await book.commit();
  return { rows, pages };
}
