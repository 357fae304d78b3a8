import { dataRoot, forecastCsv, parseSeries } from "../../../bench/forecast/dataset";

// The glue of `npm run bench:forecast`: reading the long-format CSVs and writing what score.py reads.
describe("bench:forecast data glue", () => {
  const train = "series_id,period_index,value\nB,2,20\nA,1,1\nB,1,10\nA,2,2\nA,3,3\n";
  const meta = "series_id,n_train,h,freq\nB,2,2,12\nA,3,1,12\n";

  it("parses series in meta order with values sorted by period_index", () => {
    expect(parseSeries(train, meta)).toEqual([
      { id: "B", train: [10, 20], h: 2 },
      { id: "A", train: [1, 2, 3], h: 1 },
    ]);
  });

  it("writes series_id,horizon_step,forecast rows, steps 1..h, non-finite values as 0", () => {
    const series = parseSeries(train, meta);
    expect(forecastCsv(series, [[5, NaN], [7]])).toBe(
      "series_id,horizon_step,forecast\nB,1,5\nB,2,0\nA,1,7\n",
    );
  });

  it("finds the data at ../shared/data/forecast from the repository root unless FORECAST_DATA says otherwise", () => {
    expect(dataRoot("/x/repo", {})).toBe("/x/shared/data/forecast");
    expect(dataRoot("/x/repo", { FORECAST_DATA: "/data/fc" })).toBe("/data/fc");
  });
});
