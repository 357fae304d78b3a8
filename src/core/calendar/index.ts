export type { EventKind, MarketCalendar, MarketEvent, UpliftSource } from "./marketEvent";
export { marketCalendar, marketEvents, CNY_SUPPLY_DELAY_DAYS } from "./marketCalendar";
export { thanksgiving } from "./commerceEvents";
export { estimateUplifts, weekUplift, supplyDelayDays, type WeeklySeries } from "./uplift";
export { forecastWithCalendar, type CalendarForecast } from "./forecastWithCalendar";
