import { roundedCell } from "../../../src/core/plan/roundedCell";

describe("roundedCell", () => {
  it("rounds a finite number to the digits asked for, two by default (the doc's examples)", () => {
    expect(roundedCell(2.345, 1)).toBe(2.3);
    expect(roundedCell(2.345)).toBe(2.35);
    expect(roundedCell(1234.5, 0)).toBe(1235);
    expect(roundedCell(-0.125, 2)).toBe(-0.12);
  });

  it("leaves the cell blank for NaN, Infinity, null and a missing value", () => {
    for (const x of [Number.NaN, Infinity, -Infinity, null, undefined]) expect(roundedCell(x)).toBeNull();
  });

  it("keeps zero and whole numbers as they are", () => {
    expect(roundedCell(0)).toBe(0);
    expect(roundedCell(42, 3)).toBe(42);
  });
});
