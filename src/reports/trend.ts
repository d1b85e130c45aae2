import { createCanvas } from "@napi-rs/canvas";
import { Chart, registerables } from "chart.js";

Chart.register(...registerables);

export interface TrendInput {
  title: string;
  /** `YYYY-MM`, oldest first. */
  months: string[];
  series: { label: string; values: number[]; kind: "bar" | "line"; axis: "count" | "rate" }[];
  rateAxisLabel: string;
  countAxisLabel: string;
}

const COLORS = ["#4e79a7", "#a0cbe8", "#e15759", "#ff9d9a", "#59a14f", "#f28e2b"];
export const TREND_SIZE = { width: 1000, height: 560 } as const;

/** A 12-month chart as a PNG: bars for hazards found and rectified per level, lines for the rectification rate. */
export async function renderTrend(input: TrendInput): Promise<Buffer> {
  const canvas = createCanvas(TREND_SIZE.width, TREND_SIZE.height);
  const ctx = canvas.getContext("2d");
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, TREND_SIZE.width, TREND_SIZE.height);
  const chart = new Chart(ctx as never, {
    type: "bar",
    data: {
      labels: input.months,
      datasets: input.series.map((s, i) => ({
        type: s.kind,
        label: s.label,
        data: s.values,
        backgroundColor: COLORS[i % COLORS.length],
        borderColor: COLORS[i % COLORS.length],
        yAxisID: s.axis === "rate" ? "rate" : "count",
        ...(s.kind === "line" ? { tension: 0.2, spanGaps: true } : {}),
      })),
    },
    options: {
      responsive: false,
      animation: false,
      plugins: { title: { display: true, text: input.title }, legend: { position: "bottom" } },
      scales: {
        count: { type: "linear", position: "left", beginAtZero: true, title: { display: true, text: input.countAxisLabel }, ticks: { precision: 0 } },
        rate: { type: "linear", position: "right", min: 0, max: 100, title: { display: true, text: input.rateAxisLabel }, grid: { drawOnChartArea: false } },
      },
    },
  });
  try {
    return Buffer.from(await canvas.encode("png"));
  } finally {
    chart.destroy();
  }
}
