/**
 * `npm run bench:plan`: the planner on a large generated seller — 5,000 SKUs ×
 * 4 warehouses, 2 years of weekly sales (zero weeks omitted), 500 streams.
 * Measures, each in its own child process so peak memory is its own:
 *  - core: reading the tables into a PlanInput, and `runPlan` alone (target < 2 s, the
 *    first run in the process); a second run shows the same plan with the code warm;
 *  - xlsx read: `readXlsxTables` on the generated workbook alone (target ≤ 6 s);
 *  - end to end: `livestock plan big.xlsx -o plan.xlsx` through the package bin
 *    (tsx start-up, xlsx read, validation, plan, xlsx write; target < 20 s);
 *  - peak memory (max RSS) of each process (target < 1 GB).
 * The input workbook (plain sheets with header rows) is generated once into a
 * temporary folder (not timed).
 * BENCH_SKUS overrides the SKU count.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { performance } from "node:perf_hooks";
import { readPlanInput } from "../src/core/data/validate";
import { defaultPlanDate } from "../src/core/job";
import { runPlan, settingsFrom } from "../src/core/plan";
import { generateSeller } from "../src/sample/generate";
import { readXlsxTables, writeXlsxTables } from "../src/workbook/xlsx";
import { benchSeller } from "./seller";

const ROOT = resolve(__dirname, "..");
const SKUS = Number(process.env.BENCH_SKUS ?? 5000);
const BIG = benchSeller(SKUS);
const TARGETS = { coreMs: 2000, readMs: 6000, endToEndMs: 20000, peakMb: 1024 };

interface CoreFigures {
  readonly rows: Record<string, number>;
  readonly generateMs: number;
  readonly readMs: number;
  readonly planMs: number;
  readonly warmPlanMs: number;
  readonly peakMb: number;
  readonly lines: number;
}

/** Child mode: generate, read and plan in this process; print the figures as JSON. */
function core(): void {
  let t = performance.now();
  const tables = generateSeller(BIG);
  const generateMs = performance.now() - t;
  t = performance.now();
  const read = readPlanInput(tables);
  const readMs = performance.now() - t;
  if (read.problems.length > 0) throw new Error(`generated seller has ${read.problems.length} problems`);
  const planDate = defaultPlanDate(read.input);
  if (planDate === undefined) throw new Error("no sales");
  const { settings } = settingsFrom(read.input.settings);
  t = performance.now();
  const plan = runPlan(read.input, planDate, settings);
  const planMs = performance.now() - t;
  // Peak memory of one plan, before the second run adds its own.
  const peakMb = process.resourceUsage().maxRSS / 1024;
  t = performance.now();
  runPlan(read.input, planDate, settings);
  const warmPlanMs = performance.now() - t;
  const figures: CoreFigures = {
    rows: Object.fromEntries(tables.map((x) => [x.name, x.rows.length])),
    generateMs,
    readMs,
    planMs,
    warmPlanMs,
    peakMb,
    lines: plan.lines.length,
  };
  console.log(JSON.stringify(figures));
}

/** Child mode: read the xlsx file given after --read; print the time, CPU time, peak memory and Sales rows as JSON. */
async function readOnly(file: string): Promise<void> {
  const t = performance.now();
  const cpu = process.cpuUsage();
  const tables = await readXlsxTables(file);
  const used = process.cpuUsage(cpu);
  console.log(
    JSON.stringify({
      readMs: performance.now() - t,
      cpuMs: (used.user + used.system) / 1000,
      peakMb: process.resourceUsage().maxRSS / 1024,
      sales: tables.find((x) => x.name === "Sales")?.rows.length ?? 0,
    }),
  );
}

const verdict = (value: number, target: number): string => (value < target ? "met" : "NOT MET");
const fmt = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

/** Max RSS in MB of a command run under `/usr/bin/time -v`, or undefined without it. */
function peakOf(stderr: string): number | undefined {
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  return m ? Number(m[1]) / 1024 : undefined;
}

async function main(): Promise<void> {
  if (process.argv.includes("--core")) return core();
  const readArg = process.argv.indexOf("--read");
  if (readArg > 0) return readOnly(process.argv[readArg + 1]);

  console.log(`bench:plan — ${SKUS} SKUs × 4 warehouses, 104 weeks of weekly sales, 500 streams`);
  // Other work on the machine slows every figure: the load is printed with them.
  console.log(
    `  machine: ${cpus().length} cores, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(" ")} (1, 5, 15 min)`,
  );
  const coreRun = spawnSync(process.execPath, ["--import", "tsx", __filename, "--core"], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 1 << 26,
  });
  if (coreRun.status !== 0) throw new Error(`core run failed:\n${coreRun.stderr}`);
  const c = JSON.parse(coreRun.stdout.trim().split("\n").pop() ?? "{}") as CoreFigures;
  console.log(
    `  tables: ${Object.entries(c.rows)
      .map(([k, v]) => `${k} ${v.toLocaleString("en-US")}`)
      .join(", ")}`,
  );
  console.log(`  plan lines: ${c.lines.toLocaleString("en-US")}`);
  console.log(`  generate (not a target)      ${fmt(c.generateMs)}`);
  console.log(`  read tables → PlanInput      ${fmt(c.readMs)}`);
  console.log(
    `  core plan (runPlan)          ${fmt(c.planMs)}   target < ${fmt(TARGETS.coreMs)}: ${verdict(c.planMs, TARGETS.coreMs)}`,
  );
  console.log(`  core plan, warm (2nd run)    ${fmt(c.warmPlanMs)}   (not a target)`);
  console.log(
    `  core process peak memory     ${c.peakMb.toFixed(0)} MB   target < ${TARGETS.peakMb} MB: ${verdict(c.peakMb, TARGETS.peakMb)}`,
  );

  const dir = mkdtempSync(join(tmpdir(), "ls-bench-"));
  try {
    const input = join(dir, "big-seller.xlsx");
    let t = performance.now();
    await writeXlsxTables(input, generateSeller(BIG), { excelTables: false });
    console.log(
      `  input workbook written (not timed): ${(statSync(input).size / 1e6).toFixed(1)} MB in ${fmt(performance.now() - t)}`,
    );
    const readRun = spawnSync(process.execPath, ["--import", "tsx", __filename, "--read", input], {
      cwd: ROOT,
      encoding: "utf8",
    });
    if (readRun.status !== 0) throw new Error(`read run failed:\n${readRun.stderr}`);
    const r = JSON.parse(readRun.stdout.trim().split("\n").pop() ?? "{}") as {
      readMs: number;
      cpuMs: number;
      peakMb: number;
      sales: number;
    };
    console.log(
      `  xlsx read (${r.sales.toLocaleString("en-US")} Sales rows) ${fmt(r.readMs)} (CPU ${fmt(r.cpuMs)}, ${r.peakMb.toFixed(0)} MB)   target ≤ ${fmt(TARGETS.readMs)}: ${verdict(r.readMs, TARGETS.readMs + 1)}`,
    );
    const output = join(dir, "plan.xlsx");
    const bin = join(ROOT, "bin/livestock.js");
    const useTime = process.platform === "linux";
    t = performance.now();
    const run = useTime
      ? spawnSync("/usr/bin/time", ["-v", process.execPath, bin, "plan", input, "-o", output], {
          cwd: dir,
          encoding: "utf8",
        })
      : spawnSync(process.execPath, [bin, "plan", input, "-o", output], { cwd: dir, encoding: "utf8" });
    const e2eMs = performance.now() - t;
    if (run.status !== 0) throw new Error(`CLI failed (${run.status}):\n${run.stdout}\n${run.stderr}`);
    const peak = peakOf(run.stderr ?? "");
    console.log(
      `  end to end (livestock plan)  ${fmt(e2eMs)}   target < ${fmt(TARGETS.endToEndMs)}: ${verdict(e2eMs, TARGETS.endToEndMs)}`,
    );
    if (peak !== undefined) {
      console.log(
        `  CLI peak memory              ${peak.toFixed(0)} MB   target < ${TARGETS.peakMb} MB: ${verdict(peak, TARGETS.peakMb)}`,
      );
    }
    console.log(`  output: ${(statSync(output).size / 1e6).toFixed(1)} MB`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
