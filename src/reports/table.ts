import type ExcelJS from "exceljs";
import { loadExcel } from "./excel.ts";
import { parseRange, parseSource, problemCell, type Campaign, type CellStyle, type CountName, type ProblemItem } from "../domain/campaign.ts";

/** One sheet's data: a unit (or the summary of a subtree), the store's counts and what officials recorded. */
export interface TableSheet {
  title: string;
  unitName: string;
  counts: Readonly<Record<CountName, number | null>>;
  /** Each figure as the table shows it (already totalled as the campaign says). */
  figures: ReadonlyMap<string, string>;
  /** The entries under each aspect of 存在的主要问题, by its 1-based number. */
  problems: ReadonlyMap<number, readonly ProblemItem[]>;
}

export interface TableInput {
  campaign: Campaign;
  filledOn: string;
  /** Printed in each page's footer: the day the counts stand at. */
  footer: string;
  sheets: TableSheet[];
}

const thin = { style: "thin" as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = "宋体";
/**
 * Cell styles are shared objects, one per kind of cell: exceljs files a style object it has seen before without
 * comparing it again (a WeakMap by identity); a fresh object per cell was compared field by field. The whole tree's
 * 1,000 sheets: 2.3–3.0 s before, 1.4–2.2 s after (20k hazards, PGlite), the file's XML the same. Frozen, and never
 * to be changed through a cell (`cell.font = …` would change every cell of its kind; exceljs, not in strict mode,
 * would drop the write without a word): a cell that needs another look gets another kind. No kind sets a number
 * format, so a date cell sharing one would not lose its format either.
 */
const FRAMED: Partial<ExcelJS.Style> = Object.freeze({ border: BORDER });
const styled = new Map<string, Partial<ExcelJS.Style>>();
function styleOf(style: CellStyle, framed: boolean): Partial<ExcelJS.Style> {
  const key = `${style}:${framed}`;
  let s = styled.get(key);
  if (!s) styled.set(key, (s = Object.freeze({ ...STYLES[style], ...(framed ? { border: BORDER } : {}) })));
  return s;
}
/** Up to this much height (points) a sheet is shrunk onto one A4 landscape page (~1.6× the printable height). */
const ONE_PAGE_POINTS = 850;

const STYLES: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { name: FONT, size: 16, bold: true }, alignment: { horizontal: "center", vertical: "middle" } },
  label: { font: { name: FONT, size: 11 }, alignment: { horizontal: "left", vertical: "middle" } },
  field: { font: { name: FONT, size: 11 }, alignment: { horizontal: "left", vertical: "middle" } },
  head: { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  category: { font: { name: FONT, size: 10, bold: true }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  measure: { font: { name: FONT, size: 10 }, alignment: { horizontal: "left", vertical: "middle", wrapText: true } },
  value: { font: { name: FONT, size: 11 }, alignment: { horizontal: "center", vertical: "middle", wrapText: true } },
  text: { font: { name: FONT, size: 10 }, alignment: { horizontal: "left", vertical: "top", wrapText: true } },
  note: { font: { name: FONT, size: 10 }, alignment: { horizontal: "left", vertical: "top", wrapText: true } },
};

/**
 * A sheet name Excel and WPS accept: at most 31 characters, none of []:*?/\\, not starting or ending with an
 * apostrophe, unique in the book without regard to case.
 */
export function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, "_").replace(/^'+|'+$/g, "").trim() || "sheet";
  for (let i = 1; ; i++) {
    const suffix = i === 1 ? "" : `(${i})`;
    const n = base.slice(0, 31 - suffix.length) + suffix;
    if (!used.has(n.toLowerCase())) {
      used.add(n.toLowerCase());
      return n;
    }
  }
}

/** Width of a text in column units: a CJK character takes about two. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** The height (points) that shows `text` wrapped in a range `width` units wide. */
export function neededHeight(text: string, width: number, size: number): number {
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil((textWidth(line) * size) / 11 / Math.max(1, width - 1))), 0);
  return lines * (size + 5) + 6;
}

/**
 * The campaign's statistics table as an .xlsx, one sheet per entry of `sheets` (a subtree's summary first), each
 * drawn cell for cell from the campaign's layout: merged ranges, the frame's borders, row heights (grown where a
 * filled text needs more), A4 landscape fitted to one page width with the heading rows repeated on every page.
 */
export async function buildTable(input: TableInput): Promise<Buffer> {
  const { campaign } = input;
  const layout = campaign.table;
  const book = new (await loadExcel()).Workbook();
  book.creator = "Sentinel";
  const used = new Set<string>();
  const frame = parseRange(layout.frame)!;
  for (const s of input.sheets) {
    const ws = book.addWorksheet(sheetName(s.title, used), {
      pageSetup: {
        paperSize: 9,
        orientation: "landscape",
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        horizontalCentered: true,
        printTitlesRow: layout.printTitles,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: `&L${input.footer}&R&P/&N` },
    });
    ws.columns = layout.columns.map((width) => ({ width }));
    for (const [row, height] of Object.entries(layout.rows)) ws.getRow(Number(row)).height = height;
    for (let row = frame.top; row <= frame.bottom; row++) {
      for (let col = frame.left; col <= frame.right; col++) ws.getCell(row, col).style = FRAMED;
    }
    for (const cell of layout.cells) {
      const r = parseRange(cell.at)!;
      if (r.bottom > r.top || r.right > r.left) ws.mergeCells(r.top, r.left, r.bottom, r.right);
      const c = ws.getCell(r.top, r.left);
      const style = cell.style ?? "value";
      c.style = styleOf(style, !!c.border);
      const value = cell.text ?? (cell.value !== undefined ? valueOf(cell.value, campaign, s, input) : null);
      if (value === null || value === "") continue;
      c.value = value;
      if (typeof value === "string" && (style === "text" || style === "measure" || style === "note")) {
        const width = layout.columns.slice(r.left - 1, r.right).reduce((a, b) => a + b, 0);
        const rows = r.bottom - r.top + 1;
        const have = Array.from({ length: rows }, (_, i) => ws.getRow(r.top + i).height ?? 15).reduce((a, b) => a + b, 0);
        const need = neededHeight(value, width, STYLES[style].font!.size!);
        if (need > have) ws.getRow(r.bottom).height = (ws.getRow(r.bottom).height ?? 15) + need - have;
      }
    }
    // The form on one sheet of paper, as issued, unless what was filled in makes it too long to read shrunk.
    let total = 0;
    ws.eachRow({ includeEmpty: true }, (row) => void (total += row.height ?? 15));
    ws.pageSetup.fitToHeight = total <= ONE_PAGE_POINTS ? 1 : 0;
  }
  // Deflate at its fastest level: a province's 1,000 sheets took a quarter less time in all (bench --quick: 2.8 s to
  // 2.1 s on PostgreSQL), the file a little larger.
  return Buffer.from(await book.xlsx.writeBuffer({ zip: { compressionOptions: { level: 1 } } }));
}

function valueOf(source: string, campaign: Campaign, s: TableSheet, input: TableInput): string | number | null {
  const src = parseSource(source, campaign)!;
  switch (src.kind) {
    case "unit":
      return s.unitName;
    case "filled-on":
      return input.filledOn;
    case "count":
      return s.counts[src.name];
    case "figure": {
      const v = s.figures.get(src.key);
      if (v === undefined) return null;
      const def = campaign.figures.find((f) => f.key === src.key)!;
      return def.kind === "text" ? v : Number(v);
    }
    case "problem":
      return problemCell(s.problems.get(src.index) ?? [], src.part);
  }
}
