import { createHash } from "crypto";
import { execFileSync, spawnSync as spawn } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parsePlanArgs } from "../../src/cli/args";
import { defaultOutput, runPlanCommand, type Io } from "../../src/cli/main";
import * as job from "../../src/core/job";
import type { RawTable } from "../../src/core/data/table";
import { dayFromIso } from "../../src/core/time/day";
import { generateSeller, SAMPLE_OPTIONS } from "../../src/sample/generate";
import { writeXlsxTables } from "../../src/workbook/xlsx";

const ROOT = path.resolve(__dirname, "../..");
const FORMULA = '=HYPERLINK("http://example.com","x")';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ls-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Io & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (l) => out_.push(l), err: (l) => err_.push(l) };
}

const hash = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** A small seller whose first SKU is the formula-like text and whose second keeps leading zeros. */
function sellerTables(): RawTable[] {
  const tables = generateSeller({
    ...SAMPLE_OPTIONS,
    skus: 10,
    warehouses: 2,
    historyWeeks: 30,
    plannedStreams: 4,
  });
  const first = tables[0].rows[0][0];
  return tables.map((t) => ({ ...t, rows: t.rows.map((r) => r.map((v) => (v === first ? FORMULA : v))) }));
}

async function writeSeller(name: string, edit: (t: RawTable[]) => RawTable[] = (t) => t): Promise<string> {
  const file = path.join(dir, name);
  await writeXlsxTables(file, edit(sellerTables()));
  return file;
}

describe("parsePlanArgs", () => {
  it("reads the documented options", () => {
    expect(
      parsePlanArgs([
        "plan",
        "in.xlsx",
        "-o",
        "out.xlsx",
        "--date",
        "2026-11-16",
        "--lang",
        "zh-CN",
        "--skip-invalid",
      ]),
    ).toEqual({
      input: "in.xlsx",
      output: "out.xlsx",
      planDate: dayFromIso("2026-11-16"),
      lang: "zh-CN",
      skipInvalid: true,
      help: false,
      debug: false,
    });
    expect(parsePlanArgs(["--lang=zh-CN"])).toMatchObject({ input: undefined, lang: "zh-CN" });
  });

  it.each([
    [["--date", "16/11/2026"]],
    [["--lang", "fr"]],
    [["--bogus"]],
    [["a.xlsx", "b.xlsx"]],
    [["-o"]],
    [["--skip-invalid=no"]],
    [["--skip-invalid=yes"]],
    [["--debug=1"]],
    [["--help=x"]],
    [["-o", "--date", "2026-11-16"]],
  ])("rejects %p", (argv) => {
    expect(parsePlanArgs(argv)).toHaveProperty("error");
  });
});

describe("defaultOutput", () => {
  it("puts <input>-plan.xlsx next to the input, and the sample's plan in the current folder", () => {
    expect(defaultOutput("/data/shop.xlsx", false, "/home/me")).toBe("/data/shop-plan.xlsx");
    expect(defaultOutput("/opt/ls/samples/livestock-sample.xlsx", true, "/home/me")).toBe(
      "/home/me/livestock-plan.xlsx",
    );
  });
});

describe("livestock plan", () => {
  it("plans a workbook: writes the LS sheets next to it, leaves the input unchanged, keeps text as text", async () => {
    const input = await writeSeller("shop.xlsx");
    const before = hash(input);
    const io = capture();
    expect(await runPlanCommand(["plan", input], io, dir)).toBe(0);
    expect(hash(input)).toBe(before);
    const output = path.join(dir, "shop-plan.xlsx");
    expect(io.out_.join("\n")).toContain(output);
    expect(io.out_.join("\n")).toContain("Backtest over the last");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(output);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      "LS Plan",
      "LS Timetable",
      "LS Streams",
      "LS ABC",
      "LS Suppliers",
      "LS Backtest",
      "LS Charts",
    ]);
    // LS Charts carries the plan's native charts: the Pareto and, with streams at risk, stock vs P90.
    const zip = await JSZip.loadAsync(readFileSync(output));
    expect(
      Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length,
    ).toBeGreaterThanOrEqual(1);
    expect(await zip.file("xl/charts/chart1.xml")?.async("string")).toContain("<c:barChart>");
    const sheet = workbook.getWorksheet("LS Plan")!;
    const skuColumn = (sheet.getRow(1).values as unknown[]).indexOf("sku");
    const skuCells = sheet.getColumn(skuColumn).values.slice(2);
    expect(skuCells).toContain(FORMULA);
    expect(skuCells.some((v) => typeof v === "string" && /^00\d+$/.test(v))).toBe(true);
    sheet.getColumn(skuColumn).eachCell((cell, row) => {
      if (row > 1) expect(cell.type).toBe(ExcelJS.ValueType.String);
    });
  });

  it("prints every problem with table, row and column, writes nothing and exits 1", async () => {
    const input = await writeSeller("broken.xlsx", (tables) =>
      tables.map((t) =>
        t.name === "Stock"
          ? { ...t, rows: [...t.rows, ["GHOST", "US-West", 1, 0], [t.rows[0][0], "US-West", "lots", 0]] }
          : t.name === "Sales"
            ? { ...t, rows: [["someday", ...t.rows[0].slice(1)], ...t.rows.slice(1)] }
            : t,
      ),
    );
    const before = hash(input);
    const io = capture();
    expect(await runPlanCommand([input], io, dir)).toBe(1);
    const stockRows = sellerTables().find((t) => t.name === "Stock")!.rows.length;
    const err = io.err_.join("\n");
    expect(err).toContain("4 problem(s)");
    expect(err).toContain("appears twice: first in row 2");
    expect(err).toContain(
      `[Stock] row ${stockRows + 2}, column sku (Stock!A${stockRows + 2}): SKU “GHOST” is not in the SKUs table.`,
    );
    expect(err).toContain(
      `[Stock] row ${stockRows + 3}, column on_hand (Stock!C${stockRows + 3}): on_hand must be a number, not “lots”.`,
    );
    expect(err).toContain("[Sales] row 2, column date (Sales!A2)");
    expect(existsSync(path.join(dir, "broken-plan.xlsx"))).toBe(false);
    expect(hash(input)).toBe(before);

    const zh = capture();
    expect(await runPlanCommand([input, "--lang", "zh-CN"], zh, dir)).toBe(1);
    expect(zh.err_.join("\n")).toContain(`[Stock] 第 ${stockRows + 2} 行,列 sku`);
    expect(zh.err_.join("\n")).toContain("货号“GHOST”不在 SKUs(商品)表中。");

    const skip = capture();
    expect(await runPlanCommand([input, "--skip-invalid", "-o", "skipped.xlsx"], skip, dir)).toBe(0);
    expect(skip.err_.join("\n")).toContain("Planned without 3 row(s)");
    expect(existsSync(path.join(dir, "skipped.xlsx"))).toBe(true);
    expect(hash(input)).toBe(before);
  });

  it("names a missing table and what it needs", async () => {
    const input = await writeSeller("nolanes.xlsx", (tables) => tables.filter((t) => t.name !== "Lanes"));
    const io = capture();
    expect(await runPlanCommand([input], io, dir)).toBe(1);
    expect(io.err_.join("\n")).toContain("[Lanes]: The workbook has no Lanes table (物流)");
  });

  it("refuses to write over its input (exit 2) and leaves it unchanged", async () => {
    const input = await writeSeller("keep.xlsx");
    const before = hash(input);
    const io = capture();
    expect(await runPlanCommand([input, "-o", path.join(dir, "keep.xlsx")], io, dir)).toBe(2);
    expect(io.err_.join("\n")).toContain("Refusing to write the plan over the input workbook");
    expect(hash(input)).toBe(before);
  });

  it("exits 2 on a bad command line or a file it cannot read", async () => {
    expect(await runPlanCommand(["--lang", "fr"], capture(), dir)).toBe(2);
    expect(await runPlanCommand([path.join(dir, "missing.xlsx")], capture(), dir)).toBe(2);
  });

  it("with no file, plans the bundled sample into livestock-plan.xlsx in the current folder and prints a summary", async () => {
    const cwd = mkdtempSync(path.join(dir, "cwd-"));
    const sample = path.join(ROOT, "samples/livestock-sample.xlsx");
    const before = hash(sample);
    const io = capture();
    expect(await runPlanCommand([], io, cwd)).toBe(0);
    expect(existsSync(path.join(cwd, "livestock-plan.xlsx"))).toBe(true);
    expect(hash(sample)).toBe(before);
    const out = io.out_.join("\n");
    expect(out).toContain("Plan for 2026-11-16:");
    expect(out).toMatch(/SKUs to restock: \d+ this week, \d+ within the horizon/);
    expect(out).toMatch(/Freight cost by mode: .*SEA/);
    expect(out).toMatch(/Planned streams at risk: \d+ of \d+/);
    expect(out).toMatch(
      /Fill rate: [\d.]+% with this plan vs [\d.]+% naive; on stream days [\d.]+% vs [\d.]+%/,
    );
    // Money grouped by thousands, with two decimals: "297,681.60".
    const money = String.raw`\d{1,3}(?:,\d{3})*\.\d\d`;
    expect(out).toMatch(new RegExp(`Freight, this plan: SEA ${money}`));
    expect(out).toMatch(new RegExp(`Freight, naive: SEA ${money}`));
    expect(out).toMatch(
      new RegExp(`Average cover: [\\d.]+ vs [\\d.]+ weeks; stock held at cost ${money} vs ${money}\n`),
    );
    expect(out).toMatch(new RegExp(`Emergency budget spent: ${money}\n`));
  });

  it("runs as the package bin and exits 1 on problems", async () => {
    const input = await writeSeller("bin.xlsx", (tables) => tables.filter((t) => t.name !== "SKUs"));
    const run = spawn(process.execPath, [path.join(ROOT, "bin/livestock.js"), "plan", input], {
      encoding: "utf8",
      cwd: dir,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("no SKUs table");
    expect(existsSync(path.join(dir, "bin-plan.xlsx"))).toBe(false);
  });

  it("reports a damaged file in one line, exit 2, with the stack trace only under --debug", async () => {
    const bytes = readFileSync(await writeSeller("damaged.xlsx"));
    bytes.fill(0, 6000, 6000 + 4096);
    const input = path.join(dir, "damaged.xlsx");
    writeFileSync(input, bytes);
    const io = capture();
    expect(await runPlanCommand([input], io, dir)).toBe(2);
    expect(io.err_).toHaveLength(1);
    expect(io.err_[0]).toMatch(new RegExp(`^Cannot read ${input}: the file is damaged \\(`));
    expect(existsSync(path.join(dir, "damaged-plan.xlsx"))).toBe(false);
    const debug = capture();
    expect(await runPlanCommand([input, "--debug"], debug, dir)).toBe(2);
    expect(debug.err_.join("\n")).toMatch(/\n\s+at /);
    const zh = capture();
    expect(await runPlanCommand([input, "--lang", "zh-CN"], zh, dir)).toBe(2);
    expect(zh.err_[0]).toContain("文件已损坏");
  });

  it("refuses an -o that is a folder or a FIFO before reading anything (exit 2), and leaves it as it was", async () => {
    const input = await writeSeller("out-checks.xlsx");
    const folder = path.join(dir, "a-folder");
    mkdirSync(folder);
    const io = capture();
    expect(await runPlanCommand([input, "-o", folder], io, dir)).toBe(2);
    expect(io.err_).toEqual([
      `Cannot write the plan to ${folder}: it is a folder, not a file. Choose a file name with -o.`,
    ]);
    expect(io.out_).toEqual([]);
    const fifo = path.join(dir, "out.fifo");
    execFileSync("mkfifo", [fifo]);
    expect(await runPlanCommand([input, "-o", fifo], capture(), dir)).toBe(2);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });

  it("reports a non-finite number in the plan as an internal error (exit 3) and writes nothing", async () => {
    const input = await writeSeller("nan.xlsx");
    const real = job.planChecked;
    const spy = jest.spyOn(job, "planChecked").mockImplementation((checked, options) => {
      const result = real(checked, options);
      const [first, ...rest] = result.sheets ?? [];
      const poisoned = {
        ...first,
        rows: first.rows.map((r) => r.map((v) => (typeof v === "number" ? NaN : v))),
      };
      return { ...result, sheets: [poisoned, ...rest] };
    });
    try {
      const io = capture();
      expect(await runPlanCommand([input], io, dir)).toBe(3);
      expect(io.err_).toHaveLength(1);
      expect(io.err_[0]).toMatch(
        /^Internal error, nothing was written: the plan has a non-finite number \(NaN\) in LS Plan!/,
      );
      expect(existsSync(path.join(dir, "nan-plan.xlsx"))).toBe(false);
    } finally {
      spy.mockRestore();
    }
  });

  it("as the package bin, a damaged file is one line and exit 2", async () => {
    const input = path.join(dir, "zeros.xlsx");
    writeFileSync(input, Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.alloc(4096)]));
    const run = spawn(process.execPath, [path.join(ROOT, "bin/livestock.js"), "plan", input], {
      encoding: "utf8",
      cwd: dir,
    });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      expect.stringMatching(/^Cannot read .*zeros\.xlsx: the file is damaged/),
    ]);
  });
});
