import { createCanvas } from "@napi-rs/canvas";
import { Chart, registerables } from "chart.js";
import { chartFont, followWeight } from "./fonts.ts";

Chart.register(...registerables);

export interface TrendInput {
  title: string;
  /** `YYYY-MM`, oldest first. */
  months: string[];
  /** Drawn in this order, each in the colour of its place (see `COLORS`); `null`: no value (a gap in a line). */
  series: { label: string; values: (number | null)[]; kind: "bar" | "line"; axis: "count" | "rate" }[];
  rateAxisLabel: string;
  countAxisLabel: string;
}

/**
 * The series' colours in order: general found / rectified (dark and light blue), major found / rectified (dark and
 * light red), 挂牌督办 (orange), the rectification rate (green). Dark enough on white, told apart without the legend's
 * order.
 */
const COLORS = ["#2f5f8a", "#7fb1d9", "#b8322f", "#ee9591", "#e07b00", "#2e8540"];
export const TREND_SIZE = { width: 1000, height: 560 } as const;

/** A 12-month chart as a PNG: bars for hazards found and rectified per level, lines for 挂牌督办 and the rate. */
export async function renderTrend(input: TrendInput): Promise<Buffer> {
  const { family } = chartFont();
  Chart.defaults.font.family = family;
  Chart.defaults.color = "#333333";
  const font = (size: number, weight: "normal" | "bold" = "normal") => ({ family, size, weight });
  const canvas = createCanvas(TREND_SIZE.width, TREND_SIZE.height);
  const ctx = canvas.getContext("2d");
  followWeight(ctx);
  ctx.fillStyle = "#ffffff";
  ctx.fillRect(0, 0, TREND_SIZE.width, TREND_SIZE.height);
  const chart = new Chart(ctx as never, {
    type: "bar",
    data: {
      labels: input.months,
      datasets: input.series.map((s, i) => {
        const color = COLORS[i % COLORS.length]!;
        const common = { label: s.label, data: s.values, backgroundColor: color, borderColor: color, yAxisID: s.axis, order: s.kind === "line" ? 0 : 1 };
        return s.kind === "line"
          ? { ...common, type: "line" as const, tension: 0, spanGaps: true, borderWidth: 2.5, pointRadius: 3.5, ...(s.axis === "count" ? { borderDash: [7, 4] } : {}) }
          : { ...common, type: "bar" as const, categoryPercentage: 0.8, barPercentage: 0.9 };
      }),
    },
    options: {
      responsive: false,
      animation: false,
      layout: { padding: { top: 4, right: 12, bottom: 4, left: 8 } },
      plugins: {
        title: { display: true, text: input.title, font: font(20, "bold"), color: "#111111", padding: { top: 8, bottom: 14 } },
        legend: {
          position: "bottom",
          labels: {
            font: font(14),
            padding: 16,
            usePointStyle: true,
            pointStyleWidth: 28,
            // In the series' order; a line's key is a line, a bar's a square.
            sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
            generateLabels: (c) =>
              Chart.defaults.plugins.legend.labels.generateLabels(c).map((item) => {
                const line = input.series[item.datasetIndex ?? -1]?.kind === "line";
                return { ...item, pointStyle: line ? "line" : "rect", lineWidth: line ? 3 : 0 };
              }),
          },
        },
      },
      scales: {
        x: { ticks: { font: font(13) }, grid: { display: false } },
        count: {
          type: "linear",
          position: "left",
          beginAtZero: true,
          grace: "8%",
          title: { display: true, text: input.countAxisLabel, font: font(14) },
          ticks: { precision: 0, font: font(13) },
        },
        rate: {
          type: "linear",
          position: "right",
          min: 0,
          max: 100,
          title: { display: true, text: input.rateAxisLabel, font: font(14) },
          ticks: { font: font(13) },
          grid: { drawOnChartArea: false },
        },
      },
    },
  });
  try {
    return Buffer.from(await canvas.encode("png"));
  } finally {
    chart.destroy();
  }
}
