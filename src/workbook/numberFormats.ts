import type { ColumnFormat } from "../core/data/table";

/**
 * Excel number formats of the output columns, shared by the Office.js and xlsx
 * adapters so a plan looks the same in Excel and in a file (locale-neutral
 * codes; Excel shows them in the user's locale).
 */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: "@",
  integer: "#,##0",
  decimal: "#,##0.00",
  money: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
};
