import { existsSync } from "fs";
import * as path from "path";
import type { RawTable } from "../core/data/table";
import { t } from "../core/i18n/catalogue";
import { checkWorkbook, planChecked } from "../core/job";
import { generateSeller } from "../sample/generate";
import { checkOutputPath, readXlsxTables, sameFile, writeXlsxSheets } from "../workbook/xlsx";
import { addXlsxCharts } from "../workbook/xlsxCharts";
import { parsePlanArgs, type PlanArgs } from "./args";
import { consoleIo, reportFailure, type Io } from "./io";

export type { Io };
import { problemLines, summaryLines } from "./print";
import { simulateFromTerminal, type SimulateExitCode } from "./simulate";

/** The workbook `livestock plan` plans when given no file. */
export const SAMPLE_WORKBOOK = path.resolve(__dirname, "../../samples/livestock-sample.xlsx");

/**
 * Exit codes: 0 planned and written, 1 problems in the input (nothing written),
 * 2 bad command line or a file that cannot be read or written, 3 an internal
 * error (a bug: reported as such, nothing written).
 */
export type ExitCode = 0 | 1 | 2 | 3;

/**
 * The output file when `-o` is not given: `<input>-plan.xlsx` next to the
 * input; for the bundled sample, `livestock-plan.xlsx` in the current folder
 * (the sample's folder belongs to the install).
 */
export function defaultOutput(input: string, isSample: boolean, cwd: string): string {
  if (isSample) return path.join(cwd, "livestock-plan.xlsx");
  const ext = path.extname(input);
  return path.join(path.dirname(input), `${path.basename(input, ext)}-plan.xlsx`);
}

/**
 * `livestock plan …`: reads the workbook, plans, writes the plan sheets to a
 * new file and prints a summary. Problems are printed with table, row and
 * column, and nothing is written. The input file is only ever read. Every
 * failure is one line and an exit code, never a stack trace (unless `--debug`).
 */
export async function runPlanCommand(
  argv: readonly string[],
  io: Io = consoleIo,
  cwd = process.cwd(),
): Promise<ExitCode> {
  const args = parsePlanArgs(argv);
  if ("error" in args) {
    io.err(t("en", "cliBadArgs", { detail: args.error }));
    io.err(t("en", "cliUsage"));
    return 2;
  }
  const { lang } = args;
  if (args.help) {
    io.out(t(lang, "cliUsage"));
    return 0;
  }
  try {
    return await plan(args, io, cwd);
  } catch (error) {
    return reportFailure(error, lang, args.debug, io);
  }
}

async function plan(args: PlanArgs, io: Io, cwd: string): Promise<ExitCode> {
  const { lang } = args;
  const isSample = args.input === undefined;
  const input = path.resolve(cwd, args.input ?? SAMPLE_WORKBOOK);
  const output = path.resolve(cwd, args.output ?? defaultOutput(input, isSample, cwd));
  if (sameFile(input, output)) {
    io.err(t(lang, "cliSameFile", { file: input }));
    return 2;
  }
  // A folder, FIFO or device at -o is refused before minutes of planning, and again when writing.
  await checkOutputPath(output);

  let tables: RawTable[] | undefined;
  if (isSample && !existsSync(input)) {
    io.err(t(lang, "cliSampleMissing", { file: input }));
    tables = generateSeller();
  } else {
    io.out(t(lang, "cliReading", { file: input }));
    tables = await readXlsxTables(input);
  }

  const options = { lang, planDate: args.planDate, skipInvalid: args.skipInvalid };
  const checked = checkWorkbook(tables, options);
  // Drop the raw cells before planning a large workbook; the zip reader's
  // callbacks still hold them until the next turn of the event loop.
  tables = undefined;
  await new Promise((resolve) => setImmediate(resolve));
  const result = planChecked(checked, options);
  if (!result.sheets) {
    if (result.cancelled) {
      io.err(t(lang, "cliCancelled"));
      return 1;
    }
    io.err(t(lang, "cliProblems", { count: result.problems.length, file: input }));
    for (const line of problemLines(result.problems, lang)) io.err(line);
    return 1;
  }
  if (result.problems.length > 0) {
    io.err(t(lang, "cliSkipped", { count: result.skippedRows }));
    for (const line of problemLines(result.problems, lang)) io.err(line);
  }
  if (result.warnings.length > 0) {
    io.err(t(lang, "cliWarnings"));
    for (const line of problemLines(result.warnings, lang)) io.err(line);
  }
  await writeXlsxSheets(output, result.sheets);
  await addXlsxCharts(output, result.sheets, result.charts ?? []);
  io.out(t(lang, "cliWritten", { file: output, sheets: result.sheets.map((s) => s.name).join(", ") }));
  if (result.summary) for (const line of summaryLines(result.summary, lang)) io.out(line);
  return 0;
}

/** Entry point of `npm run plan` and the `livestock` bin: `livestock plan …` or `livestock simulate …`. */
export async function main(argv: readonly string[]): Promise<ExitCode | SimulateExitCode> {
  if (argv[0] === "simulate") return simulateFromTerminal(argv);
  if (
    argv[0] !== undefined &&
    argv[0] !== "plan" &&
    !argv[0].startsWith("-") &&
    !argv[0].toLowerCase().endsWith(".xlsx")
  ) {
    console.error(`Unknown command ${argv[0]}.`);
    console.error(t("en", "cliUsage"));
    return 2;
  }
  return runPlanCommand(argv);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(t("en", "fileInternalError", { detail: String(error) }));
      process.exitCode = 3;
    },
  );
}
