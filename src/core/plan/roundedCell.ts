import { round } from "./explanation";
import type { CellOut } from "../data/table";

/**
 * A number for a sheet cell: x rounded to `digits` decimals when finite, else blank, so no
 * NaN or Infinity (nor a missing value) reaches a sheet.
 *
 * @example roundedCell(2.345, 1) // 2.3
 * @example roundedCell(Number.NaN) // null
 */
export const roundedCell = (x: number | null | undefined, digits = 2): CellOut =>
  x === null || x === undefined || !Number.isFinite(x) ? null : round(x, digits);
