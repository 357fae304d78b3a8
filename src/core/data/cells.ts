import type { DataMessageKey } from "../i18n/dataMessages";
import { dayFromDate, dayFromExcelSerial, dayOf, dayToIso, type Day } from "../time/day";
import type { ShipModeName, AbcClass } from "./model";
import type { CellValue } from "./table";

/**
 * Reading one cell of an input table. Each reader returns the value, `undefined`
 * for a blank cell, or a `CellError` naming what is wrong; none throws and none
 * compiles a pattern per call, because a Sales table can hold half a million rows.
 */

export interface CellError {
  readonly error: DataMessageKey;
}

export const isCellError = (v: unknown): v is CellError =>
  typeof v === "object" && v !== null && "error" in v && !(v instanceof Date);

const MS_PER_DAY = 86_400_000;

/** A cell with nothing in it: null, or text of only spaces. */
export function isBlank(cell: CellValue): boolean {
  return cell === null || (typeof cell === "string" && cell.trim() === "");
}

/**
 * Text as written: numbers become their digits, so a SKU typed as 123 reads "123"
 * (one typed as text `000123` keeps its zeros); formula-like text stays text.
 *
 * @example parseText(" 000123 ") // "000123"
 */
export function parseText(cell: CellValue): string | undefined {
  if (cell === null) return undefined;
  if (typeof cell === "string") {
    const s = cell.trim();
    return s === "" ? undefined : s;
  }
  if (typeof cell === "number") return String(cell);
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return dayToIso(dayFromDate(cell));
}

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
const THOUSANDS = /(\d),(?=\d{3}(\D|$))/g;

/**
 * A number from a number cell or from text: "1,234.5", " 12 " and "8%" (= 0.08) read as numbers.
 *
 * @example parseNumber("1,234") // 1234
 */
export function parseNumber(cell: CellValue): number | undefined | CellError {
  if (cell === null) return undefined;
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : { error: "dataNotANumber" };
  if (typeof cell !== "string") return { error: "dataNotANumber" };
  let s = cell.trim();
  if (s === "") return undefined;
  let scale = 1;
  if (s.endsWith("%")) {
    scale = 0.01;
    s = s.slice(0, -1).trim();
  }
  if (s.includes(",")) s = s.replace(THOUSANDS, "$1");
  if (!NUMBER_TEXT.test(s)) return { error: "dataNotANumber" };
  const n = Number(s) * scale;
  return Number.isFinite(n) ? n : { error: "dataNotANumber" };
}

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const YEAR_FIRST = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;
const CHINESE = /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/;
const SLASH_YEAR_LAST = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DOT_YEAR_LAST = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Excel's serials from 1900-01-01 to 9999-12-31. */
const MAX_SERIAL = 2_958_465;

function dayFromParts(y: number, m: number, d: number): Day | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d)
    return undefined;
  return dayOf(ms / MS_PER_DAY);
}

/**
 * A day from a date cell, an Excel serial, or date text. Text formats: ISO
 * `2025-03-07` (a time after it is dropped), `2025/3/7`, `2025.3.7`,
 * `2025年3月7日`, `20250307`, `3/7/2025` read as month/day/year as Excel
 * (en-US) writes it — unless the first number is above 12, then day/month/year
 * — and `7.3.2025` read as day.month.year (the German and Dutch habit).
 *
 * @example parseDay("2025/3/7") // dayFromIso("2025-03-07")
 */
export function parseDay(cell: CellValue): Day | undefined | CellError {
  if (cell === null) return undefined;
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? { error: "dataNotADate" } : dayFromDate(cell);
  }
  if (typeof cell === "number") {
    return cell >= 1 && cell <= MAX_SERIAL ? dayFromExcelSerial(cell) : { error: "dataNotADate" };
  }
  if (typeof cell !== "string") return { error: "dataNotADate" };
  const s = cell.trim();
  if (s === "") return undefined;
  let m = ISO.exec(s) ?? YEAR_FIRST.exec(s) ?? CHINESE.exec(s) ?? COMPACT.exec(s);
  let day: Day | undefined;
  if (m) day = dayFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  else if ((m = SLASH_YEAR_LAST.exec(s))) {
    const [a, b] = [Number(m[1]), Number(m[2])];
    day = a > 12 ? dayFromParts(Number(m[3]), b, a) : dayFromParts(Number(m[3]), a, b);
  } else if ((m = DOT_YEAR_LAST.exec(s))) day = dayFromParts(Number(m[3]), Number(m[2]), Number(m[1]));
  return day ?? { error: "dataNotADate" };
}

const MODES: Readonly<Record<string, ShipModeName>> = {
  SEA: "SEA",
  OCEAN: "SEA",
  海运: "SEA",
  AIR: "AIR",
  空运: "AIR",
  EXPRESS: "EXPRESS",
  COURIER: "EXPRESS",
  快递: "EXPRESS",
  TRANSFER: "TRANSFER",
  调拨: "TRANSFER",
};

/**
 * A shipping mode: SEA, AIR, EXPRESS, TRANSFER in any case, or 海运/空运/快递/调拨.
 *
 * @example parseMode("air") // "AIR"
 */
export function parseMode(cell: CellValue): ShipModeName | undefined | CellError {
  const s = parseText(cell);
  if (s === undefined) return undefined;
  return MODES[s.toUpperCase()] ?? { error: "dataBadMode" };
}

/**
 * An ABC class override: A, B or C in any case.
 *
 * @example parseClass("b") // "B"
 */
export function parseClass(cell: CellValue): AbcClass | undefined | CellError {
  const s = parseText(cell);
  if (s === undefined) return undefined;
  const u = s.toUpperCase();
  return u === "A" || u === "B" || u === "C" ? u : { error: "dataBadClass" };
}

const FLAGS: Readonly<Record<string, boolean>> = {
  TRUE: true,
  YES: true,
  Y: true,
  "1": true,
  是: true,
  FALSE: false,
  NO: false,
  N: false,
  "0": false,
  否: false,
};

/**
 * A yes/no mark: TRUE, 1, yes, y or 是 is yes; FALSE, 0, no, n or 否 is no; blank is undefined (no).
 *
 * @example parseFlag("是") // true
 */
export function parseFlag(cell: CellValue): boolean | undefined | CellError {
  if (typeof cell === "boolean") return cell;
  const s = parseText(cell);
  if (s === undefined) return undefined;
  return FLAGS[s.toUpperCase()] ?? { error: "dataBadFlag" };
}

const COUNTRY = /^[A-Za-z]{2}$/;

/**
 * An ISO 3166-1 alpha-2 country code, upper-cased.
 *
 * @example parseCountry("th") // "TH"
 */
export function parseCountry(cell: CellValue): string | undefined | CellError {
  const s = parseText(cell);
  if (s === undefined) return undefined;
  return COUNTRY.test(s) ? s.toUpperCase() : { error: "dataBadCountry" };
}

/** Longer text is cut in messages: a 40,000-character cell would bury the message. */
const SHOWN_CHARACTERS = 80;

/**
 * A cell as the user sees it, for messages; long text is cut after 80 characters with "…".
 *
 * @example showCell(new Date(Date.UTC(2025, 2, 7))) // "2025-03-07"
 */
export function showCell(cell: CellValue): string {
  if (cell === null) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "?" : dayToIso(dayFromDate(cell));
  const s = String(cell);
  return s.length > SHOWN_CHARACTERS ? `${s.slice(0, SHOWN_CHARACTERS)}…` : s;
}
