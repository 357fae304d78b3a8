/**
 * `npm run bench:forecast`: our forecaster against `@bsull/augurs` AutoETS and
 * `arima` AutoARIMA on the public M3 monthly and carparts splits, scored by the
 * data folder's score.py, next to R forecast's recorded figures. Prints a table.
 * FORECAST_DATA overrides the data folder; ARIMA_SAMPLE the AutoARIMA subsample size.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { forecastSeries } from "../src/core/forecast";
import { dataRoot, forecastCsv, readSeries, score, type BenchSeries, type Score } from "./forecast/dataset";

type Forecaster = (train: readonly number[], h: number, m: number) => number[];

interface SetSpec {
  readonly set: "m3_monthly" | "carparts";
  readonly season: number;
  /** R forecast `ets` as recorded in the data README: the targets. */
  readonly rEts: {
    readonly sMAPE?: number;
    readonly MASE: number;
    readonly RMSSE: number;
    readonly ms: number;
  };
}

const SETS: readonly SetSpec[] = [
  { set: "m3_monthly", season: 12, rEts: { sMAPE: 14.14, MASE: 0.865, RMSSE: 0.813, ms: 500 } },
  { set: "carparts", season: 1, rEts: { MASE: 1.116, RMSSE: 0.637, ms: 171 } },
];

/** Every k-th series, so a slow peer runs on a fixed, documented subsample. */
function subsample(series: readonly BenchSeries[], size: number): BenchSeries[] {
  if (size >= series.length) return series.slice();
  const step = series.length / size;
  return Array.from({ length: size }, (_, i) => series[Math.floor(i * step)]);
}

function run(
  series: readonly BenchSeries[],
  m: number,
  f: Forecaster,
): { forecasts: number[][]; ms: number } {
  const start = performance.now();
  const forecasts = series.map((s) => {
    try {
      return f(s.train, s.h, m);
    } catch {
      return new Array<number>(s.h).fill(s.train[s.train.length - 1]);
    }
  });
  return { forecasts, ms: (performance.now() - start) / series.length };
}

async function peers(repoRoot: string): Promise<Record<string, Forecaster>> {
  const ets = await import("@bsull/augurs/ets");
  ets.initSync({ module: readFileSync(join(repoRoot, "node_modules/@bsull/augurs/ets_bg.wasm")) });
  // arima is CommonJS with a synchronous WebAssembly build.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ARIMA = require("arima") as new (options: Record<string, unknown>) => {
    fit(y: readonly number[]): { predict(h: number): [number[], number[]] };
  };
  return {
    "augurs AutoETS": (train, h, m) => {
      const model = new ets.AutoETS(m, "ZZZ");
      try {
        model.fit(train.slice());
        return model.predict(h).point;
      } finally {
        model.free();
      }
    },
    "arima AutoARIMA": (train, h, m) =>
      quietly(
        () =>
          new ARIMA({ auto: true, verbose: false, ...(m > 1 ? { s: m, P: 1, D: 1, Q: 1 } : {}) })
            .fit(train)
            .predict(h)[0],
      ),
  };
}

/** Run `f` with stdout and stderr muted: the arima WebAssembly build prints solver warnings. */
function quietly<T>(f: () => T): T {
  const out = process.stdout.write;
  const err = process.stderr.write;
  const mute = (() => true) as typeof process.stdout.write;
  process.stdout.write = mute;
  process.stderr.write = mute;
  try {
    return f();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

const fmt = (v: unknown, digits: number): string => (typeof v === "number" ? v.toFixed(digits) : "–");

async function main(): Promise<void> {
  const repoRoot = resolve(__dirname, "..");
  const root = dataRoot(repoRoot);
  const out = mkdtempSync(join(tmpdir(), "bench-forecast-"));
  const arimaSample = Number(process.env.ARIMA_SAMPLE ?? 100);
  const others = await peers(repoRoot);
  const ours: Forecaster = (train, h, m) => forecastSeries(train, h, { seasonLength: m }).mean.slice();
  const lines: string[] = [];
  for (const spec of SETS) {
    const all = readSeries(root, spec.set);
    const contenders: [string, Forecaster, BenchSeries[]][] = [
      ["LiveStock forecastSeries", ours, all],
      ["augurs AutoETS", others["augurs AutoETS"], all],
      ["arima AutoARIMA", others["arima AutoARIMA"], subsample(all, arimaSample)],
      ["LiveStock on the AutoARIMA subsample", ours, subsample(all, arimaSample)],
    ];
    lines.push(
      "",
      `## ${spec.set} (${all.length} series)`,
      "| method | series | sMAPE | MASE | RMSSE | Bias% | ms/series | series/s |",
      "|---|---|---|---|---|---|---|---|",
    );
    const r = spec.rEts;
    lines.push(
      `| R forecast ets (recorded; target) | ${all.length} | ${fmt(r.sMAPE, 2)} | ${r.MASE.toFixed(3)} | ${r.RMSSE.toFixed(3)} | – | ${r.ms} | ${(1000 / r.ms).toFixed(1)} |`,
    );
    for (const [name, f, series] of contenders) {
      const { forecasts, ms } = run(series, spec.season, f);
      const file = join(out, `${spec.set}__${name.split(" ")[0]}.csv`);
      const s: Score = score(
        root,
        spec.set,
        file,
        forecastCsv(series, forecasts),
        series.length < all.length,
      );
      lines.push(
        `| ${name} | ${series.length} | ${fmt(s.sMAPE, 2)} | ${fmt(s.MASE, 3)} | ${fmt(s.RMSSE, 3)} | ${fmt(s["Bias%"], 1)} | ${ms.toFixed(2)} | ${(1000 / ms).toFixed(0)} |`,
      );
      if (name === "LiveStock forecastSeries") {
        const okAccuracy =
          (r.sMAPE === undefined || (s.sMAPE ?? Infinity) <= r.sMAPE) &&
          (s.MASE ?? Infinity) <= r.MASE &&
          (spec.set === "m3_monthly" || (s.RMSSE ?? Infinity) <= r.RMSSE);
        const okSpeed = ms <= r.ms / 20;
        lines.push(
          `| → target: accuracy ≥ R ets ${okAccuracy ? "met" : "NOT met"}; speed ≥ 20× R ets (≤ ${(r.ms / 20).toFixed(1)} ms) ${okSpeed ? "met" : "NOT met"} | | | | | | | |`,
        );
      }
      console.error(`${spec.set}: ${name} done`);
    }
  }
  console.log(
    `# bench:forecast — data ${root}; arima AutoARIMA on ${arimaSample} evenly spaced series per set (ARIMA_SAMPLE): too slow for all`,
  );
  console.log(lines.join("\n"));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
