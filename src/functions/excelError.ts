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

/** Runs `compute`; whatever it throws comes back as the Excel error to show. */
export function excelResult<T>(compute: () => T): T {
  try {
    return compute();
  } catch (error) {
    throw toExcelError(error);
  }
}
