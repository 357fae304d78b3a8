/** The languages of the product's UI, messages and sheet headers. */
export type Lang = "en" | "zh-CN";

export const LANGS: readonly Lang[] = ["en", "zh-CN"];

/**
 * Maps an Office or browser display language ("zh-CN", "zh-TW", "en-US", "de")
 * to one of ours: any Chinese variant reads Chinese, everything else English.
 */
export function langFromLocale(locale: string | undefined | null): Lang {
  return typeof locale === "string" && /^zh\b/i.test(locale) ? "zh-CN" : "en";
}
