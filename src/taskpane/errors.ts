import { InputError } from "../core/errors";
import { t, type Lang } from "../core/i18n";

/**
 * What the pane says about a failure: the core's and the adapters' own
 * messages for bad input, Excel's error code with what to do for an Office.js
 * error, else the error's text with what to do. Never blank.
 */
export function errorMessage(error: unknown, lang: Lang): string {
  if (error instanceof InputError) return error.messageIn(lang);
  const message = error instanceof Error ? error.message : String(error);
  const code =
    typeof error === "object" && error !== null && "code" in error ? String(error.code) : undefined;
  if (code) return t(lang, "errorExcel", { code, message });
  return t(lang, "errorUnexpected", { message: message || "?" });
}
