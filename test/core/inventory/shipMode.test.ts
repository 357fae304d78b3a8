import { chooseShipMode } from "../../../src/core/inventory";

const lanes = Object.freeze([
  { mode: "SEA", leadDays: 35, cost: 0.5 },
  { mode: "AIR", leadDays: 8, cost: 3 },
  { mode: "EXPRESS", leadDays: 4, cost: 7 },
  { mode: "TRANSFER", leadDays: 3, cost: 1.5 },
]);

describe("chooseShipMode", () => {
  test("seed: bulk by sea when there is time", () => {
    expect(chooseShipMode(60, lanes)).toMatchObject({ mode: "SEA", onTime: true });
  });
  test("a transfer beats express and air when it arrives in time and costs less", () => {
    expect(chooseShipMode(10, lanes)).toMatchObject({ mode: "TRANSFER", onTime: true });
  });
  test("if nothing arrives in time, the fastest, flagged late", () => {
    expect(chooseShipMode(2, lanes)).toMatchObject({ mode: "TRANSFER", onTime: false });
  });
  test("equal cost: the faster one; equal both: the first listed", () => {
    const tie = [
      { mode: "X", leadDays: 10, cost: 1 },
      { mode: "Y", leadDays: 5, cost: 1 },
      { mode: "Z", leadDays: 5, cost: 1 },
    ];
    expect(chooseShipMode(20, tie).mode).toBe("Y");
  });
  test("no options → InputError(na); a negative lead or cost → InputError(num)", () => {
    expect(() => chooseShipMode(5, [])).toThrow(expect.objectContaining({ kind: "na" }));
    expect(() => chooseShipMode(5, [{ mode: "A", leadDays: -1, cost: 1 }])).toThrow(
      expect.objectContaining({ kind: "num" }),
    );
    expect(() => chooseShipMode(5, [{ mode: "A", leadDays: 1, cost: -1 }])).toThrow(
      expect.objectContaining({ kind: "num" }),
    );
  });
});
