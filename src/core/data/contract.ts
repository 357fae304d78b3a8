/**
 * The workbook contract of DESIGN.md as data: each input table, its required
 * and optional columns, their English and Chinese header aliases and how each
 * cell is read. Finding tables, matching headers and validation all read this
 * one description, so the README, the messages and the checks cannot drift.
 */

export type TableName =
  | "SKUs"
  | "Warehouses"
  | "Stock"
  | "InTransit"
  | "Sales"
  | "Streams"
  | "StreamItems"
  | "Orders"
  | "Lanes"
  | "Settings";

/**
 * How a cell is read. `key`/`text`: text as written (numbers become their
 * digits); `number`: a finite number (text such as "1,234" accepted);
 * `fraction`: a number in [0, 1], "8%" accepted; `date`: see `parseDay`;
 * `mode`, `class`, `country`: a code from a fixed set; `flag`: yes (TRUE, 1, yes, y, 是) or
 * no (FALSE, 0, no, n, 否, blank); `scalar`: text or number as given.
 */
export type ColumnKind =
  "key" | "text" | "number" | "fraction" | "date" | "mode" | "class" | "country" | "flag" | "scalar";

/** Bounds of a numeric column: `nonNegative` ≥ 0, `positive` > 0. */
export type NumberBound = "any" | "nonNegative" | "positive";

/**
 * The largest plausible magnitude of a cell, per kind of number. Beyond these a
 * cell is a typo or a placeholder (1e306 units, 100,000 days of lead time), and
 * reading it would size the plan's arrays or overflow its sums. Revenue is a
 * row's total, so it gets more room than a price (in IDR or VND a day's sales
 * of one SKU pass 10⁹).
 */
export const LIMITS = {
  quantity: 1e9,
  money: 1e9,
  revenue: 1e12,
  days: 365,
  weightKg: 10_000,
  viewers: 1e9,
  dwellMinutes: 1440,
  streamHours: 168,
  attachRate: 1000,
  shipmentKg: 1e7,
} as const;

/** Excel's most characters in one cell: longer text cannot be written back. */
export const MAX_TEXT_LENGTH = 32_767;

export interface ColumnSpec {
  /** The contract's English name, as DESIGN.md writes it. */
  readonly name: string;
  /** The Chinese header of DESIGN.md (first) and further accepted headers. */
  readonly zh: readonly string[];
  readonly aliases?: readonly string[];
  readonly kind: ColumnKind;
  readonly required: boolean;
  readonly bound?: NumberBound;
  /** The largest magnitude accepted (see `LIMITS`); every number column has one. */
  readonly max?: number;
}

export interface TableSpec {
  readonly name: TableName;
  readonly zh: string;
  /** Further accepted table names (singular, spaced). */
  readonly aliases: readonly string[];
  /** A workbook without this table cannot be planned; the others default to empty. */
  readonly required: boolean;
  readonly columns: readonly ColumnSpec[];
}

const col = (
  name: string,
  zh: string | readonly string[],
  kind: ColumnKind,
  required: boolean,
  more: { bound?: NumberBound; max?: number; aliases?: readonly string[] } = {},
): ColumnSpec => ({ name, zh: typeof zh === "string" ? [zh] : zh, kind, required, ...more });

const nonNeg = { bound: "nonNegative" } as const;
const qty = { ...nonNeg, max: LIMITS.quantity } as const;
const money = { ...nonNeg, max: LIMITS.money } as const;
const daysOf = { ...nonNeg, max: LIMITS.days } as const;

export const CONTRACT: readonly TableSpec[] = [
  {
    name: "SKUs",
    zh: "商品",
    aliases: ["SKU", "Products", "Items"],
    required: true,
    columns: [
      col("sku", ["货号", "SKU编码", "商品编码"], "key", true),
      col("unit_cost", ["成本", "单位成本", "采购价"], "number", true, money),
      col("name", ["名称", "商品名称", "品名"], "text", false),
      col("price", ["售价", "价格"], "number", false, money),
      col("supplier", "供应商", "text", false),
      col("moq", "起订量", "number", false, qty),
      col("case_pack", ["箱规", "每箱数量"], "number", false, { bound: "positive", max: LIMITS.quantity }),
      col("weight_kg", ["重量", "重量kg", "单件重量"], "number", false, {
        ...nonNeg,
        max: LIMITS.weightKg,
        aliases: ["weight"],
      }),
      col("production_days", ["生产天数", "生产周期"], "number", false, {
        ...daysOf,
        aliases: ["lead_time_production"],
      }),
      col("class", ["分类", "ABC分类"], "class", false, { aliases: ["abc", "abc_class"] }),
    ],
  },
  {
    name: "Warehouses",
    zh: "仓库",
    aliases: ["Warehouse"],
    required: true,
    columns: [
      col("warehouse", ["仓库", "仓库编码"], "key", true),
      col("country", "国家", "country", true),
      col("region", "区域", "text", false),
    ],
  },
  {
    name: "Stock",
    zh: "库存",
    aliases: ["Inventory", "On Hand"],
    required: true,
    columns: [
      col("sku", ["货号", "SKU编码", "商品编码"], "key", true),
      col("warehouse", ["仓库", "仓库编码"], "key", true),
      col("on_hand", ["在库", "库存", "现有库存"], "number", true, { max: LIMITS.quantity }),
      col("reserved", "预留", "number", false, qty),
    ],
  },
  {
    name: "InTransit",
    zh: "在途",
    aliases: ["In Transit", "Shipments"],
    required: false,
    columns: [
      col("sku", ["货号", "SKU编码", "商品编码"], "key", true),
      col("warehouse", ["仓库", "仓库编码"], "key", true),
      col("qty", ["数量", "在途数量"], "number", true, { ...qty, aliases: ["quantity"] }),
      col("eta", ["预计到达", "预计到达日期", "到货日期"], "date", true),
      col("mode", ["方式", "运输方式"], "mode", false),
    ],
  },
  {
    name: "Sales",
    zh: "销售",
    aliases: ["Sale", "Sales History"],
    required: true,
    columns: [
      col("date", "日期", "date", true),
      col("sku", ["货号", "SKU编码", "商品编码"], "key", true),
      col("warehouse", ["仓库", "仓库编码"], "key", true),
      col("units", ["销量", "数量"], "number", true, qty),
      col("revenue", ["销售额", "金额"], "number", false, { max: LIMITS.revenue }),
      col("stream_id", ["直播", "直播ID", "直播编号"], "text", false),
    ],
  },
  {
    name: "Streams",
    zh: "直播",
    aliases: ["Stream", "Live Streams"],
    required: false,
    columns: [
      col("stream_id", ["直播", "直播ID", "直播编号"], "key", true),
      col("date", ["日期", "直播日期"], "date", true),
      col("warehouse", ["仓库", "仓库编码"], "key", true),
      col("peak_viewers", ["峰值在线", "峰值在线人数"], "number", true, { ...nonNeg, max: LIMITS.viewers }),
      col("avg_dwell_min", ["平均停留", "平均停留时长"], "number", true, {
        ...nonNeg,
        max: LIMITS.dwellMinutes,
      }),
      col("expected_viewers", ["预计在线", "预计在线人数"], "number", false, {
        ...nonNeg,
        max: LIMITS.viewers,
      }),
      col("hours", "时长", "number", false, { ...nonNeg, max: LIMITS.streamHours }),
      col("ctr", "点击率", "fraction", false),
      col("conversion", "转化率", "fraction", false),
      col("aov", "客单价", "number", false, money),
      col("attach_rate", "连带率", "number", false, { ...nonNeg, max: LIMITS.attachRate }),
    ],
  },
  {
    name: "StreamItems",
    zh: "直播商品",
    aliases: ["Stream Items", "Stream Item"],
    required: false,
    columns: [
      col("stream_id", ["直播", "直播ID", "直播编号"], "key", true),
      col("sku", ["货号", "SKU编码", "商品编码"], "key", true),
      col("units", ["销量", "数量"], "number", false, qty),
      col("sold_out", ["售罄", "是否售罄"], "flag", false, { aliases: ["soldout", "sellout"] }),
    ],
  },
  {
    name: "Orders",
    zh: "采购单",
    aliases: ["Order", "Purchase Orders", "Open Orders", "PO"],
    required: false,
    columns: [
      col("sku", ["货号", "SKU编码", "商品编码"], "key", true),
      col("warehouse", ["仓库", "仓库编码"], "key", true),
      col("qty", ["数量", "采购数量"], "number", true, { ...qty, aliases: ["quantity"] }),
      col("order_date", ["下单日期", "采购日期"], "date", true, { aliases: ["ordered"] }),
      col("mode", ["方式", "运输方式"], "mode", false),
      col("expected_ship", ["预计发货", "预计发货日期"], "date", false, { aliases: ["ship_date"] }),
    ],
  },
  {
    name: "Lanes",
    zh: "物流",
    aliases: ["Lane", "Shipping Lanes", "Logistics"],
    required: true,
    columns: [
      col("to", ["目的仓", "目的地"], "key", true),
      col("mode", ["方式", "运输方式"], "mode", true),
      col("lead_days", ["时效", "时效天数"], "number", true, daysOf),
      col("from", ["起运地", "始发地"], "text", false),
      col("lead_sd_days", ["时效标准差", "时效波动"], "number", false, daysOf),
      col("cost_per_kg", "每公斤运费", "number", false, money),
      col("cost_per_unit", ["单件运费", "每件运费"], "number", false, money),
      col("min_units", ["起运量", "最低起运件数"], "number", false, qty),
      col("min_kg", ["起运重量", "最低起运重量"], "number", false, { ...nonNeg, max: LIMITS.shipmentKg }),
      col("fixed_cost", ["单票费用", "每票费用"], "number", false, money),
    ],
  },
  {
    name: "Settings",
    zh: "设置",
    aliases: ["Setting", "Parameters"],
    required: false,
    columns: [
      col("key", ["键", "参数", "设置项"], "key", true),
      col("value", ["值", "参数值"], "scalar", false),
    ],
  },
];

/** The spec of one table. */
export function tableSpec(name: TableName): TableSpec {
  const spec = CONTRACT.find((s) => s.name === name);
  if (!spec) throw new Error(`No contract for table ${name}`);
  return spec;
}

/**
 * A header or table name reduced for matching: lower case, without spaces
 * (including the ideographic space), underscores or hyphens.
 *
 * @example normalizeHeader(" Unit_Cost ") // "unitcost"
 */
export function normalizeHeader(text: string): string {
  return text.toLowerCase().replace(/[\s_\-\u3000]+/g, "");
}

/** Every normalized header that names `column`. */
export function columnHeaders(column: ColumnSpec): readonly string[] {
  return [column.name, ...column.zh, ...(column.aliases ?? [])].map(normalizeHeader);
}

/** Every normalized name of `table` (a leading "tbl" of Excel habit is dropped before matching). */
export function tableNames(table: TableSpec): readonly string[] {
  return [table.name, table.zh, ...table.aliases].map(normalizeHeader);
}
