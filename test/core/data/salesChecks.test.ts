import { isStreamPlaceholder, LAST_SALES_DAY, salesDateLimit } from "../../../src/core/data/salesChecks";
import { addDays, dayFromIso } from "../../../src/core/time/day";

describe("isStreamPlaceholder", () => {
  it.each(["-", "0", "N/A", "#N/A", "无", "none", " NONE ", "—"])("%p means not a stream", (id) =>
    expect(isStreamPlaceholder(id)).toBe(true),
  );
  it.each(["S1", "LIVE-0", "00", "直播1"])("%p is a stream id", (id) =>
    expect(isStreamPlaceholder(id)).toBe(false),
  );
});

describe("salesDateLimit", () => {
  const start = dayFromIso("2024-01-01")!;
  const days = (n: number) => Array.from({ length: n }, (_, i) => addDays(start, i));

  it("is the plan date when one is given", () => {
    const plan = dayFromIso("2025-01-01")!;
    expect(salesDateLimit(days(500), plan)).toEqual({ lastDay: plan, message: "dataSaleAfterPlanDate" });
  });

  it("is 2100-12-31 for fewer than 100 dates, where the 99th percentile is the latest one", () => {
    expect(salesDateLimit([...days(98), 2958465], undefined).lastDay).toBe(LAST_SALES_DAY);
  });

  it("is 28 days after the 99th-percentile date (nearest rank)", () => {
    const limit = salesDateLimit(days(1000), undefined);
    expect(limit.p99).toBe(addDays(start, 989));
    expect(limit.lastDay).toBe(addDays(start, 1017));
    expect(limit.message).toBe("dataSaleFarAfterOthers");
  });

  it("never passes 2100-12-31", () => {
    const late = Array.from({ length: 200 }, () => dayFromIso("2100-12-30")!);
    expect(salesDateLimit(late, undefined).lastDay).toBe(LAST_SALES_DAY);
  });
});
