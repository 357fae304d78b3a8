import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

/** One series of a benchmark set: its training values and the horizon to forecast. */
export interface BenchSeries {
  readonly id: string;
  readonly train: readonly number[];
  readonly h: number;
}

/** The data folder: `FORECAST_DATA` if set, else `../shared/data/forecast` from the repository root. */
export function dataRoot(repoRoot: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.FORECAST_DATA ? resolve(env.FORECAST_DATA) : resolve(repoRoot, "../shared/data/forecast");
}

/** Parse a long-format training CSV (series_id,period_index,value) and its meta CSV into series, in meta order. */
export function parseSeries(trainCsv: string, metaCsv: string): BenchSeries[] {
  const values = new Map<string, [number, number][]>();
  for (const line of trainCsv.split(/\r?\n/).slice(1)) {
    if (!line) continue;
    const [id, index, value] = line.split(",");
    const list = values.get(id) ?? [];
    list.push([Number(index), Number(value)]);
    values.set(id, list);
  }
  const metaLines = metaCsv.split(/\r?\n/).filter((l) => l.length > 0);
  const header = metaLines[0].split(",");
  const hColumn = header.indexOf("h");
  return metaLines.slice(1).map((line) => {
    const cells = line.split(",");
    const id = cells[0];
    const points = (values.get(id) ?? []).sort((a, b) => a[0] - b[0]);
    return { id, train: points.map((p) => p[1]), h: Number(cells[hColumn]) };
  });
}

/** Read a set's series from the data folder. */
export function readSeries(root: string, set: string): BenchSeries[] {
  const dir = join(root, "data");
  return parseSeries(
    readFileSync(join(dir, `${set}_train.csv`), "utf8"),
    readFileSync(join(dir, `${set}_meta.csv`), "utf8"),
  );
}

/** The scorer's input: `series_id,horizon_step,forecast`, one row per series and step. */
export function forecastCsv(
  series: readonly BenchSeries[],
  forecasts: readonly (readonly number[])[],
): string {
  const rows = ["series_id,horizon_step,forecast"];
  series.forEach((s, i) => {
    for (let step = 1; step <= s.h; step++) {
      const v = forecasts[i][step - 1];
      rows.push(`${s.id},${step},${Number.isFinite(v) ? v : 0}`);
    }
  });
  return rows.join("\n") + "\n";
}

/** Scores from score.py's --json output. */
export interface Score {
  readonly sMAPE?: number;
  readonly MASE?: number;
  readonly RMSSE?: number;
  readonly "Bias%"?: number;
  readonly [metric: string]: unknown;
}

/** Write `csv` to `file` and score it with the data folder's score.py (python3). */
export function score(root: string, set: string, file: string, csv: string, partial = false): Score {
  writeFileSync(file, csv);
  const args = [
    join(root, "scripts", "score.py"),
    "--dataset",
    set,
    "--json",
    ...(partial ? ["--partial"] : []),
    file,
  ];
  const out = execFileSync("python3", args, { encoding: "utf8" });
  const line = out.trim().split(/\r?\n/).pop() ?? "{}";
  // Python's json writes NaN (e.g. Bias% of a subsample that sold nothing); JSON has null.
  return JSON.parse(line.replace(/\bNaN\b/g, "null")) as Score;
}
