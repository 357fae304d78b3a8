import { dataEn, dataZhCN } from "../../../src/core/i18n/dataMessages";
import { fileEn, fileZhCN } from "../../../src/core/i18n/fileMessages";
import { forecastEn, forecastZhCN } from "../../../src/core/i18n/forecastMessages";
import { functionsEn, functionsZhCN } from "../../../src/core/i18n/functionsMessages";
import { planEn, planZhCN } from "../../../src/core/i18n/planMessages";
import { simulateEn, simulateZhCN } from "../../../src/core/i18n/simulateMessages";
import { uiEn, uiZhCN } from "../../../src/core/i18n/uiMessages";
import { langFromLocale, LANGS, PLACEHOLDER_KINDS, t, type MessageKey } from "../../../src/core/i18n";

const parts: Record<string, [Record<string, string>, Record<string, string>]> = {
  functions: [functionsEn, functionsZhCN],
  forecast: [forecastEn, forecastZhCN],
  data: [dataEn, dataZhCN],
  file: [fileEn, fileZhCN],
  plan: [planEn, planZhCN],
  simulate: [simulateEn, simulateZhCN],
  ui: [uiEn, uiZhCN],
};

// A language's own name is the same in every catalogue: "English" stays English in the Chinese UI;
// so is the product's name, the simulation's name for its own policy.
const SAME_BY_DESIGN = new Set(["langEn", "simPolicyLivestock"]);

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

  test("t groups a quantity and writes money with two decimals, the same in both languages", () => {
    const params = {
      gap: 5373,
      mode: "AIR",
      qty: 5400,
      from: "CN",
      shipBy: "2026-12-03",
      cost: 1234.5,
      left: 3800,
    };
    expect(t("en", "planActionSuggest", params)).toBe(
      "Short by 5,373 units at P90: AIR of 5,400 units from CN, ship by 2026-12-03, would cost 1,234.50 — not funded (emergency budget left this month: 3,800.00).",
    );
    expect(t("zh-CN", "planActionSuggest", params)).toBe(
      "按 P90 缺 5,373 件:从 CN AIR 5,400 件,2026-12-03 前发货,费用 1,234.50 —— 未获资金(本月应急预算余额:3,800.00)。",
    );
  });

  test("t never groups a row number, a column, a position, a year or an id", () => {
    expect(
      t("en", "cliProblemLine", { table: "Sales", row: 1234, column: "units", cell: "", message: "x" }),
    ).toBe("[Sales] row 1234, column units: x");
    expect(t("zh-CN", "dataDuplicateKey", { key: "LS-1001", firstRow: 12345, keyColumns: "sku" })).toContain(
      "12345",
    );
    expect(t("en", "errorInRange", { param: "history", pos: 1500 })).toContain("position 1500");
    expect(
      t("en", "simAbout", { world: "w", weeks: 26, start: "2026-01-05", runs: 30, seed: 20251 }),
    ).toContain("seed 20251");
    expect(t("en", "dataSaleAfter2100", { column: "date", value: 2101 })).toBe(
      "date 2101 is after 2100-12-31: a placeholder or a typo, not a sale's date. Correct it.",
    );
  });

  test("text given for a placeholder is put in as it is, whatever its kind", () => {
    expect(t("en", "planActionNoLane", { gap: "12345" })).toContain("Short by 12345 units");
  });

  test("every placeholder of every message is classified, and nothing else is", () => {
    const used = new Set<string>();
    const unclassified: string[] = [];
    for (const [en, zh] of Object.values(parts))
      for (const key of Object.keys(en))
        for (const name of [...placeholders(en[key]), ...placeholders(zh[key])]) {
          used.add(name);
          if (!(name in PLACEHOLDER_KINDS)) unclassified.push(`${key}.{${name}}`);
        }
    expect(unclassified).toEqual([]);
    expect(Object.keys(PLACEHOLDER_KINDS).filter((name) => !used.has(name))).toEqual([]);
  });

  test("positions, labels and values a user typed are never grouped", () => {
    const plain = ["row", "firstRow", "pos", "period", "column", "cell", "run", "week", "seed"];
    const labels = [
      "date",
      "start",
      "planDate",
      "stream",
      "sku",
      "warehouse",
      "key",
      "code",
      "value",
      "min",
      "max",
    ];
    for (const name of [...plain, ...labels])
      expect([name, PLACEHOLDER_KINDS[name]]).toEqual([name, "plain"]);
  });

  test("every message writes a number as its placeholder's kind says, in both languages", () => {
    const written = { plain: "1234567", quantity: "1,234,567", money: "1,234,567.00" };
    const wrong: string[] = [];
    for (const [en] of Object.values(parts))
      for (const key of Object.keys(en)) {
        const names = placeholders(en[key]);
        for (const lang of LANGS)
          for (const name of names) {
            // The number, with every other placeholder given a word that cannot look like it.
            const params = Object.fromEntries(names.map((n) => [n, n === name ? 1234567 : "·"]));
            const text = t(lang, key as MessageKey, params);
            if (!text.includes(written[PLACEHOLDER_KINDS[name]]))
              wrong.push(`${lang} ${key}.{${name}}: ${text}`);
          }
      }
    expect(wrong).toEqual([]);
  });

  test("Office display languages map to ours: any zh-* is Chinese, the rest English", () => {
    expect(langFromLocale("zh-CN")).toBe("zh-CN");
    expect(langFromLocale("zh-TW")).toBe("zh-CN");
    expect(langFromLocale("en-US")).toBe("en");
    expect(langFromLocale("de-DE")).toBe("en");
    expect(langFromLocale(undefined)).toBe("en");
  });
});
