import type { Lang } from "./lang";

/**
 * How a number in a message is written, decided by what it counts, never by its size:
 * a quantity (units of stock, or how many SKUs, streams, problems) and money are grouped
 * by thousands as Excel's "#,##0" shows them; everything else — years, dates, row and
 * column numbers, positions, ids, seeds, percentages, durations in days or weeks, the
 * Settings values a user typed — is written as it is.
 */
export type NumberKind = "quantity" | "money" | "plain";

const formats = new Map<string, Intl.NumberFormat>();

// One formatter per language and kind: building one costs far more than using it, and a plan
// renders a message per reason of thousands of lines. `signDisplay: "negative"` keeps a
// rounded -0.001 from reading "-0.00".
function formatter(lang: Lang, kind: "quantity" | "money"): Intl.NumberFormat {
  const id = `${lang} ${kind}`;
  let f = formats.get(id);
  if (!f) {
    f = new Intl.NumberFormat(lang, {
      useGrouping: true,
      signDisplay: "negative",
      minimumFractionDigits: kind === "money" ? 2 : 0,
      maximumFractionDigits: kind === "money" ? 2 : 20,
    });
    formats.set(id, f);
  }
  return f;
}

/**
 * A quantity with its thousands grouped and its decimals as given (the caller rounds):
 * the same comma grouping in English and Simplified Chinese.
 *
 * @example formatQuantity("en", 5373) // "5,373"
 * @example formatQuantity("zh-CN", 1234.5) // "1,234.5"
 */
export const formatQuantity = (lang: Lang, n: number): string => formatter(lang, "quantity").format(n);

/**
 * An amount of money with its thousands grouped and two decimals (half away from zero).
 *
 * @example formatMoney("en", 1234.5) // "1,234.50"
 * @example formatMoney("zh-CN", 5000) // "5,000.00"
 */
export const formatMoney = (lang: Lang, n: number): string => formatter(lang, "money").format(n);

/**
 * A number as its kind is written in `lang`: grouped for a quantity, grouped with two
 * decimals for money, `String(n)` for a plain number.
 *
 * @example formatNumberOfKind("en", "plain", 2025) // "2025"
 */
export function formatNumberOfKind(lang: Lang, kind: NumberKind, n: number): string {
  if (kind === "quantity") return formatQuantity(lang, n);
  if (kind === "money") return formatMoney(lang, n);
  return String(n);
}
