import { spawn, spawnSync } from "child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { Io } from "../../src/cli/main";
import { runSimulateCommand } from "../../src/cli/simulate";
import { parseSimulateArgs } from "../../src/cli/simulateArgs";
import { TINY_WORLD } from "../core/simulate/tinyWorld";

const ROOT = path.resolve(__dirname, "../..");

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "ls-sim-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function capture(): Io & { out_: string[]; err_: string[] } {
  const out_: string[] = [];
  const err_: string[] = [];
  return { out_, err_, out: (l) => out_.push(l), err: (l) => err_.push(l) };
}

describe("livestock simulate", () => {
  test("parses its arguments", () => {
    expect(
      parseSimulateArgs(["simulate", "w.json", "--weeks", "4", "--runs=3", "--seed", "9", "--lang", "zh-CN"]),
    ).toEqual({
      input: "w.json",
      output: undefined,
      weeks: 4,
      seed: 9,
      runs: 3,
      replanDays: [],
      lang: "zh-CN",
      help: false,
      debug: false,
    });
    expect(parseSimulateArgs(["--replan", "fri,Thu,thu"])).toMatchObject({ replanDays: [3, 4] });
    expect(parseSimulateArgs(["--replan", "mon"])).toEqual({
      error: "--replan needs days after Monday (tue, wed, thu, fri, sat, sun), comma-separated, not “mon”.",
    });
    // The grammar `plan` uses: a switch takes no value, -o no option, --debug is known.
    expect(parseSimulateArgs(["--help=x"])).toHaveProperty("error");
    expect(parseSimulateArgs(["-o", "--weeks"])).toHaveProperty("error");
    expect(parseSimulateArgs(["--debug"])).toMatchObject({ debug: true });
    expect(parseSimulateArgs(["--runs", "0"])).toEqual({
      error: "--runs needs a whole number from 1 to 1000, not “0”.",
    });
    expect(parseSimulateArgs(["--bogus"])).toEqual({ error: "Unknown option --bogus." });
  });

  test("simulates a tiny world: a progress line per week, the table, and the LS Simulation sheets", async () => {
    const world = path.join(dir, "tiny.json");
    writeFileSync(world, JSON.stringify(TINY_WORLD));
    const io = capture();
    const code = await runSimulateCommand([world, "--weeks", "3", "--runs", "2"], io, dir);
    expect(io.err_).toEqual([]);
    expect(code).toBe(0);
    expect(io.out_.filter((l) => l.startsWith("run "))).toHaveLength(6);
    const table = io.out_.join("\n");
    expect(table).toMatch(/Fill rate, all days/);
    expect(table).toMatch(
      /LiveStock .*Naive .*Classical .*Classical \+ air .*Oracle, made to order .*Oracle/,
    );
    const out = path.join(dir, "tiny-simulation.xlsx");
    expect(existsSync(out)).toBe(true);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      "LS Simulation",
      "LS Simulation Stock",
      "LS Simulation Chart",
    ]);
    const sheet = wb.getWorksheet("LS Simulation");
    expect(sheet?.getRow(2).getCell(1).value).toBe("LiveStock");
    expect(sheet?.getRow(2).getCell(2).value).toBe("Fill rate, all days");
    // The chart, native in the file: demand and each policy's stock, on LS Simulation Chart.
    const zip = await JSZip.loadAsync(readFileSync(out));
    const chart = (await zip.file("xl/charts/chart1.xml")?.async("string")) ?? "";
    expect(chart.match(/<c:ser>/g)).toHaveLength(7);
    expect(chart).toContain("<c:f>'LS Simulation Chart'!$A$2:$A$");
    expect(await zip.file("xl/worksheets/sheet3.xml")?.async("string")).toContain("<drawing r:id=");
  });

  test("--replan thu: the LiveStock plan runs on Mondays and Thursdays, and the table and sheet say so", async () => {
    const world = path.join(dir, "tiny-replan.json");
    writeFileSync(world, JSON.stringify(TINY_WORLD));
    for (const [lang, said] of [
      ["en", "The LiveStock plan also ran every Thu."],
      ["zh-CN", "LiveStock 计划另在每周四运行。"],
    ] as const) {
      const io = capture();
      const out = path.join(dir, `tiny-replan-${lang}.xlsx`);
      const code = await runSimulateCommand(
        [world, "--weeks", "2", "--replan", "thu", "--lang", lang, "-o", out],
        io,
        dir,
      );
      expect(io.err_).toEqual([]);
      expect(code).toBe(0);
      expect(io.out_.find((l) => l.includes(said))).toBeDefined();
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const sheet = wb.getWorksheet("LS Simulation");
      expect(String(sheet?.getRow(2).getCell(7).value)).toContain(said);
    }
    // Without it, nothing is said of re-planning.
    const io = capture();
    await runSimulateCommand([world, "--weeks", "1", "-o", path.join(dir, "tiny-weekly.xlsx")], io, dir);
    expect(io.out_.join("\n")).not.toContain("also ran");
  });

  test("a world file with a wrong field: the field is named, nothing is written, exit 1", async () => {
    const world = path.join(dir, "bad.json");
    writeFileSync(world, JSON.stringify({ ...TINY_WORLD, weeks: "six" }));
    const io = capture();
    expect(await runSimulateCommand([world, "--lang", "zh-CN"], io, dir)).toBe(1);
    expect(io.err_.join("\n")).toContain("weeks");
    expect(existsSync(path.join(dir, "bad-simulation.xlsx"))).toBe(false);
    writeFileSync(world, "{ not json");
    expect(await runSimulateCommand([world], capture(), dir)).toBe(2);
  });

  test("stopped (Ctrl-C): prints what was done, writes nothing, exit 130", async () => {
    const world = path.join(dir, "stop.json");
    writeFileSync(world, JSON.stringify(TINY_WORLD));
    const signal = { stopped: false };
    const io: Io = {
      out: (l) => {
        if (l.startsWith("run 1/1 week 2/")) signal.stopped = true;
      },
      err: () => undefined,
    };
    expect(await runSimulateCommand([world], io, dir, signal)).toBe(130);
    expect(existsSync(path.join(dir, "stop-simulation.xlsx"))).toBe(false);
  });

  test("npm run simulate on a tiny world; Ctrl-C on the livestock bin stops it with exit 130", async () => {
    const world = path.join(dir, "tiny-npm.json");
    writeFileSync(world, JSON.stringify(TINY_WORLD));
    const done = spawnSync(
      "npm",
      ["run", "--silent", "simulate", "--", world, "--weeks", "2", "-o", path.join(dir, "npm.xlsx")],
      {
        cwd: ROOT,
        encoding: "utf8",
      },
    );
    expect(done.status).toBe(0);
    expect(done.stdout).toMatch(/run 1\/1 week 2\/2/);
    expect(done.stdout).toMatch(/Total cost/);
    expect(existsSync(path.join(dir, "npm.xlsx"))).toBe(true);

    const child = spawn(
      process.execPath,
      ["bin/livestock.js", "simulate", world, "--weeks", "6", "-o", path.join(dir, "int.xlsx")],
      {
        cwd: ROOT,
      },
    );
    let out = "";
    let interrupted = false;
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      // One Ctrl-C: a second one would end the process at once.
      if (!interrupted && out.includes("week 1/6")) interrupted = child.kill("SIGINT");
    });
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(code).toBe(130);
    expect(out).toMatch(/Fill rate, all days/);
    expect(existsSync(path.join(dir, "int.xlsx"))).toBe(false);
  }, 60_000);
});
