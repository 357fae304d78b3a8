export { runBacktest, type BacktestContext } from "./runBacktest";
