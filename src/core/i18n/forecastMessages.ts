/** Messages of the forecast area; the same keys in both languages. */
export const forecastEn = {} as const;

export type ForecastMessageKey = keyof typeof forecastEn;

export const forecastZhCN: Record<ForecastMessageKey, string> = {};
