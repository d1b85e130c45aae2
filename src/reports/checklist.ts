import { neededHeight } from "./table.ts";
import type ExcelJS from "exceljs";
import { loadExcel } from "./excel.ts";
import { shanghaiDateTime } from "../domain/dates.ts";
import type { AnswerRow, ChecklistItemRow, RoundRow } from "../store/index.ts";

type T = (id: string, args?: Record<string, string | number>) => string;

export interface ChecklistWorkbookInput {
  /** The chat's language: every heading and word comes from prompts. */
  t: T;
  unit: string;
  period: string;
  items: ChecklistItemRow[];
  rounds: { round: RoundRow; answers: AnswerRow[] }[];
  hazardNumbers: ReadonlyMap<number, string>;
  summary: { rounds: number; completed: number; rate: string; abnormalRate: string };
}

const thin = { style: "thin" as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = "宋体";

/** A sheet with a title row, a bold bordered header and bordered rows, printed A4 landscape, one page wide. */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], widths: number[], rows: (string | number)[][]): void {
  const ws = wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: "2:2" },
  });
  ws.columns = widths.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, header.length);
  const t = ws.getCell(1, 1);
  t.value = title;
  t.font = { name: FONT, size: 14, bold: true };
  t.alignment = { horizontal: "center", vertical: "middle" };
  ws.getRow(1).height = 28;
  const h = ws.addRow(header);
  h.eachCell((c) => {
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    c.border = BORDER;
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    let height = 15;
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.font = { name: FONT, size: 10 };
      c.alignment = { vertical: "top", wrapText: true };
      c.border = BORDER;
      // Spreadsheet programs do not grow a row for wrapped text on their own: the height a cell's text needs.
      if (c.value !== null && c.value !== undefined) height = Math.max(height, neededHeight(String(c.value), widths[col - 1] ?? 10, 10));
    });
    row.height = height;
  }
}

/** 检查清单 and 检查记录 of one unit for a period, as .xlsx: the list (basis, major-hazard link, responsible) and every answer. */
export async function checklistWorkbook(input: ChecklistWorkbookInput): Promise<Uint8Array> {
  const { t } = input;
  const wb = new (await loadExcel()).Workbook();
  wb.creator = "Sentinel";
  const none = t("xlsx-none");
  sheet(
    wb,
    t("xlsx-checklist-sheet"),
    t("xlsx-checklist-title", { unit: input.unit }),
    [t("xlsx-no"), t("xlsx-frequency"), t("xlsx-item"), t("xlsx-basis"), t("xlsx-major"), t("xlsx-responsible")],
    [6, 10, 48, 52, 14, 12],
    input.items.map((it, i) => [i + 1, t("check-freq", { freq: it.frequency }), it.text, it.basis ?? none, it.indicator ? t("xlsx-yes") : none, it.responsible ?? none]),
  );
  const records: (string | number)[][] = [];
  for (const { round, answers } of input.rounds) {
    const by = new Map(answers.map((a) => [a.position, a]));
    round.items.forEach((item, i) => {
      const a = by.get(i + 1);
      records.push([
        round.period,
        t("check-freq", { freq: round.frequency }),
        round.deadline,
        i + 1,
        item.text,
        a ? t("check-result", { result: a.result }) : t("xlsx-unanswered"),
        a?.note ?? "",
        a?.hazardId ? (input.hazardNumbers.get(a.hazardId) ?? "") : "",
        a?.answeredBy ?? "",
        a ? shanghaiDateTime(a.answeredAt) : "",
      ]);
    });
  }
  records.push([t("xlsx-summary", { ...input.summary }), "", "", "", "", "", "", "", "", ""]);
  sheet(
    wb,
    t("xlsx-records-sheet"),
    t("xlsx-records-title", { unit: input.unit, period: input.period }),
    [t("xlsx-period"), t("xlsx-frequency"), t("xlsx-deadline"), t("xlsx-no"), t("xlsx-item"), t("xlsx-result"), t("xlsx-note"), t("xlsx-hazard"), t("xlsx-answered-by"), t("xlsx-answered-at")],
    [12, 8, 12, 6, 40, 10, 30, 18, 10, 17],
    records,
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
