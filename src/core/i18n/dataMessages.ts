/**
 * Messages of reading and checking the workbook's tables (src/core/data) and
 * of the plan job. `{name}` placeholders are filled by `t()`.
 */
export const dataEn = {
  dataTableMissing:
    "The workbook has no {table} table ({tableZh}). Add an Excel table named {table}, or a sheet whose first row holds its headers: {required}.",
  dataColumnMissing:
    "Table {table} has no column {column} ({columnZh}). It needs: {required}; optional: {optional}.",
  dataColumnTwice: "Table {table} has two columns for {column}: “{first}” and “{second}”. Keep one.",
  dataBlankKey: "{column} is blank: every row needs one.",
  dataBlankRequired: "{column} is blank: give a value.",
  dataNotANumber: "{column} must be a number, not “{value}”.",
  dataNegative: "{column} must not be negative ({value}).",
  dataNotPositive: "{column} must be greater than 0 ({value}).",
  dataTooLarge:
    "{column} is {value}: beyond {max} it cannot be a real figure (a typo or a placeholder?). Correct the cell.",
  dataTextTooLong:
    "{column} holds {length} characters; an Excel cell holds at most {max}, so it could not be written back. Shorten it.",
  dataNotAFraction: "{column} must be a share between 0 and 1 (or a percentage such as 8%), not {value}.",
  dataNotADate:
    "{column} must be a date (a date cell, 2025-03-07, 2025/3/7, 3/7/2025 as month/day/year, 7.3.2025 as day.month.year or 20250307), not “{value}”.",
  dataBadMode: "{column} must be SEA, AIR, EXPRESS or TRANSFER (海运/空运/快递/调拨), not “{value}”.",
  dataBadClass: "{column} must be A, B or C (or blank to let the plan classify), not “{value}”.",
  dataOrderTransfer:
    "{column}: a purchase order ships from the supplier by SEA, AIR or EXPRESS; a TRANSFER moves stock between warehouses.",
  dataShipBeforeOrder:
    "{column} ({value}) is before the order date {orderDate}: the supplier cannot ship before the order.",
  dataBadFlag: "{column} must be TRUE/yes/1/是 or FALSE/no/0/否 (or blank for no), not “{value}”.",
  dataBadCountry: "{column} must be a two-letter ISO 3166 country code such as US, DE or TH, not “{value}”.",
  dataDuplicateKey: "{key} appears twice: first in row {firstRow}. Keep one row per {keyColumns}.",
  dataUnknownSku: "SKU “{value}” is not in the SKUs table.",
  dataUnknownWarehouse: "Warehouse “{value}” is not in the Warehouses table.",
  dataUnknownStream: "Stream “{value}” is not in the Streams table.",
  dataTransferFromUnknown:
    "A TRANSFER lane starts from a warehouse; “{value}” is not in the Warehouses table.",
  dataStreamWithoutItems: "Stream “{value}” has no rows in StreamItems: list the SKUs it features.",
  dataNoLane:
    "No lane in the Lanes table reaches warehouse “{value}”, so {count} SKU(s) there cannot be planned ({skus}). Add a SEA, AIR or EXPRESS lane to it.",
  dataNoSales:
    "The Sales table has no rows, so there is no history to plan from; give a plan date or add sales.",
  dataSkipped: "{count} row(s) with problems were left out of the plan.",
  dataSaleAfterPlanDate:
    "{column} {value} is after the plan date {planDate}: a sale cannot come after the day the plan is made. Correct the date, or plan on a later date.",
  dataSaleAfter2100:
    "{column} {value} is after 2100-12-31: a placeholder or a typo, not a sale's date. Correct it.",
  dataSaleFarAfterOthers:
    "{column} {value} is more than {days} days after 99% of the sales (up to {p99}): taken for a typo or a placeholder, since it would move the plan date. Correct it, or give the plan date (--date) if it is right.",
  dataStreamPlaceholder:
    "{count} Sales row(s) have {values} in {column}, read as “not a stream” (blank); the first is this one.",
  dataStreamNotListed:
    "Stream “{value}” is not in the Streams table ({count} Sales row(s) name it): its sales still count as stream sales, left out of the baseline forecast. If they are not stream sales, clear the cell.",
  dataStreamsNotListed:
    "{count} more stream id(s) in Sales, from this one on, are not in the Streams table ({rows} row(s)): their sales count as stream sales too.",
  dataRowDropped: "{column} “{value}” refers to a row that has a problem above; fix that row first.",
  cliUsage:
    "Usage: livestock plan [in.xlsx] [-o out.xlsx] [--date YYYY-MM-DD] [--lang en|zh-CN] [--skip-invalid] [--debug]\nWithout a file it plans the bundled sample workbook. The plan is written to a new file (default: <in>-plan.xlsx next to the input; livestock-plan.xlsx in the current folder for the sample). --debug adds the stack trace to an error.",
  cliBadArgs: "{detail}",
  cliSameFile: "Refusing to write the plan over the input workbook {file}: choose another -o.",
  cliProblems:
    "{count} problem(s) in {file}; nothing was written. Fix them, or run again with --skip-invalid to plan without those rows.",
  cliProblemLine: "[{table}] row {row}, column {column}{cell}: {message}",
  cliTableLine: "[{table}]{column}: {message}",
  cliMoreProblems: "… and {count} more problem(s).",
  cliSkipped: "Planned without {count} row(s) that have problems:",
  cliWarnings: "Remarks (the plan went ahead):",
  cliReading: "Reading {file} …",
  cliSampleMissing: "The bundled sample {file} is missing; planning a freshly generated sample instead.",
  cliWritten: "Plan written to {file} (sheets: {sheets}).",
  cliSummaryTitle: "Plan for {date}:",
  cliSummaryRestock: "  SKUs to restock: {now} this week, {total} within the horizon",
  cliSummaryCost: "  Freight cost by mode: {costs}",
  cliSummaryStreams: "  Planned streams at risk: {atRisk} of {planned}",
  cliSummaryEmergency: "  Emergency budget spent: {spent}",
  cliSummaryUnplannable: "  SKU × warehouse pairs that cannot be planned: {count}",
  cliSummaryBacktest:
    "  Backtest over the last {weeks} weeks, this plan vs naive (order up to sea lead time + review + naive_weeks of average sales, by sea):",
  cliSummaryBacktestFill:
    "    Fill rate: {planner} with this plan vs {naive} naive; on stream days {plannerStream} vs {naiveStream}",
  cliSummaryBacktestFreight: "    Freight, this plan: {planner}",
  cliSummaryBacktestFreightNaive: "    Freight, naive: {naive}",
  cliSummaryBacktestCover:
    "    Average cover: {planner} vs {naive} weeks; stock held at cost {plannerStock} vs {naiveStock}",
  cliSummaryStreamModel:
    "  Stream model on {n} past stream × SKU results (out of sample): MAPE {mape}, bias {bias}",
  cliNone: "none",
  cliCancelled: "Cancelled; nothing was written.",
} as const;

export type DataMessageKey = keyof typeof dataEn;

export const dataZhCN: Record<DataMessageKey, string> = {
  dataTableMissing:
    "工作簿中没有 {table} 表({tableZh})。请添加名为 {table} 的 Excel 表格,或第一行为其表头的工作表:{required}。",
  dataColumnMissing: "表 {table} 缺少列 {column}({columnZh})。必需列:{required};可选列:{optional}。",
  dataColumnTwice: "表 {table} 有两列对应 {column}:“{first}”和“{second}”。请只保留一列。",
  dataBlankKey: "{column} 为空:每一行都必须填写。",
  dataBlankRequired: "{column} 为空:请填写。",
  dataNotANumber: "{column} 必须是数字,而不是“{value}”。",
  dataNegative: "{column} 不能为负数({value})。",
  dataNotPositive: "{column} 必须大于 0({value})。",
  dataTooLarge: "{column} 为 {value}:超过 {max} 不可能是真实数值(输入错误或占位符?)。请修正该单元格。",
  dataTextTooLong: "{column} 有 {length} 个字符;Excel 单元格最多 {max} 个字符,无法写回。请缩短。",
  dataNotAFraction: "{column} 必须是 0 到 1 之间的比例(或如 8% 的百分比),而不是 {value}。",
  dataNotADate:
    "{column} 必须是日期(日期单元格、2025-03-07、2025/3/7、3/7/2025 即月/日/年、7.3.2025 即日.月.年、2025年3月7日或 20250307),而不是“{value}”。",
  dataBadMode: "{column} 必须是 SEA、AIR、EXPRESS 或 TRANSFER(海运/空运/快递/调拨),而不是“{value}”。",
  dataBadClass: "{column} 必须是 A、B 或 C(留空则由计划自动分类),而不是“{value}”。",
  dataOrderTransfer: "{column}:采购单由供应商以 SEA、AIR 或 EXPRESS 发货;TRANSFER(调拨)是仓库之间的移库。",
  dataShipBeforeOrder: "{column}({value})早于下单日期 {orderDate}:供应商不能在下单前发货。",
  dataBadFlag: "{column} 必须是 TRUE/yes/1/是 或 FALSE/no/0/否(留空表示否),而不是“{value}”。",
  dataBadCountry: "{column} 必须是两位 ISO 3166 国家代码,如 US、DE、TH,而不是“{value}”。",
  dataDuplicateKey: "{key} 重复出现:首次出现在第 {firstRow} 行。每个 {keyColumns} 只能有一行。",
  dataUnknownSku: "货号“{value}”不在 SKUs(商品)表中。",
  dataUnknownWarehouse: "仓库“{value}”不在 Warehouses(仓库)表中。",
  dataUnknownStream: "直播“{value}”不在 Streams(直播)表中。",
  dataTransferFromUnknown: "TRANSFER(调拨)线路必须从仓库出发;“{value}”不在 Warehouses(仓库)表中。",
  dataStreamWithoutItems: "直播“{value}”在 StreamItems(直播商品)表中没有任何行:请列出其主推的货号。",
  dataNoLane:
    "Lanes(物流)表中没有到达仓库“{value}”的线路,因此该仓的 {count} 个货号无法计划({skus})。请为其添加 SEA、AIR 或 EXPRESS 线路。",
  dataNoSales: "Sales(销售)表没有数据,无法根据历史制定计划;请指定计划日期或补充销售数据。",
  dataSkipped: "已有 {count} 行有问题的数据未纳入计划。",
  dataSaleAfterPlanDate:
    "{column} {value} 晚于计划日期 {planDate}:销售不可能发生在制定计划之后。请修正日期,或以更晚的日期制定计划。",
  dataSaleAfter2100: "{column} {value} 晚于 2100-12-31:是占位符或输入错误,不是销售日期。请修正。",
  dataSaleFarAfterOthers:
    "{column} {value} 比 99% 的销售(截至 {p99})晚 {days} 天以上:视为输入错误或占位符,因为它会改变计划日期。请修正;若确实无误,请指定计划日期(--date)。",
  dataStreamPlaceholder: "有 {count} 行销售的 {column} 为 {values},按“非直播”(空白)处理;第一行即此行。",
  dataStreamNotListed:
    "直播“{value}”不在 Streams(直播)表中(有 {count} 行销售引用它):这些销售仍按直播销售计,不计入基线预测。若不是直播销售,请清空该单元格。",
  dataStreamsNotListed:
    "销售表中从此行起另有 {count} 个直播编号不在 Streams(直播)表中(共 {rows} 行):这些销售同样按直播销售计。",
  dataRowDropped: "{column}“{value}”引用的行本身有问题(见上);请先修正那一行。",
  cliUsage:
    "用法:livestock plan [输入.xlsx] [-o 输出.xlsx] [--date YYYY-MM-DD] [--lang en|zh-CN] [--skip-invalid] [--debug]\n不指定文件时计划内置的示例工作簿。计划写入新文件(默认:输入文件旁的 <输入>-plan.xlsx;示例则为当前目录下的 livestock-plan.xlsx)。--debug 会在错误信息后附上调用栈。",
  cliBadArgs: "{detail}",
  cliSameFile: "拒绝把计划写到输入工作簿 {file} 上:请用 -o 指定另一个文件。",
  cliProblems: "{file} 中有 {count} 个问题;未写入任何内容。请修正,或加 --skip-invalid 在排除这些行后计划。",
  cliProblemLine: "[{table}] 第 {row} 行,列 {column}{cell}:{message}",
  cliTableLine: "[{table}]{column}:{message}",
  cliMoreProblems: "……另有 {count} 个问题。",
  cliSkipped: "已排除以下 {count} 行有问题的数据后制定计划:",
  cliWarnings: "提示(计划已照常制定):",
  cliReading: "正在读取 {file} ……",
  cliSampleMissing: "内置示例 {file} 不存在;改为计划新生成的示例数据。",
  cliWritten: "计划已写入 {file}(工作表:{sheets})。",
  cliSummaryTitle: "{date} 的计划:",
  cliSummaryRestock: "  需补货的货号:本周 {now} 个,计划期内共 {total} 个",
  cliSummaryCost: "  各运输方式运费:{costs}",
  cliSummaryStreams: "  有风险的计划直播:{atRisk} / {planned} 场",
  cliSummaryEmergency: "  已使用的应急预算:{spent}",
  cliSummaryUnplannable: "  无法计划的货号 × 仓库组合:{count} 个",
  cliSummaryBacktest:
    "  回测最近 {weeks} 周,本计划对比简单策略(海运补货至:海运提前期 + 盘点周期 + naive_weeks 周平均销量):",
  cliSummaryBacktestFill:
    "    履约率:本计划 {planner},简单策略 {naive};直播日 {plannerStream} 对 {naiveStream}",
  cliSummaryBacktestFreight: "    运费,本计划:{planner}",
  cliSummaryBacktestFreightNaive: "    运费,简单策略:{naive}",
  cliSummaryBacktestCover: "    平均库存周数:{planner} 对 {naive} 周;库存成本 {plannerStock} 对 {naiveStock}",
  cliSummaryStreamModel: "  直播模型在 {n} 条历史直播 × 商品记录上的样本外误差:MAPE {mape},偏差 {bias}",
  cliNone: "无",
  cliCancelled: "已取消;未写入任何内容。",
};
