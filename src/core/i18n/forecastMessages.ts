/** Messages of the forecast area (forecast, calendar, stream); the same keys in both languages. */
export const forecastEn = {
  forecastHistoryEmpty: "The history holds no numbers: at least one period of demand is needed.",
  forecastNotNumber: "The history holds a value that is not a number at period {period}.",
  forecastHorizon: "horizon must be a whole number from 1 to {max}.",
  forecastSeasonLength: "season_length must be a whole number of at least 1.",
  calendarUnknownCountry:
    "Country code {country} is not known to the holiday calendar: the forecast uses no public holidays for it.",
  streamNoHistory:
    "No past stream with viewers, dwell and units: at least {min} are needed to fit the stream model.",
  streamNotNumber: "{param} must be a number (row {row}).",
  streamNegative: "{param} must not be negative (row {row}).",
  streamPercentile: "percentile must be between 0 and 1 (exclusive).",
} as const;

export type ForecastMessageKey = keyof typeof forecastEn;

export const forecastZhCN: Record<ForecastMessageKey, string> = {
  forecastHistoryEmpty: "历史数据中没有数字：至少需要一期需求。",
  forecastNotNumber: "历史数据第 {period} 期的值不是数字。",
  forecastHorizon: "预测期数 horizon 必须是 1 到 {max} 之间的整数。",
  forecastSeasonLength: "季节长度 season_length 必须是不小于 1 的整数。",
  calendarUnknownCountry: "节假日日历不认识国家代码 {country}：该国的预测不计入公共假日。",
  streamNoHistory: "没有同时含观看人数、停留时长和销量的历史直播：拟合直播模型至少需要 {min} 场。",
  streamNotNumber: "{param} 必须是数字（第 {row} 行）。",
  streamNegative: "{param} 不能为负数（第 {row} 行）。",
  streamPercentile: "百分位 percentile 必须在 0 和 1 之间（不含 0 和 1）。",
};
