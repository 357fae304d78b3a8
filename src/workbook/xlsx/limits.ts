/**
 * What the xlsx reader accepts at most, so that no file — damaged, hostile or
 * just huge — makes it spin or run out of memory. Each bound is well above a
 * real seller's workbook (the 1-million-row benchmark uses a sixth of the cells
 * and a fifth of the sheet size) and well below what would take the CLI past
 * 30 s or 1.5 GB.
 */
export interface XlsxLimits {
  readonly fileBytes: number;
  readonly entries: number;
  readonly streamedPartBytes: number;
  readonly wholePartBytes: number;
  readonly totalBytes: number;
  readonly sharedStringChars: number;
  readonly cells: number;
  readonly rows: number;
  readonly columns: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  /** The xlsx file itself, read into memory whole (the benchmark's million rows take 28 MB). */
  fileBytes: 1 << 30,
  /** Entries in the zip's directory. */
  entries: 10_000,
  /** Uncompressed bytes of one sheet or shared-strings part (streamed, never held whole). */
  streamedPartBytes: 1 << 30,
  /** Uncompressed bytes of a part read whole: workbook, relationships, table definitions, styles. */
  wholePartBytes: 64 << 20,
  /** Uncompressed bytes of all the parts read, together. */
  totalBytes: 2 * (1 << 30),
  /** Characters kept from the shared strings. */
  sharedStringChars: 100_000_000,
  /** Cells kept in all the tables read (a table row costs its width). */
  cells: 16_000_000,
  /** Excel's grid. */
  rows: 1_048_576,
  columns: 16_384,
};

/** "1.2 GB", "64 MB", "300 bytes": sizes as messages show them. */
export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(0)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(0)} KB`;
  return `${n} bytes`;
}
