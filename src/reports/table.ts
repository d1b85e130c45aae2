import ExcelJS from "exceljs";
import { FIGURES, type Problem } from "../domain/figures.ts";
import { rectificationRate, type HazardStats } from "../domain/stats.ts";

/** One sheet's data: a unit (or the summary of a subtree), the store's counts and the recorded figures. */
export interface TableSheet {
  title: string;
  unitName: string;
  stats: HazardStats;
  figures: ReadonlyMap<string, string>;
  problems: Problem[];
}

export interface TableInput {
  t: (id: string, args?: Record<string, string | number>) => string;
  month: string;
  filledOn: string;
  /** The first day counted (campaign start), or null for everything. */
  since: string | null;
  sheets: TableSheet[];
}

const COLS = 9;

/** Where each filled value goes, so a reader (and the tests) can find it: key → `B6`-style address. */
export const CELLS = {
  unit: "B2",
  filledOn: "E2",
  month: "H2",
  ...sectionCells(1, 6),
  "hazard-general-found": "A10",
  "hazard-general-rectified": "B10",
  "hazard-general-rate": "C10",
  "hazard-major-found": "D10",
  "hazard-major-rectified": "E10",
  "hazard-major-rate": "F10",
  "hazard-major-supervised": "G10",
  ...sectionCells(3, 14),
  ...sectionCells(4, 18),
  // With up to three problems; each further one moves the contact down a row.
  "contact-person": "B25",
  "contact-phone": "E25",
} as Record<string, string>;

/** The first row of section 5's problems; one row each. */
export const PROBLEMS_FIRST_ROW = 22;
const PROBLEM_ROWS = 3;

function sectionCells(section: number, row: number): Record<string, string> {
  return Object.fromEntries(FIGURES.filter((f) => f.section === section).map((f, i) => [f.key, `${String.fromCharCode(65 + i)}${row}`]));
}

const thin = { style: "thin" as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

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

/**
 * The monthly 《安全生产专项整治三年行动统计表》 as an .xlsx: one sheet per unit and, for a subtree, a summary sheet
 * first. Section 2 (hazards, cumulative) is filled from the store; sections 1, 3, 4, 5 and the contact from what
 * officials recorded, blank where nothing was.
 */
export async function buildTable(input: TableInput): Promise<Buffer> {
  const { t } = input;
  const book = new ExcelJS.Workbook();
  book.creator = "Sentinel";
  const used = new Set<string>();
  for (const s of input.sheets) {
    const ws = book.addWorksheet(sheetName(s.title, used), { pageSetup: { orientation: "landscape", fitToPage: true } });
    ws.columns = Array.from({ length: COLS }, () => ({ width: 14 }));
    ws.mergeCells(1, 1, 1, COLS);
    const title = ws.getCell("A1");
    title.value = t("xlsx-title");
    title.font = { bold: true, size: 14 };
    title.alignment = { horizontal: "center" };
    ws.getCell("A2").value = t("xlsx-unit");
    ws.getCell(CELLS.unit!).value = s.unitName;
    ws.getCell("D2").value = t("xlsx-filled-on");
    ws.getCell(CELLS.filledOn!).value = input.filledOn;
    ws.getCell("G2").value = t("xlsx-month");
    ws.getCell(CELLS.month!).value = input.month;

    const header = (row: number, labels: string[]) => {
      labels.forEach((l, i) => {
        const c = ws.getCell(row, i + 1);
        c.value = l;
        c.font = { bold: true };
        c.alignment = { wrapText: true, vertical: "middle", horizontal: "center" };
        c.border = border;
      });
    };
    const value = (key: string, v: string | number | null | undefined) => {
      const c = ws.getCell(CELLS[key]!);
      c.border = border;
      if (v === null || v === undefined || v === "") return;
      c.value = typeof v === "number" ? v : /^\d+(\.\d+)?$/.test(v) && !key.startsWith("contact") ? Number(v) : v;
    };
    const section = (row: number, id: string, args?: Record<string, string | number>) => {
      const c = ws.getCell(row, 1);
      c.value = t(id, args);
      c.font = { bold: true };
    };

    for (const [sec, row] of [[1, 4], [3, 12], [4, 16]] as const) {
      section(row, `xlsx-section-${sec}`);
      const defs = FIGURES.filter((f) => f.section === sec);
      header(row + 1, defs.map((f) => t(`figure-${f.key}`)));
      for (const f of defs) value(f.key, s.figures.get(f.key));
    }

    section(8, "xlsx-section-2", { since: input.since ?? "none" });
    header(9, [
      t("xlsx-general-found"), t("xlsx-general-rectified"), t("xlsx-general-rate"),
      t("xlsx-major-found"), t("xlsx-major-rectified"), t("xlsx-major-rate"), t("xlsx-major-supervised"),
    ]);
    value("hazard-general-found", s.stats.general.found);
    value("hazard-general-rectified", s.stats.general.rectified);
    value("hazard-general-rate", rectificationRate(s.stats.general));
    value("hazard-major-found", s.stats.major.found);
    value("hazard-major-rectified", s.stats.major.rectified);
    value("hazard-major-rate", rectificationRate(s.stats.major));
    value("hazard-major-supervised", s.stats.supervised);

    section(20, "xlsx-section-5");
    header(21, [t("xlsx-problem-aspect"), "", "", t("xlsx-problem-measures"), "", "", t("xlsx-problem-progress"), "", ""]);
    for (const col of [1, 4, 7]) ws.mergeCells(21, col, 21, col + 2);
    const problems = s.problems.length > PROBLEM_ROWS ? s.problems : [...s.problems, ...Array<null>(PROBLEM_ROWS - s.problems.length).fill(null)];
    problems.forEach((p, i) => {
      const row = PROBLEMS_FIRST_ROW + i;
      for (const [col, text] of [[1, p?.aspect], [4, p?.measures], [7, p?.progress]] as const) {
        ws.mergeCells(row, col, row, col + 2);
        const c = ws.getCell(row, col);
        c.border = border;
        c.alignment = { wrapText: true, vertical: "top" };
        if (text) c.value = text;
      }
    });
    const contactRow = PROBLEMS_FIRST_ROW + problems.length;
    ws.getCell(contactRow, 1).value = t("xlsx-contact-person");
    ws.getCell(contactRow, 4).value = t("xlsx-contact-phone");
    const person = s.figures.get("contact-person");
    const phone = s.figures.get("contact-phone");
    if (person) ws.getCell(contactRow, 2).value = person;
    if (phone) ws.getCell(contactRow, 5).value = phone;
    ws.mergeCells(contactRow + 2, 1, contactRow + 5, COLS);
    const notes = ws.getCell(contactRow + 2, 1);
    notes.value = t("xlsx-notes");
    notes.alignment = { wrapText: true, vertical: "top" };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
