/**
 * The workbook fuzz: property-based mutations of a trimmed copy of the sample
 * workbook — its cells, headers, tables and sheets, and the zip and XML they
 * are stored in — each planned by `livestock plan` and judged by the same
 * rules (issue 11): exit 0, 1 or 2 only; no stack trace; every problem
 * located; no output file unless exit 0; the input unchanged; no formula, no
 * unprotected `= + - @` text and no non-finite number in the output; at most
 * 30 s and 1.5 GB. Used by `npm test` (a few hundred cases) and `npm run fuzz`.
 */
import { spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { Worker } from "worker_threads";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import { runPlanCommand, type ExitCode } from "../src/cli/main";
import type { CellValue, RawTable } from "../src/core/data/table";
import { readXlsxTables, writeXlsxTables } from "../src/workbook/xlsx";

const ROOT = path.resolve(__dirname, "..");
const SAMPLE = path.join(ROOT, "samples/livestock-sample.xlsx");
export const LIMITS = { ms: 30_000, rssMb: 1536 };

/**
 * A small seller cut from the sample workbook, so one case plans in well under
 * a second: 4 SKUs in 2 warehouses, the last 20 weeks of their sales, the
 * streams that feature them, and a short backtest.
 */
export async function trimmedSample(): Promise<RawTable[]> {
  const tables = await readXlsxTables(SAMPLE);
  const get = (name: string): RawTable => {
    const t = tables.find((x) => x.name === name);
    if (!t) throw new Error(`the sample has no ${name} table`);
    return t;
  };
  const col = (t: RawTable, h: string): number => t.headers.indexOf(h);
  const warehouses = new Set(["US-West", "Germany"]);
  const skus = new Set(
    get("SKUs")
      .rows.slice(0, 4)
      .map((r) => r[0]),
  );
  const sales = get("Sales");
  const lastDay = Math.max(...sales.rows.map((r) => r[0] as number));
  const keep = (t: RawTable, test: (r: readonly CellValue[]) => boolean): RawTable => ({
    ...t,
    rows: t.rows.filter(test),
  });
  const inScope = (t: RawTable) => (r: readonly CellValue[]) =>
    skus.has(r[col(t, "sku")]) && warehouses.has(r[col(t, "warehouse")] as string);
  const items = get("StreamItems");
  const streams = keep(
    get("Streams"),
    (r) => warehouses.has(r[2] as string) && (r[1] as number) > lastDay - 140,
  );
  const featured = new Set(items.rows.filter((r) => skus.has(r[1])).map((r) => r[0]));
  const keptStreams = keep(streams, (r) => featured.has(r[0]));
  const streamIds = new Set(keptStreams.rows.map((r) => r[0]));
  const streamCol = col(sales, "stream_id");
  return [
    keep(get("SKUs"), (r) => skus.has(r[0])),
    keep(get("Warehouses"), (r) => warehouses.has(r[0] as string)),
    keep(get("Stock"), inScope(get("Stock"))),
    keep(get("InTransit"), inScope(get("InTransit"))),
    {
      ...sales,
      rows: sales.rows
        .filter((r) => inScope(sales)(r) && (r[0] as number) > lastDay - 140)
        .map((r) => (streamIds.has(r[streamCol]) ? r : r.map((v, i) => (i === streamCol ? null : v)))),
    },
    keptStreams,
    keep(items, (r) => streamIds.has(r[0]) && skus.has(r[1])),
    keep(
      get("Lanes"),
      (r) => warehouses.has(r[1] as string) && (r[0] === "CN" || warehouses.has(r[0] as string)),
    ),
    {
      ...get("Settings"),
      rows: [...get("Settings").rows.filter((r) => r[0] !== "backtest_weeks"), ["backtest_weeks", 4]],
    },
  ];
}

/** Values a seller's export or a slip of the hand puts in a cell. */
const NASTY_TEXT = [
  "",
  " ",
  "abc",
  "-1",
  "NaN",
  '=HYPERLINK("http://example.com","x")',
  "=1+1",
  "+1",
  "-x",
  "@SUM(A1)",
  "#N/A",
  "N/A",
  "-",
  "0",
  "无",
  "2025-02-30",
  "1,234",
  "8%",
  "100%",
  "0x10",
  "TRUE",
  "货号",
  "US-West",
  "SEA",
  "  001001 ",
  "x".repeat(40_000),
];

/** Text that stands for a number or date far beyond any real workbook's. */
const EXTREME_TEXT = ["1e999", "Infinity", "9999-12-31", "1e308"];

/**
 * Numbers: `extremes` adds magnitudes far beyond any real workbook (1e6 to
 * 1e308 lead times, stock and settings), which need the core's input bounds.
 */
const numberValue = (extremes: boolean): fc.Arbitrary<number> =>
  extremes
    ? fc.oneof(
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(1e6, 1e9, 1e12, 1e300, 1e306, 1e308, -1e308, 20_000, 100_000, 1_000_000),
        fc.integer({ min: -1000, max: 1000 }),
      )
    : fc.oneof(fc.double({ min: -1000, max: 1000, noNaN: true }), fc.integer({ min: -1000, max: 1000 }));

/** A cell's value; `extremes` adds far magnitudes, far dates (to 9999-12-31) and their text. */
const cellValue = (extremes: boolean): fc.Arbitrary<CellValue> =>
  fc.oneof(
    fc.constantFrom(...NASTY_TEXT, ...(extremes ? EXTREME_TEXT : [])),
    numberValue(extremes),
    fc.boolean(),
    fc.constant(null),
    fc.date({
      min: new Date(Date.UTC(1900, 2, 1)),
      max: new Date(Date.UTC(extremes ? 9999 : 2030, 11, 31)),
      noInvalidDate: true,
    }),
    fc.string({ maxLength: 12 }),
  );

/** A place in a table: fractions, mapped onto the table's size when applied. */
const at = fc.record({
  table: fc.nat(8),
  row: fc.double({ min: 0, max: 0.999, noNaN: true }),
  col: fc.nat(12),
});

/** Where an edit applies: a table by index, a row as a fraction of its rows, a column by index. */
interface Place {
  readonly table: number;
  readonly row: number;
  readonly col: number;
}

type Edit = Place &
  (
    | { kind: "cell"; value: CellValue }
    | { kind: "header"; header: string }
    | { kind: "addColumn"; header: string }
    | { kind: "renameTable"; name: string }
    | { kind: "dropColumn" | "dropTable" | "dropRow" | "copyRow" | "blankRows" }
  );

type ZipEdit =
  | { kind: "pageBreaks" | "extLst" | "hide" | "prefix" | "singleQuotes" | "noRefs"; sheet: number }
  | { kind: "date1904" }
  | { kind: "flipBit" | "zeros" | "truncate"; at: number };

export interface WorkbookCase {
  readonly edits: readonly Edit[];
  readonly excelTables: boolean;
  readonly zipEdits: readonly ZipEdit[];
}

const edit = (extremes: boolean): fc.Arbitrary<Edit> =>
  fc
    .oneof(
      { weight: 8, arbitrary: fc.record({ kind: fc.constant("cell" as const), value: cellValue(extremes) }) },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constant("header" as const),
          header: fc.constantFrom(
            "",
            "SKU",
            "Sku ",
            "货号",
            "on hand",
            "qty",
            "date",
            "units",
            "unit_cost",
            "x",
            "sku",
          ),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom("dropColumn" as const) }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("addColumn" as const),
          header: fc.string({ maxLength: 8 }),
        }),
      },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant("dropTable" as const) }) },
      {
        weight: 1,
        arbitrary: fc.record({
          kind: fc.constant("renameTable" as const),
          name: fc.constantFrom("Stock2", "库存", "Sheet1", "Sales"),
        }),
      },
      {
        weight: 2,
        arbitrary: fc.record({
          kind: fc.constantFrom("dropRow" as const, "copyRow" as const, "blankRows" as const),
        }),
      },
    )
    .chain((e) => at.map((p) => ({ ...p, ...e }) as Edit));

const zipEdit: fc.Arbitrary<ZipEdit> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constantFrom(
        "pageBreaks" as const,
        "extLst" as const,
        "hide" as const,
        "prefix" as const,
        "singleQuotes" as const,
        "noRefs" as const,
      ),
      sheet: fc.nat(8),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("date1904" as const) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constantFrom("flipBit" as const, "zeros" as const, "truncate" as const),
      at: fc.double({ min: 0, max: 0.999, noNaN: true }),
    }),
  },
);

/** A mutated workbook: a few edits of its tables, plain sheets or Excel tables, and a few edits of its zip. */
export const workbookCase = (extremes: boolean): fc.Arbitrary<WorkbookCase> =>
  fc.record({
    edits: fc.array(edit(extremes), { maxLength: 4 }),
    excelTables: fc.boolean(),
    zipEdits: fc.array(zipEdit, { maxLength: 2 }),
  });

function applyEdit(tables: RawTable[], e: Edit): RawTable[] {
  if (tables.length === 0) return tables;
  const ti = e.table % tables.length;
  const t = tables[ti];
  const width = t.headers.length;
  const c = width === 0 ? 0 : e.col % width;
  const r = Math.floor(e.row * t.rows.length);
  const replace = (next: RawTable | undefined): RawTable[] =>
    next ? tables.map((x, i) => (i === ti ? next : x)) : tables.filter((_, i) => i !== ti);
  switch (e.kind) {
    case "cell":
      if (t.rows.length === 0) return tables;
      return replace({
        ...t,
        rows: t.rows.map((row, i) => (i === r ? row.map((v, j) => (j === c ? e.value : v)) : row)),
      });
    case "header":
      return replace({ ...t, headers: t.headers.map((h, j) => (j === c ? e.header : h)) });
    case "dropColumn":
      return replace({
        ...t,
        headers: t.headers.filter((_, j) => j !== c),
        rows: t.rows.map((row) => row.filter((_, j) => j !== c)),
      });
    case "addColumn":
      return replace({
        ...t,
        headers: [...t.headers, e.header || "extra"],
        rows: t.rows.map((row) => [...row, "x"]),
      });
    case "dropTable":
      return replace(undefined);
    case "renameTable":
      return replace({ ...t, name: e.name, sheet: e.name });
    case "dropRow":
      return replace({ ...t, rows: t.rows.filter((_, i) => i !== r) });
    case "copyRow":
      return t.rows.length === 0
        ? tables
        : replace({ ...t, rows: [...t.rows.slice(0, r + 1), ...t.rows.slice(r)] });
    case "blankRows":
      return replace({
        ...t,
        rows: [...t.rows.slice(0, r), Array(width).fill(null), Array(width).fill(null), ...t.rows.slice(r)],
      });
  }
}

const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

/** XML rewrites of one sheet part, as other writers would store the same sheet. */
function rewriteSheet(xml: string, kind: ZipEdit["kind"]): string {
  switch (kind) {
    case "pageBreaks":
      return xml.replace(
        "</sheetData>",
        '</sheetData><rowBreaks count="2" manualBreakCount="2"><brk id="3" max="16383" man="1"/><brk id="9" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="2" max="1048575" man="1"/></colBreaks>',
      );
    case "extLst":
      return xml.replace(
        "</worksheet>",
        '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings/></ext></extLst></worksheet>',
      );
    case "prefix":
      return xml
        .replace(`xmlns="${MAIN_NS}"`, `xmlns:x="${MAIN_NS}"`)
        .replace(/<(\/?)([A-Za-z][\w.]*)(?=[\s/>])/g, "<$1x:$2");
    case "singleQuotes":
      return xml.replace(/="([^"']*)"/g, "='$1'");
    case "noRefs":
      // Rows lose their numbers; cells keep theirs only where a gap makes them needed.
      return xml.replace(/<row r="\d+"/g, "<row");
    default:
      return xml;
  }
}

/** Writes the case's workbook to `file`. */
export async function writeCase(base: readonly RawTable[], c: WorkbookCase, file: string): Promise<void> {
  let tables = [...base];
  for (const e of c.edits) tables = applyEdit(tables, e);
  // Sheet names must be unique for ExcelJS; a renamed table may now clash with another.
  const seen = new Set<string>();
  tables = tables.filter((t) => !seen.has(t.sheet.toLowerCase()) && seen.add(t.sheet.toLowerCase()));
  await writeXlsxTables(file, tables, { excelTables: c.excelTables });
  if (c.zipEdits.length === 0) return;
  const zip = await JSZip.loadAsync(readFileSync(file));
  const sheets = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const raw: ZipEdit[] = [];
  const workbookXml = async (edit: (xml: string) => string): Promise<void> => {
    zip.file("xl/workbook.xml", edit((await zip.file("xl/workbook.xml")?.async("string")) ?? ""));
  };
  for (const z of c.zipEdits) {
    switch (z.kind) {
      case "flipBit":
      case "zeros":
      case "truncate":
        raw.push(z);
        break;
      case "date1904":
        await workbookXml((xml) => xml.replace(/<workbookPr\b/, '<workbookPr date1904="1"'));
        break;
      case "hide": {
        let i = 0;
        const target = z.sheet % Math.max(1, sheets.length);
        await workbookXml((xml) =>
          xml.replace(/<sheet /g, (m) => (i++ === target ? '<sheet state="hidden" ' : m)),
        );
        break;
      }
      default:
        // Rows without numbers are only unambiguous where no table says where it starts.
        if (sheets.length === 0 || (z.kind === "noRefs" && c.excelTables)) break;
        {
          const name = sheets[z.sheet % sheets.length];
          zip.file(name, rewriteSheet((await zip.file(name)?.async("string")) ?? "", z.kind));
        }
    }
  }
  let bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
  for (const z of raw) {
    const pos = Math.floor(("at" in z ? z.at : 0) * bytes.length);
    if (z.kind === "flipBit") bytes[pos] ^= 1 << (pos % 8);
    else if (z.kind === "zeros") bytes.fill(0, pos, Math.min(bytes.length, pos + 4096));
    else bytes = bytes.subarray(0, pos);
  }
  writeFileSync(file, bytes);
}

export interface Verdict {
  readonly code: number;
  readonly ms: number;
  readonly failures: readonly string[];
}

const sha = (file: string): string => createHash("sha256").update(readFileSync(file)).digest("hex");
const STACK_LINE = /^\s+at \S/;
/** "  [Stock] row 5, column on_hand (Stock!C5): …", or a table-level "  [Lanes]: …" / "  [Sales] date: …". */
const LOCATED = /^ {2}\[[^\]]+\](?: row \d+, column .+| [^:]+)?:/;

/**
 * The text cells of a workbook that say NaN or Infinity: the user's own words (a supplier named
 * "Infinity"), which an output may echo without a fault.
 */
export async function nonFiniteTexts(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const texts: string[] = [];
  for (const name of Object.keys(zip.files).filter(
    (n) => n === "xl/sharedStrings.xml" || n.startsWith("xl/worksheets/"),
  ))
    for (const m of ((await zip.file(name)?.async("string")) ?? "").matchAll(/<t(?:\s[^>]*)?>([^<]*)<\/t>/g))
      if (/\bNaN\b|Infinity/.test(m[1])) texts.push(m[1]);
  return texts;
}

/**
 * The output workbook's faults: formulas, formula-like text that Excel would turn into a formula
 * on edit, non-finite numbers, and text saying NaN or Infinity other than `echoed` (the input's own).
 */
export async function outputFaults(file: string, echoed: readonly string[] = []): Promise<string[]> {
  const faults: string[] = [];
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/worksheets/sheet"))) {
    const xml = (await zip.file(name)?.async("string")) ?? "";
    if (/<f[\s>]/.test(xml)) faults.push(`${name} holds a formula`);
    for (const m of xml.matchAll(/<c\b([^>]*)>\s*<v>([^<]*)<\/v>/g)) {
      if (!/\bt="/.test(m[1]) && !Number.isFinite(Number(m[2])))
        faults.push(`${name} holds the number ${m[2]}`);
    }
    if (/NaN|Infinity/.test(xml.replace(/<v>[^<]*<\/v>/g, "")))
      faults.push(`${name} mentions NaN or Infinity`);
  }
  let shared = (await zip.file("xl/sharedStrings.xml")?.async("string")) ?? "";
  for (const text of echoed) shared = shared.split(text).join("");
  if (/\bNaN\b|Infinity/.test(shared)) faults.push("a text cell says NaN or Infinity");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  workbook.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Formula) faults.push(`${ws.name}!${cell.address} is a formula`);
        if (typeof cell.value === "string" && /^[=+\-@]/.test(cell.value) && cell.numFmt !== "@")
          faults.push(`${ws.name}!${cell.address} holds unprotected “${cell.value.slice(0, 20)}”`);
      }),
    ),
  );
  return faults;
}

/** Judges one run from its exit code, its lines and the files it left. */
async function judge(
  code: number,
  out: string[],
  err: string[],
  input: string,
  before: string,
  output: string,
): Promise<string[]> {
  const failures: string[] = [];
  if (code !== 0 && code !== 1 && code !== 2) failures.push(`exit ${code}`);
  const lines = [...out, ...err].flatMap((l) => l.split("\n"));
  if (lines.some((l) => STACK_LINE.test(l))) failures.push("a stack trace");
  if (code === 1) {
    const problems = err.filter((l) => l.startsWith("  ") && !l.startsWith("  …") && !/more problem/.test(l));
    if (problems.length === 0) failures.push("exit 1 without a problem line");
    for (const p of problems) if (!LOCATED.test(p)) failures.push(`unlocated: ${p.slice(0, 120)}`);
  }
  if (code === 2 && err.length !== 1) failures.push(`exit 2 with ${err.length} error lines`);
  if (existsSync(input) && sha(input) !== before) failures.push("the input changed");
  if (code !== 0 && existsSync(output)) failures.push(`an output file after exit ${code}`);
  if (code === 0) {
    if (!existsSync(output)) failures.push("exit 0 without an output file");
    else failures.push(...(await outputFaults(output, existsSync(input) ? await nonFiniteTexts(input) : [])));
  }
  return failures;
}

/** Plans the case's workbook in this process through the CLI's command, and judges the run. */
export async function runInProcess(
  base: readonly RawTable[],
  c: WorkbookCase,
  dir: string,
): Promise<Verdict> {
  const work = mkdtempSync(path.join(dir, "case-"));
  try {
    const input = path.join(work, "in.xlsx");
    const output = path.join(work, "out.xlsx");
    await writeCase(base, c, input);
    const before = sha(input);
    const out: string[] = [];
    const err: string[] = [];
    const t = performance.now();
    const code: ExitCode = await runPlanCommand(
      [input, "-o", output],
      { out: (l) => out.push(l), err: (l) => err.push(l) },
      work,
    );
    const ms = performance.now() - t;
    const failures = await judge(code, out, err, input, before, output);
    if (ms > LIMITS.ms) failures.push(`${(ms / 1000).toFixed(1)} s`);
    const rss = process.memoryUsage().rss / 2 ** 20;
    if (rss > LIMITS.rssMb) failures.push(`${rss.toFixed(0)} MB`);
    return {
      code,
      ms,
      failures: failures.map((f) => `${f} [err: ${err.slice(0, 3).join(" | ").slice(0, 300)}]`),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

interface WorkerAnswer {
  readonly code: ExitCode;
  readonly out: string[];
  readonly err: string[];
}

/**
 * Plans cases in a worker thread (`caseWorker.ts`) whose heap is capped at
 * 1.5 GB and which is ended after 30 s, so that a case that hangs or grows is
 * judged (and the next case gets a fresh worker) instead of stopping the run.
 */
export class WorkerRunner {
  private worker: Worker | undefined;

  private start(): Worker {
    const file = JSON.stringify(path.join(__dirname, "caseWorker.ts"));
    return new Worker(`require("tsx/cjs"); require(${file});`, {
      eval: true,
      resourceLimits: { maxOldGenerationSizeMb: LIMITS.rssMb },
    });
  }

  private plan(argv: readonly string[], cwd: string): Promise<WorkerAnswer | string> {
    const worker = (this.worker ??= this.start());
    return new Promise((resolve) => {
      const done = (answer: WorkerAnswer | string): void => {
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        if (typeof answer === "string") {
          void worker.terminate();
          this.worker = undefined;
        }
        resolve(answer);
      };
      const onMessage = (answer: WorkerAnswer): void => done(answer);
      const onError = (error: Error): void => done(`the worker failed: ${error.message}`);
      const timer = setTimeout(() => done(`over ${LIMITS.ms / 1000} s`), LIMITS.ms);
      worker.on("message", onMessage);
      worker.on("error", onError);
      worker.postMessage({ argv, cwd });
    });
  }

  /** Starts the worker and loads the planner in it, so that loading is not counted in the first case's 30 s. */
  async warm(): Promise<void> {
    await this.plan(["--help"], tmpdir());
  }

  async run(base: readonly RawTable[], c: WorkbookCase, dir: string): Promise<Verdict> {
    const work = mkdtempSync(path.join(dir, "worker-"));
    try {
      const input = path.join(work, "in.xlsx");
      const output = path.join(work, "out.xlsx");
      await writeCase(base, c, input);
      const before = sha(input);
      const t = performance.now();
      const answer = await this.plan([input, "-o", output], work);
      const ms = performance.now() - t;
      if (typeof answer === "string") return { code: -1, ms, failures: [answer] };
      const failures = await judge(answer.code, answer.out, answer.err, input, before, output);
      return { code: answer.code, ms, failures };
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }
}

/** Plans the case's workbook as a real `livestock plan` process (time and peak memory measured by the kernel), and judges the run. */
export async function runSubprocess(
  base: readonly RawTable[],
  c: WorkbookCase,
  dir: string,
): Promise<Verdict> {
  const work = mkdtempSync(path.join(dir, "proc-"));
  try {
    const input = path.join(work, "in.xlsx");
    const output = path.join(work, "out.xlsx");
    await writeCase(base, c, input);
    const before = sha(input);
    const t = performance.now();
    const timed = existsSync("/usr/bin/time");
    const bin = [process.execPath, path.join(ROOT, "bin/livestock.js"), "plan", input, "-o", output];
    const run = spawnSync(
      timed ? "/usr/bin/time" : bin[0],
      timed ? ["-f", "MAXRSS %M", ...bin] : bin.slice(1),
      {
        encoding: "utf8",
        cwd: work,
        timeout: LIMITS.ms * 2,
        killSignal: "SIGKILL",
      },
    );
    const ms = performance.now() - t;
    const err = run.stderr
      .split("\n")
      .filter(
        (l) => l !== "" && !l.startsWith("MAXRSS ") && !l.startsWith("Command exited with non-zero status"),
      );
    const out = run.stdout.split("\n").filter((l) => l !== "");
    const failures = await judge(run.status ?? -1, out, err, input, before, output);
    if (ms > LIMITS.ms) failures.push(`${(ms / 1000).toFixed(1)} s`);
    const rss = /MAXRSS (\d+)/.exec(run.stderr);
    if (rss && Number(rss[1]) / 1024 > LIMITS.rssMb)
      failures.push(`${(Number(rss[1]) / 1024).toFixed(0)} MB`);
    return { code: run.status ?? -1, ms, failures };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** A fresh folder for a fuzz run's cases. */
export const fuzzDir = (): string => mkdtempSync(path.join(tmpdir(), "ls-fuzz-"));
