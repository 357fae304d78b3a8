import type { Lang } from "../core/i18n";

/** Numbers as the pane shows them, in the pane's language. */
export const formatNumber = (lang: Lang, n: number, digits = 0): string =>
  new Intl.NumberFormat(lang, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n);

export const formatPercent = (lang: Lang, n: number | null): string =>
  n === null ? "—" : new Intl.NumberFormat(lang, { style: "percent", maximumFractionDigits: 1 }).format(n);

/**
 * A problem's cell address ("C12") as row and column numbers.
 *
 * @example parseCellAddress("C12") // { row: 12, column: 3 }
 */
export function parseCellAddress(address: string): { row: number; column: number } | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(address.trim().toUpperCase());
  if (!m) return undefined;
  const column = [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(m[2]), column };
}
