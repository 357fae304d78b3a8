import { outputColumns, type OutputColumn } from "../../../src/core/data/outputColumns";

describe("outputColumns", () => {
  it("names each column in the language asked for (the doc's example)", () => {
    expect(outputColumns("en", [["sku", "planHeaderSku", "text"]])).toEqual([
      { key: "sku", header: "sku", format: "text" },
    ]);
    expect(outputColumns("zh-CN", [["sku", "planHeaderSku", "text"]])).toEqual([
      { key: "sku", header: "货号", format: "text" },
    ]);
  });

  it("fills a header's params, keeps the order, and changes nothing it is given", () => {
    const columns: readonly OutputColumn[] = Object.freeze([
      Object.freeze(["date", "simHeaderDate", "date"] as const),
      Object.freeze([
        "stock_naive",
        "simHeaderStock",
        "integer",
        Object.freeze({ policy: "Naive" }),
      ] as const),
    ]);
    const out = outputColumns("en", columns);
    expect(out.map((c) => [c.key, c.format])).toEqual([
      ["date", "date"],
      ["stock_naive", "integer"],
    ]);
    expect(out[1].header).toContain("Naive");
    expect(out[1].header).not.toContain("{policy}");
  });

  it("gives no columns for none", () => {
    expect(outputColumns("en", [])).toEqual([]);
  });
});
