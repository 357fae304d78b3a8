import {
  asRows,
  numberRows,
  numberSample,
  numberVector,
  optionalNumber,
  requiredNumber,
  textCells,
} from "../../src/functions/coerce";

const kind = (k: string) => expect.objectContaining({ kind: k });

describe("Excel argument coercion", () => {
  test("numbers typed as text are numbers; other text is #VALUE!", () => {
    expect(requiredNumber(" 12.5 ", "x")).toBe(12.5);
    expect(requiredNumber("-3e2", "x")).toBe(-300);
    for (const text of ["0x10", "1,000", "12 units", "Infinity"])
      expect(() => requiredNumber(text, "x")).toThrow(kind("value"));
  });
  test("a blank required argument is #VALUE!, a blank optional one takes its default", () => {
    for (const blank of [null, undefined, "", "   "]) {
      expect(() => requiredNumber(blank, "x")).toThrow(kind("value"));
      expect(optionalNumber(blank, "x", 7)).toBe(7);
    }
  });
  test("a 1×1 range counts as its cell; a larger range is #VALUE!", () => {
    expect(requiredNumber([[4]], "x")).toBe(4);
    expect(() => requiredNumber([[1, 2]], "x")).toThrow(kind("value"));
  });
  test("NaN and ±Infinity are #NUM!; booleans and error objects #VALUE!", () => {
    for (const n of [NaN, Infinity, -Infinity]) expect(() => requiredNumber(n, "x")).toThrow(kind("num"));
    expect(() => requiredNumber(false, "x")).toThrow(kind("value"));
    expect(() => numberSample([[1], [{ code: "#DIV/0!" }]], "x")).toThrow(kind("value"));
  });
  test("asRows: a scalar is a 1×1 range; ranges pass through", () => {
    expect(asRows(5)).toEqual([[5]]);
    const r = [[1, 2]];
    expect(asRows(r)).toBe(r);
  });
  test("numberVector: a row or a column in order, trailing blanks dropped", () => {
    expect(numberVector([[1, "2", 3, "", null]], "x")).toEqual([1, 2, 3]);
    expect(numberVector([[1], [2], [""]], "x")).toEqual([1, 2]);
    expect(numberVector([[""]], "x")).toEqual([]);
  });
  test("numberSample skips blanks anywhere in a block", () => {
    expect(
      numberSample(
        [
          [1, ""],
          [null, "4"],
        ],
        "x",
      ),
    ).toEqual([1, 4]);
  });
  test("numberRows: a blank row is null, a blank cell in a filled row is 0", () => {
    expect(
      numberRows(
        [
          [1, ""],
          ["", null],
          [3, 4],
        ],
        "x",
        2,
      ),
    ).toEqual([[1, 0], null, [3, 4]]);
    expect(() => numberRows([[1, 2, 3]], "x", 2)).toThrow(kind("value"));
  });
  test("textCells trims names and treats blanks as missing", () => {
    expect(textCells([[" SEA "], [""], [null], [42], ["  "]], "modes")).toEqual([
      "SEA",
      undefined,
      undefined,
      "42",
      undefined,
    ]);
    expect(() => textCells([["SEA"], [new Error("#N/A")]], "modes")).toThrow(/modes/);
  });
});
