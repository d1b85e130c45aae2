import type ExcelJS from "exceljs";

/**
 * exceljs, loaded on first use: it is a large module graph that a bot answering chat does not need until someone asks
 * for a spreadsheet, and loading it at start cost the cold start and the idle memory (issue 13).
 */
let excel: Promise<typeof ExcelJS> | null = null;

export function loadExcel(): Promise<typeof ExcelJS> {
  // A CommonJS module: its exports are the namespace's default.
  return (excel ??= import("exceljs").then((m) => ((m as { default?: typeof ExcelJS }).default ?? m) as typeof ExcelJS));
}
