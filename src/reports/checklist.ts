import { neededHeight } from "./table.ts";
import type ExcelJS from "exceljs";
import { loadExcel } from "./excel.ts";
import { shanghaiDate, shanghaiDateTime } from "../domain/dates.ts";
import { periodArgs } from "../domain/checks.ts";
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
  /** The hazards the abnormal answers filed, as they stand now (整改清单). */
  hazards: ReadonlyMap<number, { status: string; deadline: string | null; closedAt: Date | null }>;
  summary: { rounds: number; completed: number; rate: string; abnormalRate: string };
}

const thin = { style: "thin" as const };
const BORDER = { top: thin, left: thin, bottom: thin, right: thin };
const FONT = "宋体";

/** A sheet with a title row, a bold bordered header and bordered rows, printed A4 landscape, one page wide. */
function sheet(wb: ExcelJS.Workbook, name: string, title: string, header: string[], widths: number[], rows: (string | number)[][], totals?: (string | number)[]): void {
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
  // The totals row: each figure under its own column, bold, not one sentence crammed into the first cell.
  if (totals) {
    const row = ws.addRow(totals);
    row.eachCell({ includeEmpty: true }, (c) => {
      c.font = { name: FONT, size: 10, bold: true };
      c.alignment = { vertical: "top", wrapText: true };
      c.border = BORDER;
    });
    row.height = Math.max(15, ...totals.map((v, i) => neededHeight(String(v), widths[i] ?? 10, 10)));
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
  const period = (p: string) => t("check-period", periodArgs(p));
  const rectification = (hazardId: number | null): string => {
    const h = hazardId === null ? undefined : input.hazards.get(hazardId);
    if (!h) return "";
    return t("xlsx-rectification", { status: h.status, deadline: h.deadline ?? "none", closed: h.closedAt ? shanghaiDate(h.closedAt) : "none" });
  };
  const records: (string | number)[][] = [];
  const problems: (string | number)[][] = [];
  const fixes: (string | number)[][] = [];
  for (const { round, answers } of input.rounds) {
    const by = new Map(answers.map((a) => [a.position, a]));
    round.items.forEach((item, i) => {
      const a = by.get(i + 1);
      const number = a?.hazardId ? (input.hazardNumbers.get(a.hazardId) ?? "") : "";
      records.push([
        period(round.period),
        t("check-freq", { freq: round.frequency }),
        round.deadline,
        i + 1,
        item.text,
        a ? t("check-result", { result: a.result }) : t("xlsx-unanswered"),
        a?.note ?? "",
        number,
        rectification(a?.hazardId ?? null),
        a?.answeredBy ?? "",
        a ? shanghaiDateTime(a.answeredAt) : "",
      ]);
      if (a?.result !== "ABNORMAL") return;
      problems.push([problems.length + 1, period(round.period), item.text, a.note ?? "", number, a.answeredBy, shanghaiDateTime(a.answeredAt)]);
      const h = a.hazardId === null ? undefined : input.hazards.get(a.hazardId);
      fixes.push([fixes.length + 1, number, a.note || item.text, h ? t(`status-${h.status}`) : none, h?.deadline ?? none, h?.closedAt ? shanghaiDate(h.closedAt) : none]);
    });
  }
  const sum = input.summary;
  sheet(
    wb,
    t("xlsx-records-sheet"),
    t("xlsx-records-title", { unit: input.unit, ...periodArgs(input.period) }),
    [t("xlsx-period"), t("xlsx-frequency"), t("xlsx-deadline"), t("xlsx-no"), t("xlsx-item"), t("xlsx-result"), t("xlsx-note"), t("xlsx-hazard"), t("xlsx-fix"), t("xlsx-answered-by"), t("xlsx-answered-at")],
    [14, 8, 12, 6, 40, 10, 30, 18, 20, 10, 17],
    records,
    [t("xlsx-total"), t("xlsx-total-rounds", { rounds: sum.rounds }), t("xlsx-total-completed", { completed: sum.completed }), "", t("xlsx-total-rate", { rate: sum.rate }), t("xlsx-total-abnormal", { rate: sum.abnormalRate }), "", "", "", "", ""],
  );
  // 三张清单 (seed 003 第6条: 检查清单、隐患清单、整改清单): the list above, the problems found, and their rectification.
  sheet(
    wb,
    t("xlsx-problems-sheet"),
    t("xlsx-problems-title", { unit: input.unit, ...periodArgs(input.period) }),
    [t("xlsx-no"), t("xlsx-period"), t("xlsx-item"), t("xlsx-note"), t("xlsx-hazard"), t("xlsx-answered-by"), t("xlsx-answered-at")],
    [6, 14, 40, 36, 18, 10, 17],
    problems,
  );
  sheet(
    wb,
    t("xlsx-fixes-sheet"),
    t("xlsx-fixes-title", { unit: input.unit, ...periodArgs(input.period) }),
    [t("xlsx-no"), t("xlsx-hazard"), t("xlsx-problem"), t("xlsx-fix-status"), t("xlsx-fix-deadline"), t("xlsx-fix-closed")],
    [6, 18, 44, 14, 14, 14],
    fixes,
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
