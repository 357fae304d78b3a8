import { pastStreamItems, streamObservations } from "../../../src/core/stream";
import { dayFromIso, type Day } from "../../../src/core/time/day";
import type { PlanInput } from "../../../src/core/data/model";
import { fraction, units } from "../../../src/core/units";

const d = (iso: string): Day => dayFromIso(iso) as Day;

describe("streamObservations", () => {
  const input: Pick<PlanInput, "streams" | "streamItems" | "sales"> = Object.freeze({
    streams: [
      {
        streamId: "S1",
        date: d("2026-10-01"),
        warehouse: "US-W",
        peakViewers: 12000,
        avgDwellMin: 3.5,
        ctr: fraction(0.06),
        conversion: fraction(0.05),
        attachRate: 1.3,
      },
      { streamId: "S2", date: d("2026-10-20"), warehouse: "US-W", peakViewers: 4000, avgDwellMin: 2 },
      { streamId: "P1", date: d("2026-12-01"), warehouse: "US-W", peakViewers: 50000, avgDwellMin: 4 },
    ],
    streamItems: [
      { streamId: "S1", sku: "A", units: units(120) },
      { streamId: "S1", sku: "B", units: units(0) },
      { streamId: "S2", sku: "A" },
      { streamId: "S2", sku: "C" },
      { streamId: "P1", sku: "A" },
    ],
    sales: [
      { date: d("2026-10-20"), sku: "A", warehouse: "US-W", units: units(30), streamId: "S2" },
      { date: d("2026-10-20"), sku: "A", warehouse: "US-W", units: units(5), streamId: "S2" },
      { date: d("2026-10-20"), sku: "A", warehouse: "US-W", units: units(7) },
    ],
  });

  it("one observation per past stream item, with its warehouse; blank units from the Sales rows naming the stream; zeros kept", () => {
    expect(streamObservations(input, d("2026-11-25"))).toEqual([
      {
        viewers: 12000,
        dwellMin: 3.5,
        units: 120,
        sku: "A",
        warehouse: "US-W",
        ctr: 0.06,
        conversion: 0.05,
        unitsPerOrder: 1.3,
      },
      {
        viewers: 12000,
        dwellMin: 3.5,
        units: 0,
        sku: "B",
        warehouse: "US-W",
        ctr: 0.06,
        conversion: 0.05,
        unitsPerOrder: 1.3,
      },
      { viewers: 4000, dwellMin: 2, units: 35, sku: "A", warehouse: "US-W" },
    ]);
  });

  it("a stream with under one peak viewer teaches nothing: its items are left out", () => {
    const slip = {
      ...input,
      streams: input.streams.map((s) => (s.streamId === "S1" ? { ...s, peakViewers: 1e-120 } : s)),
    };
    expect(streamObservations(slip, d("2026-11-25")).map((o) => o.viewers)).toEqual([4000]);
  });

  it("streams on or after the plan date are planned, not history", () => {
    expect(streamObservations(input, d("2026-10-20")).map((o) => o.units)).toEqual([120, 0]);
  });

  it("no Sales row names a stream: an item's blank units are its SKU's sales there on the stream's day", () => {
    const noIds = {
      ...input,
      sales: [
        { date: d("2026-10-20"), sku: "A", warehouse: "US-W", units: units(30) },
        { date: d("2026-10-20"), sku: "A", warehouse: "US-W", units: units(7) },
        { date: d("2026-10-20"), sku: "A", warehouse: "DE", units: units(50) },
        { date: d("2026-10-21"), sku: "C", warehouse: "US-W", units: units(9) },
      ],
    };
    expect(pastStreamItems(noIds, d("2026-11-25")).map((p) => [p.stream.streamId, p.sku, p.units])).toEqual([
      ["S1", "A", 120],
      ["S1", "B", 0],
      ["S2", "A", 37],
      ["S2", "C", undefined],
    ]);
  });

  it("pastStreamItems keeps the items with unknown units, as undefined", () => {
    expect(pastStreamItems(input, d("2026-11-25")).map((p) => [p.stream.streamId, p.sku, p.units])).toEqual([
      ["S1", "A", 120],
      ["S1", "B", 0],
      ["S2", "A", 35],
      ["S2", "C", undefined],
    ]);
  });
});

describe("sold-out stream items (StreamItems sold_out)", () => {
  const input: Pick<PlanInput, "streams" | "streamItems" | "sales"> = {
    streams: [
      { streamId: "S1", date: d("2026-10-01"), warehouse: "W", peakViewers: 1000, avgDwellMin: 2 },
      { streamId: "S2", date: d("2026-10-08"), warehouse: "W", peakViewers: 1000, avgDwellMin: 2 },
    ],
    streamItems: [
      { streamId: "S1", sku: "A", units: units(80) },
      { streamId: "S2", sku: "A", units: units(12), soldOut: true },
    ],
    sales: [],
  };

  it("are listed as censored and left out of the stream model's observations", () => {
    expect(pastStreamItems(input, d("2026-11-01")).map((p) => p.soldOut)).toEqual([false, true]);
    expect(streamObservations(input, d("2026-11-01")).map((o) => o.units)).toEqual([80]);
  });
});
