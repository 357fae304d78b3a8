import { InputError, type ErrorKind } from "../core/errors";
import { functionsLanguage } from "./language";

const CODES: Record<ErrorKind, CustomFunctions.ErrorCode> = {
  value: "#VALUE!" as CustomFunctions.ErrorCode.invalidValue,
  num: "#NUM!" as CustomFunctions.ErrorCode.invalidNumber,
  na: "#N/A" as CustomFunctions.ErrorCode.notAvailable,
};

/**
 * The error Excel should show for something a function threw: the contract's
 * code, with the message for #VALUE! and #N/A (Excel shows no message on #NUM!).
 * Anything that is not an InputError is a bug of ours; it still reaches Excel
 * as #VALUE! with its text, never as an escaped exception.
 */
export function toExcelError(error: unknown): CustomFunctions.Error {
  const kind: ErrorKind = error instanceof InputError ? error.kind : "value";
  const message =
    error instanceof InputError
      ? error.messageIn(functionsLanguage())
      : `LIVESTOCK internal error: ${error instanceof Error ? error.message : String(error)}`;
  return new CustomFunctions.Error(CODES[kind], kind === "num" ? undefined : message);
}

/**
 * The result itself, or InputError("num") when it holds NaN or ±Infinity (an
 * overflow), which Excel must never get as a number. Takes a number or a
 * spilled 2-D array.
 */
export function finite<T>(result: T): T {
  const bad =
    typeof result === "number"
      ? result - result !== 0
      : Array.isArray(result) &&
        result.some((row) => Array.isArray(row) && row.some((v) => typeof v === "number" && v - v !== 0));
  if (bad) throw new InputError("num", "notFinite", { param: "result" });
  return result;
}

/**
 * Runs `compute`; whatever it throws comes back as the Excel error to show, and
 * a result that overflowed comes back as #NUM!. Functions that Excel calls once
 * per cell in large sheets write the same try/catch inline instead: the closure
 * costs as much as their arithmetic (npm run bench).
 */
export function excelResult<T>(compute: () => T): T {
  try {
    return finite(compute());
  } catch (error) {
    throw toExcelError(error);
  }
}
