import { expectExcelError, loadBuiltFunctions, row, type LoadedFunctions } from "../helpers/builtFunctions";

/**
 * How Excel hands arguments over, through the built dist/functions.js and
 * functions.json: every parameter is declared `any`, so text and booleans reach
 * the functions and get the contract's messages naming the argument; data types
 * are not opted into, and a data-type value that arrives anyway counts as its
 * basic value.
 */
let fns: LoadedFunctions;
beforeAll(async () => {
  fns = await loadBuiltFunctions();
});

describe("functions.json", () => {
  it("declares every parameter `any`, so Excel does not convert or reject arguments before our messages", () => {
    const types = fns.metadata.functions.flatMap((f) =>
      f.parameters.map((p) => `${f.id}(${p.name}): ${p.type}`),
    );
    expect(types.filter((t) => !t.endsWith(": any"))).toEqual([]);
  });

  it("does not opt into data types (allowCustomDataForDataTypeAny, CustomFunctionsRuntime 1.4)", () => {
    expect(fns.metadata).not.toHaveProperty("allowCustomDataForDataTypeAny");
  });
});

describe("arguments as Excel passes them", () => {
  it("names the argument when a scalar is text or a boolean", () => {
    expectExcelError(
      fns.call("WEEKS_OF_COVER", "abc", row(10)),
      "#VALUE!",
      /on_hand must be a number, not “abc”/,
    );
    expectExcelError(
      fns.call("WEEKS_OF_COVER", true, row(10)),
      "#VALUE!",
      /on_hand must be a number, not TRUE/,
    );
    expect(fns.call("WEEKS_OF_COVER", "40", row(10))).toBe(4);
  });

  it("takes a formatted number (a data type) as its basic value", () => {
    const formatted = { type: "FormattedNumber", basicValue: 40, numberFormat: "#,##0" };
    expect(fns.call("WEEKS_OF_COVER", formatted, row(10))).toBe(4);
    expect(fns.call("WEEKS_OF_COVER", 40, [[{ type: "Double", basicValue: 10 }]])).toBe(4);
  });

  it("answers an entity where a number belongs with #VALUE! naming the argument; takes its text where text belongs", () => {
    const entity = { type: "Entity", text: "Apple", basicValue: "#VALUE!", properties: {} };
    expectExcelError(
      fns.call("WEEKS_OF_COVER", entity, row(10)),
      "#VALUE!",
      /on_hand must be a number, not “Apple”/,
    );
    expect(fns.call("SHIP_MODE", 20, [[entity]], row(8), row(3))).toBe("Apple");
  });
});
