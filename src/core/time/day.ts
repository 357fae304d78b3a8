/**
 * Calendar dates as whole days since 1970-01-01 (UTC). Plans are made in
 * days and weeks, never hours, so an integer is exact, fast to compare and
 * free of time zones; ISO text and Excel serials are converted at the edges.
 */
declare const day: unique symbol;
export type Day = number & { readonly [day]: "day" };

const MS_PER_DAY = 86_400_000;
/** Excel's serial 25569 is 1970-01-01 (the 1900 date system, leap-year bug included). */
const EXCEL_EPOCH_OFFSET = 25_569;

/** The day `n` days after 1970-01-01. */
export const dayOf = (n: number): Day => n as Day;

/**
 * The day of an ISO date "YYYY-MM-DD", or undefined if the text is not one.
 *
 * @example dayFromIso("1970-01-02") // 1
 */
export function dayFromIso(text: string): Day | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  return dayOf(ms / MS_PER_DAY);
}

/**
 * The ISO text "YYYY-MM-DD" of a day.
 *
 * @example dayToIso(dayOf(0)) // "1970-01-01"
 */
export function dayToIso(d: Day): string {
  // Civil date from a day count (H. Hinnant, "chrono-compatible low-level date algorithms"):
  // integer arithmetic only — the plan writes a date into every reason, and a Date object
  // plus toISOString per call showed up in its profile.
  const z = d + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const dayOfMonth = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${dayOfMonth < 10 ? "0" : ""}${dayOfMonth}`;
}

/**
 * The day of an Excel date serial (1900 system); the fraction (time of day) is dropped.
 *
 * @example dayFromExcelSerial(45658) // dayFromIso("2025-01-01")
 */
export function dayFromExcelSerial(serial: number): Day {
  return dayOf(Math.floor(serial) - EXCEL_EPOCH_OFFSET);
}

/** The Excel serial (1900 system) of a day. */
export function dayToExcelSerial(d: Day): number {
  return d + EXCEL_EPOCH_OFFSET;
}

/** The day of a JavaScript Date, read in UTC. */
export function dayFromDate(date: Date): Day {
  return dayOf(Math.floor(date.getTime() / MS_PER_DAY));
}

/** A JavaScript Date at 00:00 UTC of the day. */
export function dayToDate(d: Day): Date {
  return new Date(d * MS_PER_DAY);
}

/** `d` plus `n` days. */
export function addDays(d: Day, n: number): Day {
  return dayOf(d + n);
}

/** Day of the week, 0 = Monday … 6 = Sunday (ISO). 1970-01-01 was a Thursday. */
export function weekday(d: Day): number {
  return (((d + 3) % 7) + 7) % 7;
}

/** The Monday on or before `d`: weeks in plans and history start on Monday. */
export function weekStart(d: Day): Day {
  return dayOf(d - weekday(d));
}
