import { dataEn, dataZhCN } from "./dataMessages";
import { fileEn, fileZhCN } from "./fileMessages";
import { forecastEn, forecastZhCN } from "./forecastMessages";
import { functionsEn, functionsZhCN } from "./functionsMessages";
import { planEn, planZhCN } from "./planMessages";
import { simulateEn, simulateZhCN } from "./simulateMessages";
import { uiEn, uiZhCN } from "./uiMessages";
import type { Lang } from "./lang";
import { formatNumberOfKind } from "./numberFormat";
import { PLACEHOLDER_KINDS } from "./placeholderKinds";

/**
 * The message catalogue, one per language. Each area of the product keeps its
 * own part (functions, data, plan, UI) and is merged here, so that a key
 * missing from the Chinese part is a compile error rather than a blank label.
 */
const en = { ...functionsEn, ...forecastEn, ...dataEn, ...fileEn, ...planEn, ...simulateEn, ...uiEn };

export type MessageKey = keyof typeof en;
export type MessageParams = Readonly<Record<string, string | number>>;

const zhCN: Record<MessageKey, string> = {
  ...functionsZhCN,
  ...forecastZhCN,
  ...dataZhCN,
  ...fileZhCN,
  ...planZhCN,
  ...simulateZhCN,
  ...uiZhCN,
};

const catalogues: Record<Lang, Record<MessageKey, string>> = { en, "zh-CN": zhCN };

/**
 * The message `key` in `lang`, with each `{name}` replaced by `params.name`. A number is
 * written as its placeholder's kind says (PLACEHOLDER_KINDS): a quantity grouped
 * ("5,373"), money grouped with two decimals ("1,234.50"), anything else — a row, a year,
 * an id, a percentage — as it is. Text is put in unchanged.
 *
 * @example t("en", "negative", { param: "lead_time" }) // "lead_time must not be negative."
 * @example t("en", "planActionNoLane", { gap: 5373 }) // "Short by 5,373 units at P90 and no fast lane …"
 */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    if (!(name in params)) return whole;
    const value = params[name];
    return typeof value === "number"
      ? formatNumberOfKind(lang, PLACEHOLDER_KINDS[name] ?? "plain", value)
      : value;
  });
}
