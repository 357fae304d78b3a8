import { dataEn, dataZhCN } from "./dataMessages";
import { fileEn, fileZhCN } from "./fileMessages";
import { forecastEn, forecastZhCN } from "./forecastMessages";
import { functionsEn, functionsZhCN } from "./functionsMessages";
import { planEn, planZhCN } from "./planMessages";
import { simulateEn, simulateZhCN } from "./simulateMessages";
import { uiEn, uiZhCN } from "./uiMessages";
import type { Lang } from "./lang";

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
 * The message `key` in `lang`, with each `{name}` replaced by `params.name`.
 *
 * @example t("en", "negative", { param: "lead_time" }) // "lead_time must not be negative."
 */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
