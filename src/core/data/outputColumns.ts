import { t, type MessageKey, type MessageParams } from "../i18n/catalogue";
import type { Lang } from "../i18n/lang";
import type { ColumnFormat, ColumnOut } from "./table";

/** A column of an output sheet: its key, its header's message (with the message's params) and its format. */
export type OutputColumn = readonly [
  key: string,
  header: MessageKey,
  format: ColumnFormat,
  params?: MessageParams,
];

/**
 * The columns of an output sheet with their headers in `lang`, so every `LS …` sheet
 * names its columns the same way.
 *
 * @example outputColumns("en", [["sku", "planHeaderSku", "text"]]) // [{ key: "sku", header: "sku", format: "text" }]
 */
export function outputColumns(lang: Lang, columns: readonly OutputColumn[]): ColumnOut[] {
  return columns.map(([key, header, format, params]) => ({ key, header: t(lang, header, params), format }));
}
