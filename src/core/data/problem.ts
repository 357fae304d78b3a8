import { t, type MessageParams } from "../i18n/catalogue";
import type { DataMessageKey } from "../i18n/dataMessages";
import type { Lang } from "../i18n/lang";
import type { TableName } from "./contract";

/**
 * One thing wrong with the input, located as the user sees it: the table,
 * the sheet's row number and the column header, with the offending value and
 * the message in English and Chinese. A problem without `row` concerns the
 * whole table (a missing table or column) and no row can be skipped to fix it.
 */
export interface DataProblem {
  readonly table: TableName;
  readonly sheet?: string;
  /** The row number on the sheet (1-based, as Excel shows it). */
  readonly row?: number;
  /** The column's header as written in the sheet, or the contract's name when it is missing. */
  readonly column?: string;
  /** The cell's address, e.g. "C12". */
  readonly cell?: string;
  readonly value?: string;
  readonly message: { readonly en: string; readonly zh: string };
}

/** The message of `key` in both languages. */
export function bilingual(key: DataMessageKey, params: MessageParams = {}): DataProblem["message"] {
  return { en: t("en", key, params), zh: t("zh-CN", key, params) };
}

/** The problem's message in `lang`. */
export function problemMessage(problem: DataProblem, lang: Lang): string {
  return lang === "zh-CN" ? problem.message.zh : problem.message.en;
}

/**
 * Excel's column letters of a 1-based column number.
 *
 * @example columnLetters(28) // "AB"
 */
export function columnLetters(column: number): string {
  let n = column;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** True when the problem stops the plan even with skip-invalid (a whole table or column is wrong). */
export const isTableProblem = (p: DataProblem): boolean => p.row === undefined;
