import type { NumberKind } from "./numberFormat";

/**
 * The kind of number each `{name}` placeholder of the catalogues holds, which decides how
 * `t()` writes a number given for it (see NumberKind). A name means one kind in every
 * message (a name twice here does not compile); a test holds every placeholder of every
 * message to this table, so a new placeholder must be classified here.
 *
 * @example PLACEHOLDER_KINDS.qty // "quantity"
 */
export const PLACEHOLDER_KINDS: Readonly<Record<string, NumberKind>> = {
  // Units of stock, and counts of things a planner could have thousands of (SKUs, streams,
  // problems, rows, cells): grouped, as Excel's "#,##0" shows them.
  atRisk: "quantity", // streams at risk
  available: "quantity", // units on hand for a stream
  casePack: "quantity", // units per case
  cols: "quantity", // columns given to a custom function
  count: "quantity", // problems, rows, SKUs, streams, sheets
  gap: "quantity", // units short at P90
  hold: "quantity", // units tier 2 holds for a stream
  inTransit: "quantity",
  largest: "quantity", // viewers of the largest past stream
  level: "quantity", // units to hold by a stream's eve
  lost: "quantity", // units of lost sales
  mean: "quantity", // expected units of a stream
  low: "quantity", // lowest stock, units
  minimum: "quantity", // a lane's minimum shipment, units
  moq: "quantity", // the supplier's minimum order, units
  more: "quantity", // further planned shipments
  n: "quantity", // past streams or stream × SKU results
  netNeed: "quantity", // units the order-up-to arithmetic needs
  now: "quantity", // SKUs to restock this week
  onHand: "quantity",
  otherCount: "quantity", // cells of another range
  p90: "quantity", // units at P90
  planned: "quantity", // units already planned; planned streams
  qty: "quantity", // units shipped
  rows: "quantity", // rows of a range, table or Sales
  ss: "quantity", // safety stock, units
  target: "quantity", // order-up-to level, units
  total: "quantity", // units, SKUs or pairs in all
  units: "quantity",
  viewers: "quantity",

  // Money: grouped, two decimals.
  budget: "money", // the month's emergency budget
  cost: "money", // freight of an emergency shipment
  freight: "money", // freight of a unit
  fee: "money", // a lane's fixed cost per shipment
  left: "money", // emergency budget left
  margin: "money", // margin of a unit
  recovered: "money", // margin an emergency shipment would recover
  spent: "money", // emergency budget spent

  // Never grouped: positions and labels (row, column, position, period, run, week, seed,
  // year, date, id, SKU code, warehouse, stream), percentages and ratios as the caller writes
  // them, durations in days or weeks, the Settings and cell values a user typed and their
  // bounds (a value must read as the user wrote it), and text. A text param (a composed
  // freight line, a list) is formatted by its caller with formatMoney or formatQuantity.
  a: "plain",
  action: "plain",
  arrive: "plain",
  b: "plain",
  band: "plain", // text: a band of units, formatted by the caller
  bias: "plain",
  bulk: "plain",
  cap: "plain", // weeks
  cell: "plain",
  classService: "plain", // %
  cls: "plain",
  code: "plain",
  column: "plain",
  columnZh: "plain",
  costs: "plain", // text: freight by mode, formatted by the caller
  country: "plain",
  cover: "plain", // weeks of cover
  date: "plain",
  days: "plain",
  deadline: "plain",
  detail: "plain",
  fallback: "plain", // a setting's default
  fast: "plain",
  field: "plain",
  file: "plain",
  fill: "plain", // % of a stream's units served
  fills: "plain",
  first: "plain",
  firstRow: "plain", // row number
  folder: "plain",
  from: "plain",
  key: "plain",
  keyColumns: "plain",
  kind: "plain",
  known: "plain",
  lead: "plain", // days
  length: "plain", // characters, next to Excel's limit {max}
  limit: "plain", // text, formatted by the caller
  lowDate: "plain",
  mape: "plain",
  max: "plain", // a setting's, a cell's or a function's bound
  message: "plain",
  method: "plain",
  min: "plain", // a setting's, a function's or a world file's bound
  mode: "plain",
  name: "plain",
  naive: "plain", // text: a fill rate, freight line or cover
  naiveStock: "plain", // text, formatted by the caller
  naiveStream: "plain",
  need: "plain", // a date
  optional: "plain",
  orderDate: "plain",
  other: "plain",
  p99: "plain", // a date
  param: "plain",
  period: "plain", // position in a history
  planDate: "plain",
  planner: "plain", // text: a fill rate, freight line or cover
  plannerStock: "plain", // text, formatted by the caller
  plannerStream: "plain",
  policies: "plain",
  policy: "plain",
  pos: "plain", // position in a range
  range: "plain",
  rate: "plain", // text: a percentage
  ratio: "plain", // margin recovered per unit of freight
  required: "plain",
  row: "plain", // row number, as Excel shows it
  run: "plain", // run number
  runs: "plain",
  scheme: "plain",
  second: "plain",
  seconds: "plain",
  seed: "plain",
  service: "plain", // %
  sheet: "plain",
  sheets: "plain",
  shipBy: "plain",
  size: "plain", // text, formatted by the caller
  sku: "plain",
  skus: "plain",
  start: "plain",
  stream: "plain",
  table: "plain",
  tableZh: "plain",
  to: "plain",
  value: "plain", // a cell's or setting's value as the user wrote it
  values: "plain",
  warehouse: "plain",
  week: "plain", // week number
  weeks: "plain",
  where: "plain",
  world: "plain",
};
