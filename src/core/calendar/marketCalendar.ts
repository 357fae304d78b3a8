import Holidays from "date-holidays";
import { addDays, dayFromIso, dayToIso, type Day } from "../time/day";
import { commerceEvents, holidayDay } from "./commerceEvents";
import type { MarketCalendar, MarketEvent } from "./marketEvent";

/** Days factories around Chinese New Year are taken to be closed: a week before to three weeks after. */
const CNY_BEFORE_DAYS = 7;
const CNY_AFTER_DAYS = 21;
/** Lead-time stretch for orders placed in the Chinese New Year window, in days (about three weeks of closure). */
export const CNY_SUPPLY_DELAY_DAYS = 21;
/** Ramadan is taken as the 30 days before 1 Shawwal (Lebaran); it has 29 or 30, so the first day may be one early. */
const RAMADAN_DAYS = 30;
/** Lebaran's mudik period: couriers and sellers pause from 3 days before to 3 days after 1 Shawwal. */
const LEBARAN_AROUND_DAYS = 3;
const RAMADAN_UPLIFT = 1.3;
const LEBARAN_UPLIFT = 0.8;

const KNOWN = new Set(Object.keys(new Holidays().getCountries()));
const calendars = new Map<string, Holidays>();

/**
 * A country's calendar of public holidays alone: date-holidays then skips the other types' rules
 * (a third less time for a year's holidays; the public ones are the same, checked for all 207
 * countries over 2014–2036).
 */
function holidaysOf(country: string): Holidays {
  let h = calendars.get(country);
  if (!h) {
    h = new Holidays(country, { types: ["public"] });
    calendars.set(country, h);
  }
  return h;
}

type PublicHoliday = readonly [day: Day, name: string, rule: string];
/**
 * Public holidays per `country:year`. date-holidays recomputes a year on every call (the Chinese
 * calendar from planetary positions, ~10 ms a year), and a plan asks for the same years once per
 * warehouse and again for Chinese New Year; the answer is fixed, so it is kept (frozen).
 */
const yearHolidays = new Map<string, readonly PublicHoliday[]>();

/** Public holidays of `year` as [day, name, date-holidays rule]. */
function publicHolidays(country: string, year: number): readonly PublicHoliday[] {
  const key = `${country}:${year}`;
  const cached = yearHolidays.get(key);
  if (cached) return cached;
  const out: PublicHoliday[] = [];
  for (const h of holidaysOf(country).getHolidays(year)) {
    const d = holidayDay(h.date);
    if (h.type === "public" && d !== undefined) out.push(Object.freeze([d, h.name, h.rule] as const));
  }
  const frozen = Object.freeze(out);
  yearHolidays.set(key, frozen);
  return frozen;
}

const CNY_RULE = "chinese 01-0-01";
/** A calendar of Chinese New Year alone: the same date-holidays rule as CN's, without the other Chinese holidays to compute. */
let cnyCalendar: Holidays | undefined;
const cnyDays = new Map<number, readonly Day[]>();

/** The first year of `CNY_DAYS`. */
const CNY_FROM = 1990;
/**
 * Chinese New Year of 1990–2100 as date-holidays computes it (rule "chinese 01-0-01"), MMDD a year
 * from 1990: computing one takes planetary positions (about 10 ms a year when cold, and 20 MB of
 * garbage for a plan's four years), and the answer is fixed. A test checks every year against
 * date-holidays; years outside are computed.
 */
const CNY_DAYS = (
  "0127 0215 0204 0123 0210 0131 0219 0207 0128 0216 " +
  "0205 0124 0212 0201 0122 0209 0129 0218 0207 0126 " +
  "0214 0203 0123 0210 0131 0219 0208 0128 0216 0205 " +
  "0125 0212 0201 0122 0210 0129 0217 0206 0126 0213 " +
  "0203 0123 0211 0131 0219 0208 0128 0215 0204 0124 " +
  "0212 0201 0122 0210 0130 0217 0206 0126 0214 0202 " +
  "0123 0211 0201 0219 0208 0128 0215 0204 0124 0212 " +
  "0202 0121 0209 0129 0217 0205 0126 0214 0203 0123 " +
  "0211 0131 0219 0207 0127 0215 0205 0124 0212 0202 " +
  "0122 0209 0129 0217 0206 0126 0214 0203 0124 0210 " +
  "0130 0218 0207 0127 0215 0205 0125 0212 0201 0121 " +
  "0209"
).split(" ");

/** The first day of the Chinese year starting in `year` (date-holidays rule "chinese 01-0-01"), kept per year. */
function chineseNewYear(year: number): readonly Day[] {
  const cached = cnyDays.get(year);
  if (cached) return cached;
  const known = CNY_DAYS[year - CNY_FROM];
  const day = known === undefined ? undefined : dayFromIso(`${year}-${known.slice(0, 2)}-${known.slice(2)}`);
  if (day !== undefined) {
    const one = Object.freeze([day]);
    cnyDays.set(year, one);
    return one;
  }
  if (!cnyCalendar) {
    cnyCalendar = new Holidays();
    cnyCalendar.setHoliday(CNY_RULE, { name: "Chinese New Year", type: "public" });
  }
  const out: Day[] = [];
  for (const h of cnyCalendar.getHolidays(year)) {
    const d = holidayDay(h.date);
    if (h.rule === CNY_RULE && h.type === "public" && d !== undefined) out.push(d);
  }
  const frozen = Object.freeze(out);
  cnyDays.set(year, frozen);
  return frozen;
}

/**
 * No event of a calendar year reaches further than this outside it, so only the years within
 * this many days of the range are computed: Ramadan starts 30 days before 1 Shawwal (which can
 * fall in early January); date-holidays lists no public holiday outside its own year (checked
 * for all 207 countries, 2010–2045), and the commerce events and the Chinese New Year window
 * lie within their year.
 */
const YEAR_REACH_DAYS = 60;

const yearOf = (d: Day): number => Number(dayToIso(d).slice(0, 4));

/**
 * The market calendar of a warehouse's country from `from` to `to` (inclusive):
 * - public holidays from date-holidays (uplift 1 until the seller's history says otherwise);
 * - commerce events: US Thanksgiving week, Black Friday (the day after the fourth Thursday
 *   of November), Cyber Monday, Prime Day (2nd Tuesday of July + 1 day), Christmas season
 *   (1–24 December, US and EU), 9.9/10.10/11.11/12.12 (South-East Asia), Songkran (TH),
 *   Ramadan and Lebaran (ID);
 * - Chinese New Year as a supply event for every market: factories closed from 7 days
 *   before to 21 days after, lead times +21 days.
 * A country date-holidays does not know gets no holidays and a warning, never a throw.
 *
 * @example marketCalendar("US", dayFromIso("2025-11-28")!, dayFromIso("2025-11-28")!).events.map(e => e.key) // ["thanksgiving-week", "black-friday"]
 */
export function marketCalendar(country: string, from: Day, to: Day): MarketCalendar {
  const code = country.trim().toUpperCase();
  const known = KNOWN.has(code);
  const events: MarketEvent[] = [];
  const overlaps = (start: Day, end: Day) => start <= to && end >= from;
  const push = (e: MarketEvent) => {
    if (overlaps(e.start, e.end)) events.push(e);
  };
  for (
    let year = yearOf(addDays(from, -YEAR_REACH_DAYS));
    year <= yearOf(addDays(to, YEAR_REACH_DAYS));
    year++
  ) {
    if (known) {
      for (const [d, name] of publicHolidays(code, year))
        push({
          key: `holiday:${name}`,
          name,
          kind: "holiday",
          country: code,
          start: d,
          end: d,
          uplift: 1,
          upliftSource: "default",
        });
    }
    for (const c of commerceEvents(code, year))
      push({ ...c, kind: "commerce", country: code, upliftSource: "default" });
    if (code === "ID") {
      for (const [d, , rule] of publicHolidays("ID", year)) {
        if (rule !== "1 Shawwal") continue;
        push({
          key: "ramadan",
          name: "Ramadan",
          kind: "commerce",
          country: code,
          start: addDays(d, -RAMADAN_DAYS),
          end: addDays(d, -LEBARAN_AROUND_DAYS - 1),
          uplift: RAMADAN_UPLIFT,
          upliftSource: "default",
        });
        push({
          key: "lebaran",
          name: "Lebaran",
          kind: "commerce",
          country: code,
          start: addDays(d, -LEBARAN_AROUND_DAYS),
          end: addDays(d, LEBARAN_AROUND_DAYS),
          uplift: LEBARAN_UPLIFT,
          upliftSource: "default",
        });
      }
    }
    for (const d of chineseNewYear(year)) {
      push({
        key: "cny-supply",
        name: "Chinese New Year (factories closed)",
        kind: "supply",
        country: "CN",
        start: addDays(d, -CNY_BEFORE_DAYS),
        end: addDays(d, CNY_AFTER_DAYS),
        uplift: 1,
        upliftSource: "default",
        supplyDelayDays: CNY_SUPPLY_DELAY_DAYS,
      });
    }
  }
  events.sort((a, b) => a.start - b.start || a.key.localeCompare(b.key));
  return known
    ? { country: code, events }
    : { country: code, events, warning: { key: "calendarUnknownCountry", params: { country: code } } };
}

/**
 * The events of {@link marketCalendar}, without the warning.
 *
 * @example marketEvents("TH", dayFromIso("2025-11-11")!, dayFromIso("2025-11-11")!)[0].key // "11.11"
 */
export function marketEvents(country: string, from: Day, to: Day): MarketEvent[] {
  return marketCalendar(country, from, to).events.slice();
}
