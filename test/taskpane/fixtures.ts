import type { CellValue, RawTable } from "../../src/core/data/table";
import { generateSeller, SAMPLE_OPTIONS } from "../../src/sample/generate";

/** A small sample seller (10 SKUs, 2 warehouses, 30 weeks): plans in well under a second. */
export const smallSeller = (): RawTable[] =>
  generateSeller({ ...SAMPLE_OPTIONS, skus: 10, warehouses: 2, historyWeeks: 30 });

/** The tables with `table`'s header `from` renamed to `to`. */
export const renameHeader = (
  tables: readonly RawTable[],
  table: string,
  from: string,
  to: string,
): RawTable[] =>
  tables.map((t) => (t.name === table ? { ...t, headers: t.headers.map((h) => (h === from ? to : h)) } : t));

/** The tables with one cell of `table` replaced. */
export function setCell(
  tables: readonly RawTable[],
  table: string,
  row: number,
  header: string,
  value: CellValue,
): RawTable[] {
  return tables.map((t) => {
    if (t.name !== table) return t;
    const c = t.headers.indexOf(header);
    return { ...t, rows: t.rows.map((r, i) => (i === row ? r.map((v, j) => (j === c ? value : v)) : r)) };
  });
}
