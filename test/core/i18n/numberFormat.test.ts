import fc from "fast-check";
import { formatMoney, formatQuantity, LANGS } from "../../../src/core/i18n";
import { formatNumberOfKind } from "../../../src/core/i18n/numberFormat";

describe("formatQuantity", () => {
  test("groups thousands with commas, in English and in Simplified Chinese alike", () => {
    for (const lang of LANGS) {
      expect(formatQuantity(lang, 5373)).toBe("5,373");
      expect(formatQuantity(lang, 1234567)).toBe("1,234,567");
      expect(formatQuantity(lang, 999)).toBe("999");
    }
  });

  test("no decimals for a whole number; the decimals the caller rounded to otherwise", () => {
    expect(formatQuantity("en", 1200)).toBe("1,200");
    expect(formatQuantity("en", 1234.5)).toBe("1,234.5");
    expect(formatQuantity("en", 0.125)).toBe("0.125");
  });

  test("zero, negative zero and negatives", () => {
    expect(formatQuantity("en", 0)).toBe("0");
    expect(formatQuantity("en", -0)).toBe("0");
    expect(formatQuantity("zh-CN", -5373)).toBe("-5,373");
  });

  test("property: with its commas taken out, it is the number String() writes", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.constantFrom(...LANGS), (n, lang) => {
        expect(formatQuantity(lang, n).replace(/,/g, "")).toBe(String(n === 0 ? 0 : n));
      }),
    );
  });
});

describe("formatMoney", () => {
  test("groups thousands and writes two decimals, in both languages", () => {
    for (const lang of LANGS) {
      expect(formatMoney(lang, 1234.5)).toBe("1,234.50");
      expect(formatMoney(lang, 5000)).toBe("5,000.00");
      expect(formatMoney(lang, 0.5)).toBe("0.50");
    }
  });

  test("rounds to the cent; a loss that rounds to nothing is not “-0.00”", () => {
    expect(formatMoney("en", 1234.567)).toBe("1,234.57");
    expect(formatMoney("en", -0.001)).toBe("0.00");
    expect(formatMoney("en", -1234.5)).toBe("-1,234.50");
  });

  test("property: with its commas taken out, it reads back as the amount to the cent", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), fc.constantFrom(...LANGS), (x, lang) => {
        const s = formatMoney(lang, x);
        expect(s).toMatch(/^-?\d{1,3}(,\d{3})*\.\d\d$/);
        expect(Math.abs(Number(s.replace(/,/g, "")) - x)).toBeLessThanOrEqual(0.005 + 1e-6);
      }),
    );
  });
});

describe("formatNumberOfKind", () => {
  test("a plain number is written as String() writes it: a year, a row, an id", () => {
    expect(formatNumberOfKind("en", "plain", 2025)).toBe("2025");
    expect(formatNumberOfKind("zh-CN", "plain", 1048576)).toBe("1048576");
    expect(formatNumberOfKind("en", "plain", 97.5)).toBe("97.5");
  });

  test("a quantity and money as their formatters write them", () => {
    expect(formatNumberOfKind("en", "quantity", 5373)).toBe("5,373");
    expect(formatNumberOfKind("zh-CN", "money", 1234.5)).toBe("1,234.50");
  });
});
