import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { t } from "../core/i18n/catalogue";
import type { Lang } from "../core/i18n/lang";
import { InputError } from "../core/errors";
import {
  parseWorld,
  Simulation,
  simulationChart,
  simulationSheets,
  worldFromTables,
  type World,
} from "../core/simulate";
import { checkOutputPath, readXlsxTables, sameFile, writeXlsxSheets } from "../workbook/xlsx";
import { addXlsxCharts } from "../workbook/xlsxCharts";
import { consoleIo, reportFailure, type Io } from "./io";
import { problemLines } from "./print";
import { parseSimulateArgs } from "./simulateArgs";
import { progressLine, simulationTable } from "./simulatePrint";

/** The world `livestock simulate` plays when given no file. */
export const DEFAULT_WORLD = path.resolve(__dirname, "../../samples/world-default.json");

/**
 * Exit codes: 0 simulated and written, 1 problems in the input, 2 bad command line or a file that
 * cannot be read or written, 3 an internal error, 130 stopped by Ctrl-C.
 */
export type SimulateExitCode = 0 | 1 | 2 | 3 | 130;

/**
 * `livestock simulate …`: loads a world file (or seeds one from a workbook), runs the closed loop
 * week by week with a progress line each, prints the table and writes the `LS Simulation` sheets.
 * `signal` (Ctrl-C in the bin) stops it between weeks or inside a plan: it prints what was done
 * and writes nothing.
 */
export async function runSimulateCommand(
  argv: readonly string[],
  io: Io = consoleIo,
  cwd = process.cwd(),
  signal: { stopped: boolean } = { stopped: false },
): Promise<SimulateExitCode> {
  const args = parseSimulateArgs(argv);
  if ("error" in args) {
    io.err(t("en", "cliBadArgs", { detail: args.error }));
    io.err(t("en", "cliSimUsage"));
    return 2;
  }
  const { lang } = args;
  if (args.help) {
    io.out(t(lang, "cliSimUsage"));
    return 0;
  }
  const isDefault = args.input === undefined;
  const input = path.resolve(cwd, args.input ?? DEFAULT_WORLD);
  const output = path.resolve(
    cwd,
    args.output ??
      (isDefault
        ? path.join(cwd, "livestock-simulation.xlsx")
        : path.join(path.dirname(input), `${path.basename(input, path.extname(input))}-simulation.xlsx`)),
  );
  if (sameFile(input, output)) {
    io.err(t(lang, "cliSameFile", { file: input }));
    return 2;
  }
  if (!existsSync(input)) {
    io.err(t(lang, "fileNotFound", { file: input }));
    return 2;
  }
  try {
    return await simulateFile(input, output, lang, io, { ...args, signal });
  } catch (error) {
    return reportFailure(error, lang, args.debug, io);
  }
}

async function simulateFile(
  input: string,
  output: string,
  lang: Lang,
  io: Io,
  options: {
    readonly weeks?: number;
    readonly seed?: number;
    readonly runs?: number;
    readonly replanDays?: readonly number[];
    readonly signal: { stopped: boolean };
  },
): Promise<SimulateExitCode> {
  const { signal } = options;
  // A folder, FIFO or device at -o is refused before minutes of simulating, and again when writing.
  await checkOutputPath(output);
  io.out(t(lang, "cliSimLoading", { file: input }));

  let world: World;
  if (input.toLowerCase().endsWith(".xlsx")) {
    const seeded = worldFromTables(await readXlsxTables(input));
    if (!seeded.world) {
      io.err(t(lang, "cliSimProblems", { count: seeded.problems.length, file: input }));
      for (const line of problemLines(seeded.problems, lang)) io.err(line);
      return 1;
    }
    world = seeded.world;
  } else {
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(input, "utf8"));
    } catch (error) {
      io.err(
        t(lang, "worldNotJson", {
          file: input,
          detail: error instanceof Error ? error.message : String(error),
        }),
      );
      return 2;
    }
    const parsed = parseWorld(json);
    if (!parsed.world) {
      io.err(t(lang, "cliSimProblems", { count: parsed.problems.length, file: input }));
      for (const p of parsed.problems) io.err(`  ${t(lang, p.key, p.params)}`);
      return 1;
    }
    world = parsed.world;
  }

  const sim = new Simulation(world, {
    weeks: options.weeks,
    seed: options.seed,
    runs: options.runs,
    replanDays: options.replanDays,
  });
  const started = performance.now();
  const stopped = () => signal.stopped;
  while (!sim.done && !stopped()) {
    try {
      io.out(progressLine(sim.step(stopped), lang));
    } catch (error) {
      if (!(error instanceof InputError && error.key === "planCancelled")) throw error;
    }
    // Let Ctrl-C's handler run between weeks.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const result = sim.result();
  for (const line of simulationTable(result, lang)) io.out(line);
  io.out(
    t(lang, "cliSimTook", {
      seconds: ((performance.now() - started) / 1000).toFixed(1),
      weeks: result.weeks,
      runs: Math.max(1, result.runs.length),
      policies: result.policies.length,
    }),
  );
  if (!result.complete) {
    io.err(t(lang, "cliSimCancelled", { weeks: result.weeks }));
    return 130;
  }
  const sheets = simulationSheets(result, lang);
  await writeXlsxSheets(output, sheets);
  await addXlsxCharts(output, sheets, simulationChart(result, lang));
  io.out(t(lang, "cliSimWritten", { file: output, sheets: sheets.map((s) => s.name).join(", ") }));
  return 0;
}

/** `livestock simulate` from the bin: the first Ctrl-C stops the simulation cleanly (exit 130), a second one at once. */
export function simulateFromTerminal(argv: readonly string[]): Promise<SimulateExitCode> {
  const signal = { stopped: false };
  const onInterrupt = () => {
    if (signal.stopped) process.exit(130);
    signal.stopped = true;
  };
  process.on("SIGINT", onInterrupt);
  return runSimulateCommand(argv, consoleIo, process.cwd(), signal).finally(() =>
    process.off("SIGINT", onInterrupt),
  );
}
