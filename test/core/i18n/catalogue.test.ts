import { dataEn, dataZhCN } from "../../../src/core/i18n/dataMessages";
import { forecastEn, forecastZhCN } from "../../../src/core/i18n/forecastMessages";
import { functionsEn, functionsZhCN } from "../../../src/core/i18n/functionsMessages";
import { planEn, planZhCN } from "../../../src/core/i18n/planMessages";
import { uiEn, uiZhCN } from "../../../src/core/i18n/uiMessages";
import { langFromLocale, t } from "../../../src/core/i18n";

const parts: Record<string, [Record<string, string>, Record<string, string>]> = {
  functions: [functionsEn, functionsZhCN],
  forecast: [forecastEn, forecastZhCN],
  data: [dataEn, dataZhCN],
  plan: [planEn, planZhCN],
  ui: [uiEn, uiZhCN],
};

// A language's own name is the same in every catalogue: "English" stays English in the Chinese UI.
const SAME_BY_DESIGN = new Set(["langEn"]);

const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the message catalogue", () => {
  test("no key is defined by two areas (the merge would silently keep only one)", () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [area, [en]] of Object.entries(parts))
      for (const key of Object.keys(en)) {
        if (owner.has(key)) clashes.push(`${key} (${owner.get(key)} and ${area})`);
        owner.set(key, area);
      }
    expect(clashes).toEqual([]);
  });

  test("every Chinese message fills the same placeholders as its English one, and is Chinese", () => {
    const wrong: string[] = [];
    for (const [en, zh] of Object.values(parts))
      for (const key of Object.keys(en)) {
        if (placeholders(en[key]).join() !== placeholders(zh[key] ?? "").join()) wrong.push(key);
        const sameAsEnglish = zh[key] === en[key] && /[a-z]{4}/.test(en[key].replace(/\{\w+\}/g, ""));
        if (!zh[key] || (sameAsEnglish && !SAME_BY_DESIGN.has(key))) wrong.push(`${key} (untranslated)`);
      }
    expect(wrong).toEqual([]);
  });

  test("t fills placeholders and leaves unknown ones visible", () => {
    expect(t("en", "negative", { param: "lead_time" })).toBe("lead_time must not be negative.");
    expect(t("zh-CN", "negative", { param: "lead_time" })).toBe("lead_time 不能为负数。");
    expect(t("en", "negative")).toBe("{param} must not be negative.");
  });

  test("Office display languages map to ours: any zh-* is Chinese, the rest English", () => {
    expect(langFromLocale("zh-CN")).toBe("zh-CN");
    expect(langFromLocale("zh-TW")).toBe("zh-CN");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("de-DE")).toBe("en");
    expect(langFromLocale(undefined)).toBe("en");
  });
});
