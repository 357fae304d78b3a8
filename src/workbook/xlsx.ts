import { realpathSync } from "fs";
import * as path from "path";
import type { RawTable, SheetOut } from "../core/data/table";
import type { WorkbookAdapter } from "./adapter";
import { readXlsxTables } from "./xlsx/read";
import { writeXlsxSheets } from "./xlsx/write";

/**
 * The xlsx-file adapter (Node: the CLI, the sample script, tests). It reads
 * the zip's parts one at a time with a streaming XML parser (`xlsx/read`), so
 * a 1,000,000-row Sales sheet is read in seconds without an object model, and
 * bounded so that no file can make it spin or exhaust memory. It writes with
 * ExcelJS (`xlsx/write`), the plan into a NEW file — never the input — all at
 * once through a temporary file.
 */
export { WorkbookFileError } from "./xlsx/errors";
export { XLSX_LIMITS } from "./xlsx/limits";
export { readXlsxTables } from "./xlsx/read";
export {
  checkOutputPath,
  EXCEL_MAX_CELL_TEXT,
  NonFiniteOutputError,
  writeXlsxSheets,
  writeXlsxTables,
} from "./xlsx/write";

/** True when `a` and `b` name the same file (following links); a path that does not exist yet is compared as resolved. */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return real(a) === real(b);
}

/** Raised when a write would replace the workbook the tables were read from. */
export class WouldOverwriteInputError extends Error {
  constructor(readonly file: string) {
    super(`Refusing to write over the input workbook ${file}.`);
    this.name = "WouldOverwriteInputError";
  }
}

/**
 * The xlsx adapter: reads `input`, writes the plan into `output` — a different
 * file; writing where the input is throws before anything is touched.
 */
export class XlsxWorkbook implements WorkbookAdapter {
  constructor(
    readonly input: string,
    readonly output: string,
  ) {}

  readTables(): Promise<RawTable[]> {
    return readXlsxTables(this.input);
  }

  async writeSheets(sheets: readonly SheetOut[]): Promise<void> {
    if (sameFile(this.input, this.output)) throw new WouldOverwriteInputError(this.output);
    await writeXlsxSheets(this.output, sheets);
  }
}
