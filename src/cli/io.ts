import { t } from "../core/i18n/catalogue";
import type { Lang } from "../core/i18n/lang";
import { NonFiniteOutputError, WorkbookFileError } from "../workbook/xlsx";

/** Where a command prints: its lines and its error lines. */
export interface Io {
  out(line: string): void;
  err(line: string): void;
}

export const consoleIo: Io = { out: (l) => console.log(l), err: (l) => console.error(l) };

/**
 * Reports a failure in one line — a file that cannot be read or written
 * (exit 2) or an internal error (exit 3) — with the stack trace only under
 * `--debug`. Both commands (`plan`, `simulate`) end their failures here.
 */
export function reportFailure(error: unknown, lang: Lang, debug: boolean, io: Io): 2 | 3 {
  if (error instanceof WorkbookFileError) io.err(error.describe(lang));
  else {
    const detail =
      error instanceof NonFiniteOutputError
        ? error.describe(lang)
        : error instanceof Error
          ? `${error.name}: ${error.message.split("\n")[0]}`
          : String(error);
    io.err(t(lang, "fileInternalError", { detail }));
  }
  if (debug && error instanceof Error && error.stack) io.err(error.stack);
  return error instanceof WorkbookFileError ? 2 : 3;
}
