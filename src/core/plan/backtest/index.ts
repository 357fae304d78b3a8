export { runBacktest, type BacktestContext, type BacktestShipment } from "./runBacktest";
