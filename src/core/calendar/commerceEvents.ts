import { addDays, dayFromDate, dayFromIso, weekday, type Day } from "../time/day";

/** A commerce event's rule: its dates in a year, its default weekly uplift, the markets it applies to. */
interface CommerceRule {
  readonly key: string;
  readonly name: string;
  readonly dates: (year: number) => readonly [Day, Day];
  /** Default weekly demand multiplier by market group. */
  readonly uplift: Partial<Record<MarketGroup, number>>;
}

type MarketGroup = "US" | "EU" | "SEA" | "TH" | "ID";

/** EU member states plus the UK: the "EU" market of DESIGN.md (DE/NL warehouses). */
const EU = new Set(
  "AT BE BG CY CZ DE DK EE ES FI FR GB GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK".split(" "),
);
/** South-East Asian markets where Shopee/Lazada/TikTok Shop run the double-digit sales. */
const SEA = new Set("ID MY PH SG TH VN".split(" "));

const date = (y: number, m: number, d: number): Day => dayFromDate(new Date(Date.UTC(y, m - 1, d)));

/** The n-th given weekday (0 = Monday) of a month. */
function nthWeekday(year: number, month: number, dow: number, n: number): Day {
  const first = date(year, month, 1);
  return addDays(first, ((dow - weekday(first) + 7) % 7) + 7 * (n - 1));
}

/** US Thanksgiving: the fourth Thursday of November. */
export function thanksgiving(year: number): Day {
  return nthWeekday(year, 11, 3, 4);
}

const single = (d: Day): readonly [Day, Day] => [d, d];
const doubleDay = (month: number) => (year: number) => single(date(year, month, month));

/**
 * Default uplifts are a planner's starting point, not measurements: they are
 * replaced by estimates from the seller's own history wherever it covers the event
 * (see estimateUplifts).
 */
const RULES: readonly CommerceRule[] = [
  {
    key: "thanksgiving-week",
    name: "Thanksgiving week",
    dates: (y) => [addDays(thanksgiving(y), -3), addDays(thanksgiving(y), 3)],
    uplift: { US: 1.3 },
  },
  {
    key: "black-friday",
    name: "Black Friday",
    dates: (y) => single(addDays(thanksgiving(y), 1)),
    uplift: { US: 2, EU: 1.6 },
  },
  {
    key: "cyber-monday",
    name: "Cyber Monday",
    dates: (y) => single(addDays(thanksgiving(y), 4)),
    uplift: { US: 1.6, EU: 1.3 },
  },
  {
    // Amazon announces the dates each year; the usual pattern is the second Tuesday of July and the day after.
    key: "prime-day",
    name: "Prime Day",
    dates: (y) => [nthWeekday(y, 7, 1, 2), addDays(nthWeekday(y, 7, 1, 2), 1)],
    uplift: { US: 1.5, EU: 1.4 },
  },
  {
    key: "christmas-season",
    name: "Christmas season",
    dates: (y) => [date(y, 12, 1), date(y, 12, 24)],
    uplift: { EU: 1.4, US: 1.3 },
  },
  { key: "9.9", name: "9.9 sale", dates: doubleDay(9), uplift: { SEA: 1.5 } },
  { key: "10.10", name: "10.10 sale", dates: doubleDay(10), uplift: { SEA: 1.5 } },
  { key: "11.11", name: "11.11 sale", dates: doubleDay(11), uplift: { SEA: 2 } },
  { key: "12.12", name: "12.12 sale", dates: doubleDay(12), uplift: { SEA: 1.8 } },
  {
    // Songkran (13–15 April): people travel home; online orders dip while couriers rest.
    key: "songkran",
    name: "Songkran",
    dates: (y) => [date(y, 4, 13), date(y, 4, 15)],
    uplift: { TH: 0.85 },
  },
];

/** The market groups a country belongs to. */
function groups(country: string): MarketGroup[] {
  const out: MarketGroup[] = [];
  if (country === "US") out.push("US");
  if (EU.has(country)) out.push("EU");
  if (SEA.has(country)) out.push("SEA");
  if (country === "TH") out.push("TH");
  if (country === "ID") out.push("ID");
  return out;
}

/** A dated commerce event with its default uplift. */
export interface CommerceOccurrence {
  readonly key: string;
  readonly name: string;
  readonly start: Day;
  readonly end: Day;
  readonly uplift: number;
}

/** The rule-based commerce events of `country` in `year` (Ramadan and Lebaran come from the Islamic calendar instead). */
export function commerceEvents(country: string, year: number): CommerceOccurrence[] {
  const g = groups(country);
  const out: CommerceOccurrence[] = [];
  for (const rule of RULES) {
    const uplift = g.map((name) => rule.uplift[name]).find((u) => u !== undefined);
    if (uplift === undefined) continue;
    const [start, end] = rule.dates(year);
    out.push({ key: rule.key, name: rule.name, start, end, uplift });
  }
  return out;
}

/** Parse the day of a date-holidays date string "YYYY-MM-DD hh:mm:ss [tz]". */
export function holidayDay(text: string): Day | undefined {
  return dayFromIso(text.slice(0, 10));
}
