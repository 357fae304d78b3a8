/** One series of a chart: a column of the chart's sheet, by its `ColumnOut.key`. */
export interface ChartSeriesSpec {
  readonly key: string;
  readonly name: string;
  readonly type: "column" | "line";
  /** Plot on the secondary value axis (the Pareto's cumulative share). */
  readonly secondaryAxis?: boolean;
}

/**
 * A chart placed on an output sheet, plotting the first `rows` data rows of
 * that sheet's columns: `category` on the horizontal axis, one series each.
 * Plain data, so one description serves the task pane's Office.js chart and
 * the native chart the CLI puts in its xlsx file.
 */
export interface ChartSpec {
  readonly sheet: string;
  readonly title: string;
  readonly category: string;
  readonly series: readonly ChartSeriesSpec[];
  readonly rows: number;
}
