import { InputError } from "../core/errors";

/**
 * Excel's argument shapes turned into plain numbers and strings, with the
 * contract's errors. Excel passes an omitted optional argument as null or
 * undefined, a range as a 2-D array (rows of cells) whose blanks are "" or
 * null, numbers typed as text as strings, and booleans as booleans. Every
 * parameter is declared `any` in functions.json (`unknown` in TypeScript), so
 * Excel hands the cell over as it is and these messages, naming the argument,
 * are what the user sees: a parameter declared `number` would be converted or
 * rejected by Excel first, with a bare #VALUE!. Data types (entities, formatted
 * numbers) are off (functions.json has no `allowCustomDataForDataTypeAny`); a
 * data-type value that arrives anyway counts as its basic value.
 */

/** Null, undefined, "" or text of only spaces: a cell with a stray space is as blank as an empty one. */
const isBlank = (v: unknown): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** Number(text) accepts "", "0x10" and " 1e3 "; only plain decimals count as numbers typed as text. */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/** A data-type cell value: an object with a basic value (an error cell arrives as an Error instead). */
const isDataType = (v: unknown): v is object => typeof v === "object" && v !== null && "basicValue" in v;

/**
 * A data-type cell value (an object with `type` and `basicValue`) as a plain
 * value: a number, boolean or text basic value; an entity, whose basic value
 * is an error, as its display text.
 */
function basicValue(v: object): unknown {
  const d = v as { type?: unknown; basicValue?: unknown; text?: unknown };
  const basic = d.basicValue;
  if (typeof basic === "number" || typeof basic === "boolean") return basic;
  if (typeof basic === "string" && !/entity/i.test(String(d.type))) return basic;
  return String(d.text ?? basic ?? d.type ?? "?");
}

/** A cell's number, or undefined for a blank; InputError for anything that is not a number. */
function cellNumber(v: unknown, param: string, pos: number | undefined): number | undefined {
  if (isDataType(v)) return cellNumber(basicValue(v), param, pos);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new InputError("num", "notFinite", { param });
    return v;
  }
  if (isBlank(v)) return undefined;
  if (typeof v === "string") {
    if (DECIMAL.test(v)) return Number(v);
    if (v.trim() === "") return undefined;
    throw pos === undefined
      ? new InputError("value", "notANumber", { param, value: v })
      : new InputError("value", "textInRange", { param, value: v, pos });
  }
  if (typeof v === "boolean") throw new InputError("value", "booleanNotAllowed", { param });
  throw new InputError("value", "errorInRange", { param, pos: pos ?? 1 });
}

/** A single value passed where one cell is expected (a 1×1 range counts as its cell). */
function scalar(v: unknown, param: string): unknown {
  if (!Array.isArray(v)) return v;
  if (v.length === 1 && Array.isArray(v[0]) && v[0].length === 1) return v[0][0];
  throw new InputError("value", "notANumber", { param, value: "(range)" });
}

// The common case, a finite number, stays in a function small enough for V8 to inline:
// Excel calls these once per cell, and the benchmark holds them within 5× of bare arithmetic.

/** A required number argument. Blank → #VALUE! (a blank is not silently 0). */
export function requiredNumber(v: unknown, param: string): number {
  return typeof v === "number" && Number.isFinite(v) ? v : requiredNumberSlow(v, param);
}

function requiredNumberSlow(v: unknown, param: string): number {
  const n = cellNumber(scalar(v, param), param, undefined);
  if (n === undefined) throw new InputError("value", "blankRequired", { param });
  return n;
}

/** An optional number argument: omitted or blank → `fallback`. */
export function optionalNumber(v: unknown, param: string, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) ? v : optionalNumberSlow(v, param, fallback);
}

function optionalNumberSlow(v: unknown, param: string, fallback: number): number {
  return cellNumber(scalar(v, param), param, undefined) ?? fallback;
}

/** A range as rows, whatever Excel passed: a scalar becomes a 1×1 range. */
export function asRows(v: unknown): readonly (readonly unknown[])[] {
  if (!Array.isArray(v)) return [[v]];
  for (const row of v) if (!Array.isArray(row)) return v.map((r) => (Array.isArray(r) ? r : [r]));
  return v as unknown[][];
}

/** The cells of a range in reading order (row by row). */
function cells(v: unknown): unknown[] {
  const rows = asRows(v);
  if (rows.length === 1) return rows[0] as unknown[];
  const out: unknown[] = [];
  for (const r of rows) for (const c of r) out.push(c);
  return out;
}

/**
 * A row or a column of numbers in order, for positional data such as weekly
 * forecasts: blanks at the end are dropped (a range selected longer than the
 * data), a blank inside is #VALUE!, a 2-D block is #VALUE!.
 */
export function numberVector(v: unknown, param: string): readonly number[] {
  // Fast path, once per cell in a sheet: a row of finite numbers is used as it is.
  if (Array.isArray(v) && v.length === 1 && Array.isArray(v[0]) && allFinite(v[0])) return v[0];
  return numberVectorSlow(v, param);
}

function allFinite(xs: readonly unknown[]): xs is number[] {
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    if (typeof x !== "number" || x - x !== 0) return false;
  }
  return true;
}

function numberVectorSlow(v: unknown, param: string): number[] {
  const rows = asRows(v);
  const width = rows[0]?.length ?? 0;
  if (rows.length > 1 && width > 1)
    throw new InputError("value", "notOneDimensional", { param, rows: rows.length, cols: width });
  const flat = rows.length === 1 ? rows[0] : rows.map((r) => r[0]);
  let end = flat.length;
  while (end > 0 && isBlank(flat[end - 1])) end--;
  const out: number[] = [];
  for (let i = 0; i < end; i++) {
    const n = cellNumber(flat[i], param, i + 1);
    if (n === undefined) throw new InputError("value", "blankInside", { param, pos: i + 1 });
    out.push(n);
  }
  return out;
}

/**
 * The numbers of a range of any shape, skipping blanks (as STDEV.S does), for
 * data whose order does not matter. Text that is not a number is #VALUE!.
 */
export function numberSample(v: unknown, param: string): number[] {
  const flat = cells(v);
  const out: number[] = [];
  for (let i = 0; i < flat.length; i++) {
    const n = cellNumber(flat[i], param, i + 1);
    if (n !== undefined) out.push(n);
  }
  return out;
}

/**
 * One entry per row of a range of `maxColumns` or fewer columns: the row's
 * numbers (a blank cell as 0), or null for a wholly blank row.
 */
export function numberRows(v: unknown, param: string, maxColumns: number): (number[] | null)[] {
  const rows = asRows(v);
  const width = rows[0]?.length ?? 0;
  if (width > maxColumns) throw new InputError("value", "tooManyColumns", { param, cols: width });
  return rows.map((row, r) => {
    if (row.every(isBlank)) return null;
    return row.map((c, k) => cellNumber(c, param, r * width + k + 1) ?? 0);
  });
}

/** The cells of a range in reading order as text-or-blank, for names such as modes; an error value is #VALUE!. */
export function textCells(v: unknown, param: string): (string | undefined)[] {
  return cells(v).map((c, i) => {
    const plain = isDataType(c) ? basicValue(c) : c;
    if (isBlank(plain)) return undefined;
    if (typeof plain === "object") throw new InputError("value", "errorInRange", { param, pos: i + 1 });
    return String(plain).trim();
  });
}

/** The cells of a range in reading order as numbers-or-blank. */
export function numberCells(v: unknown, param: string): (number | undefined)[] {
  return cells(v).map((c, i) => cellNumber(c, param, i + 1));
}
