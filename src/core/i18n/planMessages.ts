/**
 * Messages of the plan area: Settings problems, the reasons and actions the
 * plan writes, the output sheets' headers, statuses and policies. `{name}`
 * placeholders are filled by `t()`.
 */
export const planEn = {
  planSettingUnknown:
    "Settings: “{key}” is not a setting the plan knows; it is ignored. Known keys: {known}.",
  planSettingNotANumber: "Settings: {key} must be a number, not “{value}”; the default {fallback} is used.",
  planSettingOutOfRange:
    "Settings: {key} = {value} is out of range: it takes a number from {min} to {max}; the default {fallback} is used.",
  planSettingOutOfRangeWhole:
    "Settings: {key} = {value} is out of range: it takes a whole number from {min} to {max}; the default {fallback} is used.",
  planSettingOutOfRangeOpen:
    "Settings: {key} = {value} is out of range: it takes a number between {min} and {max}, neither included; the default {fallback} is used.",
  planSettingCutoffs:
    "Settings: abc_b_cutoff ({b}) is below abc_a_cutoff ({a}); the defaults 0.7 / 0.9 are used.",
  planCancelled: "The plan was cancelled.",

  planReasonTier1:
    "Tier 1: stock falls below the everyday safety stock of {ss} units (class {cls}: the larger of z·σ at {service}% service and {weeks} weeks of sales) on {date}. The service level is the class's {classService}% or, when higher, margin ÷ (margin + holding over an order cycle): a unit short loses its margin, a unit held costs only its holding.",
  planReasonTier1Fast:
    "Tier 1: stock falls below {ss} units on {date}, before the bulk lane can land: the safety stock of the fast lane's lead time (class {cls}, z·σ at {service}% service).",
  planReasonTier2:
    "Tier 2: stream {stream} on {date} features this class {cls} item; by its eve, hold P90 {p90} units + sales until the next replenishment can land ({weeks} week(s), at most {cap} weeks) on top of the safety stock = {level} units.",
  planReasonTier2Fill:
    "Tier 2: stream {stream} on {date} features this class {cls} item; by its eve, hold {hold} units for it (more than its P90 of {p90}: {hold} serve {fill}% of its units on average, the stream_fill setting) + sales until the next replenishment can land ({weeks} week(s), at most {cap} weeks) on top of the safety stock = {level} units.",
  planReasonOnTime:
    "{mode} is the cheapest lane arriving by {need} (lead {lead} days: production + transit + receiving; its spread is held as safety stock).",
  planReasonBeforeStockout:
    "No lane arrives by {need}; {mode} (lead {lead} days) is the cheapest arriving before the projected stock-out on {deadline}: ship now.",
  planReasonSafetyDip:
    "Stock dips into safety stock from {need} until {mode} (lead {lead} days) arrives on {arrive}; it does not run out before then (lowest {low} units, on {lowDate}), so ship {mode} now, no {fast} freight.",
  planReasonNoFly:
    "{fast} would arrive by {need}, but its freight of {freight} a unit exceeds the margin of {margin} a unit it would save: ship {mode} now (lead {lead} days, arrives {arrive}) and accept the shortfall before it lands.",
  planReasonBridge:
    "{bulk} shipped today lands on {arrive}; {mode} carries only what is needed from {need} until then.",
  planReasonTier3Bulk: "{bulk} shipped today lands on {arrive}, after the stream on {date}.",
  planReasonFlownForStream:
    "{mode} freight of {freight} a unit exceeds the unit margin of {margin}, but stream {stream} of this class A item needs it.",
  planReasonJoined: "Includes {qty} more units needed by {need}: same {mode} lane, same week.",
  planReasonAhead:
    "Order today, a review ahead: its latest order date, {date}, falls before the review after next. This SKU × warehouse's bulk lots cover one review period each, so on time each would land just as the last runs out, too late for the streams that follow to count on it; ordered now, it lands {days} day(s) sooner.",
  planReasonAtReview:
    "Order today, at this review: its latest order date, {date}, comes before the next plan ({weeks} week(s) on); ordered now, it lands {days} day(s) sooner.",
  planReasonQty:
    "Order up to {target} (stock required on {date} + forecast demand until then) − {onHand} on hand − {inTransit} in transit − {planned} already planned = {netNeed}; ship {qty}.",
  planReasonCasePack: "Rounded up to whole cases of {casePack}.",
  planReasonSupplyDelay:
    "Ordered while factories close for Chinese New Year: the lead time includes {days} extra days.",
  planReasonLaneMinimum:
    "Raised from {qty} to the lane's minimum shipment of {minimum}: cheaper than a faster lane for {qty}; the extra units cover the following weeks.",
  planReasonLaneMoved:
    "{qty} units are below the {mode} lane's minimum shipment, and the {to} lane carries them for less than the minimum would cost: sent by {to}.",
  planReasonMoq:
    "The supplier's MOQ of {moq}: this SKU's order for the week across all warehouses was {total}; the remainder goes by the bulk lane, never by a fast one.",
  planReasonLateTransit: "{qty} units in transit arrive after {date} and are not counted.",
  planReasonUnsure:
    "{qty} units by {mode} are due less than {days} days before the stream (the lane's margin for its delays): the stream does not count on them.",
  planReasonFeeCycle:
    "Sized to cover {weeks} weeks rather than one review period: each {mode} shipment pays {fee} in fixed costs, and shipments that far apart cost least in fees + holding (√(2 × fee ÷ (holding a unit a week × weekly sales)), at most the horizon).",
  planReasonLostSales:
    "{lost} units of demand until {date} come before any lane can arrive: they are lost sales (live-commerce buyers do not wait), so the order-up-to level leaves them out.",
  planReasonNoCost:
    "Freight unknown: the {mode} lane has no cost_per_unit, and cost_per_kg needs the SKU's weight_kg.",
  planReasonEnough:
    "No shipment within {weeks} weeks: on hand ({cover} weeks of cover) and in transit stay above the required level.",
  planReasonNoDemand: "No shipment: no sales history and no planned stream for this SKU here.",
  planReasonNoLane:
    "Cannot be planned: no SEA, AIR or EXPRESS lane from a supplier reaches warehouse {warehouse}.",
  planReasonRefill:
    "Carries back the {qty} units sent by transfer to {to} on {shipBy}: without them this warehouse would fall below its required level after they leave.",
  planReasonTier3Part:
    "Tier 3: stream {stream} on {date} needs P90 {p90} units but {available} will be on hand; emergency {mode} from {from} brings it up to its expected {mean} units, not its P90 (no lane brings the whole gap in time, the budget cannot pay it, or the rest would cost more freight than the margin it recovers), paid from the emergency budget ({spent} of this month's {budget} spent).",
  planReasonTier3:
    "Tier 3: stream {stream} on {date} needs P90 {p90} units but {available} will be on hand; emergency {mode} from {from}, paid from the emergency budget ({spent} of this month's {budget} spent; {ratio} of margin recovered per unit of freight, the gap funded whole).",

  planActionReady: "Ready: stock covers P90 units.",
  planConditionReadyIf: "OK if the planned {mode} of {qty} units is sent by {shipBy}.",
  planConditionLandsOnTime:
    "OK if the {qty} units by {mode} land on time: they are due less than {days} days before the stream.",
  planConditionReadyIfMore:
    "OK if the planned {mode} of {qty} units is sent by {shipBy}, and the {more} other planned shipment(s) arriving before the stream too.",
  planConditionFeatureAtMost: "Feature at most {units} units: that is the stock there will be.",
  planNoteExtrapolated:
    "extrapolated: {viewers} expected viewers, over 1.5 × the largest past stream ({largest}); the units are read off the model beyond its data.",
  planActionNoHistory:
    "Expected units unknown: no past stream with units sold to learn from. Fill StreamItems.units of past streams.",
  planActionFunded:
    "Emergency {mode} of {qty} units from {from}, ship by {shipBy}, arrives {arrive} (cost {cost}).",
  planActionSuggest:
    "Short by {gap} units at P90: {mode} of {qty} units from {from}, ship by {shipBy}, would cost {cost} — not funded (emergency budget left this month: {left}).",
  planActionNoCost:
    "Short by {gap} units at P90: {mode} from {from} arrives in time but its cost is unknown.",
  planActionNotWorth:
    "Short by {gap} units at P90: {mode} would cost {cost}, more than the {recovered} of margin it would recover — not funded (only a class A item's stream is flown at a loss).",
  planActionNoLane:
    "Short by {gap} units at P90 and no fast lane arrives before the stream: feature fewer units, promote another SKU, or move the stream.",

  planStatusOK: "OK",
  planStatusRISK: "RISK",
  planStatusSHORT: "SHORT",
  planStatusUNKNOWN: "UNKNOWN",

  planPolicyA: "High safety stock, pre-stream build-up, never out",
  planPolicyB: "Normal replenishment, reasonable stock",
  planPolicyC: "Small batches, often; avoid overstock",

  planMetricFillStream: "Fill rate on stream days",
  planMetricFillOther: "Fill rate on other days",
  planMetricFill: "Fill rate, all days",
  planMetricStockoutDays: "Stock-out days (SKU × warehouse)",
  planMetricCover: "Average weeks of cover",
  planMetricFreight: "Freight cost, all modes",
  planMetricFreightMode: "Freight cost by {mode}",
  planMetricStockValue: "Average stock held, at unit cost",
  planMetricUnits: "Units shipped",
  planMetricNaive:
    "naive_policy = order up to (sea lead time + review period + naive_weeks) × the average of the last naive_average_weeks weeks, by sea",
  planMetricWeeks: "Weeks replayed from {from}",
  planMetricStreamMape:
    "Stream model ({method}): MAPE of units on {n} past stream × SKU results, % ({scheme})",
  planMetricStreamBias:
    "Stream model ({method}): bias of units on {n} past stream × SKU results, % (> 0 = over-forecast; {scheme})",
  planMetricAudienceSpread:
    "Audience: log-scale spread of real ÷ planned peak viewers ({n} past streams give both; the audience_spread setting counts as 5)",
  planMetricAudienceBias: "Audience: real peak viewers above plan, % (median; {n} past streams give both)",
  planMetricStreamAboveP90:
    "Stream model ({method}): share of results above P90, %, expected {band} units ({n} results; out of sample, ≈ 10 when calibrated)",
  planMetricPairs:
    "SKU × warehouse pairs replayed (of {total} with sales; beyond backtest_pairs, the top half by units and a weighted sample of the rest)",

  planHeaderSku: "sku",
  planHeaderWarehouse: "warehouse",
  planHeaderClass: "class",
  planHeaderWeeklyForecast: "weekly_forecast",
  planHeaderOnHand: "on_hand",
  planHeaderInTransit: "in_transit",
  planHeaderPlannedEarlier: "planned_earlier",
  planHeaderSafetyStock: "safety_stock",
  planHeaderReorderPoint: "reorder_point",
  planHeaderTarget: "target",
  planHeaderRestockQty: "restock_qty",
  planHeaderTier: "tier",
  planHeaderMode: "mode",
  planHeaderFrom: "from",
  planHeaderOrderDate: "order_date",
  planHeaderDeparts: "departs",
  planHeaderArrives: "arrives",
  planHeaderSellable: "sellable",
  planHeaderNeedBy: "need_by",
  planHeaderCost: "cost",
  planHeaderWeeksOfCover: "weeks_of_cover",
  planHeaderStockoutDate: "stockout_date",
  planHeaderReason: "reason",
  planHeaderWeekStart: "week_start",
  planHeaderTo: "to",
  planHeaderSkuCount: "sku_count",
  planHeaderUnits: "units",
  planHeaderWeightKg: "weight_kg",
  planHeaderItems: "items",
  planHeaderStreamId: "stream_id",
  planHeaderDate: "date",
  planHeaderExpectedUnits: "expected_units",
  planHeaderP90Units: "p90_units",
  planHeaderAvailableUnits: "available_units",
  planHeaderHoursToSellout: "hours_to_sellout",
  planHeaderStatus: "status",
  planHeaderAction: "action",
  planHeaderForecastNote: "forecast_note",
  planHeaderSkuShare: "share_of_skus",
  planHeaderSalesShare: "share_of_sales",
  planHeaderProfitShare: "share_of_profit",
  planHeaderServiceLevel: "service_level",
  planHeaderBaseWeeks: "base_weeks",
  planHeaderPreStreamWeeks: "pre_stream_weeks",
  planHeaderPolicy: "policy",
  planHeaderSupplier: "supplier",
  planHeaderMonth: "month",
  planHeaderForecastUnits: "forecast_units",
  planHeaderPlannedUnits: "planned_order_units",
  planHeaderMoq: "moq",
  planHeaderMetric: "metric",
  planHeaderPlanner: "livestock_policy",
  planHeaderNaive: "naive_policy",
  planNoSupplier: "(no supplier)",
} as const;

export type PlanMessageKey = keyof typeof planEn;

export const planZhCN: Record<PlanMessageKey, string> = {
  planSettingUnknown: "设置:“{key}”不是计划可识别的设置项,已忽略。可用设置项:{known}。",
  planSettingNotANumber: "设置:{key} 必须是数字,而不是“{value}”;已使用默认值 {fallback}。",
  planSettingOutOfRange:
    "设置:{key} = {value} 超出范围:应为 {min} 至 {max} 之间的数;已使用默认值 {fallback}。",
  planSettingOutOfRangeWhole:
    "设置:{key} = {value} 超出范围:应为 {min} 至 {max} 之间的整数;已使用默认值 {fallback}。",
  planSettingOutOfRangeOpen:
    "设置:{key} = {value} 超出范围:应大于 {min} 且小于 {max};已使用默认值 {fallback}。",
  planSettingCutoffs: "设置:abc_b_cutoff({b})小于 abc_a_cutoff({a});已使用默认值 0.7 / 0.9。",
  planCancelled: "计划已取消。",

  planReasonTier1:
    "第一层:{date} 库存将低于日常安全库存 {ss} 件({cls} 类:取 {service}% 服务水平下的 z·σ 与 {weeks} 周销量中的较大者)。服务水平取该类的 {classService}%,若“毛利 ÷(毛利 + 一个订货周期的持有成本)”更高则取后者:缺一件损失其毛利,多备一件只花持有成本。",
  planReasonTier1Fast:
    "第一层:{date} 库存将低于 {ss} 件,此时大宗渠道尚无法到货:按快速渠道时效计算的安全库存({cls} 类,{service}% 服务水平下的 z·σ)。",
  planReasonTier2:
    "第二层:{date} 的直播 {stream} 主推此 {cls} 类商品;直播前一天应备足 P90 {p90} 件 + 下一批补货到达前的销量({weeks} 周,最多 {cap} 周),另加安全库存,即 {level} 件。",
  planReasonTier2Fill:
    "第二层:{date} 的直播 {stream} 主推此 {cls} 类商品;直播前一天应为其备 {hold} 件(多于 P90 的 {p90} 件:{hold} 件平均可满足其 {fill}% 的销量,见 stream_fill 设置)+ 下一批补货到达前的销量({weeks} 周,最多 {cap} 周),另加安全库存,即 {level} 件。",
  planReasonOnTime:
    "{mode} 是 {need} 前能到货的最便宜渠道(时效 {lead} 天:生产 + 运输 + 入库;时效波动已计入安全库存)。",
  planReasonBeforeStockout:
    "没有渠道能在 {need} 前到货;{mode}(时效 {lead} 天)是能在预计断货日 {deadline} 前到货的最便宜渠道:请立即发货。",
  planReasonSafetyDip:
    "{need} 起库存将动用安全库存,直到 {mode}(时效 {lead} 天)于 {arrive} 到货;在此之前不会断货(最低 {low} 件,在 {lowDate}),因此立即走 {mode},无需 {fast} 运费。",
  planReasonNoFly:
    "{fast} 可在 {need} 前到货,但其单件运费 {freight} 高于可挽回的单件毛利 {margin}:立即走 {mode}(时效 {lead} 天,{arrive} 到货),到货前的缺货按流失计。",
  planReasonBridge: "今天发 {bulk} 将于 {arrive} 到货;{mode} 只运送 {need} 起至该日之前所需的数量。",
  planReasonTier3Bulk: "今天发 {bulk} 将于 {arrive} 到货,晚于 {date} 的直播。",
  planReasonFlownForStream:
    "{mode} 单件运费 {freight} 高于单件毛利 {margin},但此 A 类商品的直播 {stream} 需要这批货。",
  planReasonJoined: "另含 {need} 前所需的 {qty} 件:同一 {mode} 渠道、同一周发货。",
  planReasonAhead:
    "提前一个计划周期下单:最晚下单日 {date} 在下下次计划之前。此商品在该仓的大宗批量每批只够一个计划周期,按时到货时上一批刚好卖完,紧随其后的直播来不及指望它;现在下单可早 {days} 天到货。",
  planReasonAtReview:
    "本次计划即下单:最晚下单日 {date} 早于下次计划({weeks} 周后);现在下单可早 {days} 天到货。",
  planReasonQty:
    "补货目标 {target}({date} 所需库存 + 截至当日的预测需求)− 在库 {onHand} − 在途 {inTransit} − 已计划 {planned} = {netNeed};发货 {qty}。",
  planReasonCasePack: "按整箱({casePack} 件/箱)向上取整。",
  planReasonSupplyDelay: "下单时正值春节工厂停工:时效已计入额外 {days} 天。",
  planReasonLaneMinimum:
    "由 {qty} 件提高到该渠道最低起运量 {minimum} 件:比用更快渠道发 {qty} 件更便宜;多出的件数覆盖之后几周。",
  planReasonLaneMoved:
    "{qty} 件低于 {mode} 渠道的最低起运量,而 {to} 渠道运送这些件数比凑足起运量更便宜:改走 {to}。",
  planReasonMoq:
    "供应商起订量 {moq}:本周该商品在所有仓库的订货合计为 {total};差额走大宗渠道,绝不走快速渠道。",
  planReasonLateTransit: "{qty} 件在途货物在 {date} 之后到达,不计入。",
  planReasonUnsure: "{qty} 件 {mode} 货物预计在直播前不足 {days} 天到达(该渠道的延误余量),直播不依赖这批货。",
  planReasonFeeCycle:
    "按覆盖 {weeks} 周而非一个检查周期确定数量:每票 {mode} 有固定费用 {fee},按此间隔发货的费用与持有成本之和最低(√(2 × 固定费用 ÷ (每件每周持有成本 × 周销量)),不超过计划期)。",
  planReasonLostSales:
    "截至 {date} 有 {lost} 件需求发生在任何渠道能到货之前:按流失销量计(直播买家不会等待),补货目标不包含这部分。",
  planReasonNoCost: "运费未知:{mode} 渠道没有单件运费,而每公斤运费需要商品重量(weight_kg)。",
  planReasonEnough: "{weeks} 周内无需发货:在库({cover} 周库存)加在途始终高于所需水平。",
  planReasonNoDemand: "无需发货:该仓库没有此商品的销售记录,也没有计划中的直播。",
  planReasonNoLane: "无法计划:没有从供应商到仓库 {warehouse} 的海运、空运或快递渠道。",
  planReasonRefill: "补回 {shipBy} 调拨到 {to} 的 {qty} 件:否则调出后本仓库会低于所需库存水平。",
  planReasonTier3Part:
    "第三层:{date} 的直播 {stream} 需要 P90 {p90} 件,但届时只有 {available} 件;从 {from} 紧急 {mode},补到预计销量 {mean} 件而非 P90(没有渠道能及时补足整个缺口、预算不足,或其余部分的运费高于能挽回的毛利),由应急预算支付(本月已用 {spent} / {budget})。",
  planReasonTier3:
    "第三层:{date} 的直播 {stream} 需要 P90 {p90} 件,但届时只有 {available} 件;从 {from} 紧急 {mode},由应急预算支付(本月已用 {spent} / {budget};每单位运费挽回毛利 {ratio},缺口整体补足)。",

  planActionReady: "已就绪:库存足以覆盖 P90 销量。",
  planConditionReadyIf: "前提:计划中的 {mode} {qty} 件须在 {shipBy} 前发出。",
  planConditionLandsOnTime: "前提:{mode} {qty} 件按时到达(预计在直播前不足 {days} 天到货)。",
  planConditionReadyIfMore:
    "前提:计划中的 {mode} {qty} 件须在 {shipBy} 前发出,且直播前到货的另外 {more} 批计划发货也按时发出。",
  planConditionFeatureAtMost: "最多主推 {units} 件:届时库存只有这么多。",
  planNoteExtrapolated:
    "外推:预计 {viewers} 人观看,超过历史最大直播({largest})的 1.5 倍,销量超出模型数据范围。",
  planActionNoHistory: "预计销量未知:没有含销量的历史直播可供学习。请填写历史直播的 StreamItems 销量。",
  planActionFunded: "紧急 {mode} {qty} 件,从 {from} 发出,{shipBy} 前发货,{arrive} 到货(费用 {cost})。",
  planActionSuggest:
    "按 P90 缺 {gap} 件:从 {from} {mode} {qty} 件,{shipBy} 前发货,费用 {cost} —— 未获资金(本月应急预算余额:{left})。",
  planActionNoCost: "按 P90 缺 {gap} 件:从 {from} 的 {mode} 能及时到货,但费用未知。",
  planActionNotWorth:
    "按 P90 缺 {gap} 件:{mode} 需运费 {cost},高于可挽回的毛利 {recovered} —— 未获资金(只有 A 类商品的直播才值得亏本空运)。",
  planActionNoLane:
    "按 P90 缺 {gap} 件,且没有快速渠道能在直播前到货:请减少该商品的直播量、改推其他商品或调整直播日期。",

  planStatusOK: "正常",
  planStatusRISK: "有风险",
  planStatusSHORT: "缺货",
  planStatusUNKNOWN: "未知",

  planPolicyA: "高安全库存,直播前增量备货,不能断货",
  planPolicyB: "常规补货,保持合理库存",
  planPolicyC: "小批量多频次,减少积压",

  planMetricFillStream: "直播日履约率",
  planMetricFillOther: "非直播日履约率",
  planMetricFill: "全部日期履约率",
  planMetricStockoutDays: "断货天数(商品 × 仓库)",
  planMetricCover: "平均库存周数",
  planMetricFreight: "运费(全部运输方式)",
  planMetricFreightMode: "{mode} 运费",
  planMetricStockValue: "平均库存金额(按单位成本)",
  planMetricUnits: "发货件数",
  planMetricNaive:
    "简单策略 = 海运补货至 (海运提前期 + 盘点周期 + naive_weeks) × 最近 naive_average_weeks 周的平均周销量",
  planMetricWeeks: "回放周数(自 {from} 起)",
  planMetricStreamMape: "直播模型({method}):{n} 条历史直播 × 商品记录的销量 MAPE,%({scheme})",
  planMetricStreamBias: "直播模型({method}):{n} 条历史直播 × 商品记录的销量偏差,%(> 0 表示高估;{scheme})",
  planMetricAudienceSpread:
    "观众:实际 ÷ 计划峰值在线的对数离散度({n} 场历史直播两者都有;audience_spread 设置按 5 场计)",
  planMetricAudienceBias: "观众:实际峰值在线高于计划的比例,%(中位数;{n} 场历史直播两者都有)",
  planMetricStreamAboveP90:
    "直播模型({method}):预计 {band} 件的记录中实际高于 P90 的比例,%({n} 条;样本外,校准良好时约 10)",
  planMetricPairs:
    "回放的商品 × 仓库组合数(共 {total} 个有销量;超过 backtest_pairs 时取销量前一半并对其余加权抽样)",

  planHeaderSku: "货号",
  planHeaderWarehouse: "仓库",
  planHeaderClass: "分类",
  planHeaderWeeklyForecast: "周预测销量",
  planHeaderOnHand: "在库",
  planHeaderInTransit: "在途",
  planHeaderPlannedEarlier: "已计划",
  planHeaderSafetyStock: "安全库存",
  planHeaderReorderPoint: "再订货点",
  planHeaderTarget: "补货目标",
  planHeaderRestockQty: "补货数量",
  planHeaderTier: "层级",
  planHeaderMode: "方式",
  planHeaderFrom: "起运地",
  planHeaderOrderDate: "下单日",
  planHeaderDeparts: "发运日",
  planHeaderArrives: "到仓日",
  planHeaderSellable: "可售日",
  planHeaderNeedBy: "需求日",
  planHeaderCost: "运费",
  planHeaderWeeksOfCover: "库存周数",
  planHeaderStockoutDate: "预计断货日",
  planHeaderReason: "原因",
  planHeaderWeekStart: "周起始日",
  planHeaderTo: "目的仓",
  planHeaderSkuCount: "商品数",
  planHeaderUnits: "件数",
  planHeaderWeightKg: "重量kg",
  planHeaderItems: "明细",
  planHeaderStreamId: "直播",
  planHeaderDate: "日期",
  planHeaderExpectedUnits: "预计销量",
  planHeaderP90Units: "P90销量",
  planHeaderAvailableUnits: "可用库存",
  planHeaderHoursToSellout: "售罄小时数",
  planHeaderStatus: "状态",
  planHeaderAction: "建议措施",
  planHeaderForecastNote: "预测说明",
  planHeaderSkuShare: "商品数量占比",
  planHeaderSalesShare: "销售额占比",
  planHeaderProfitShare: "利润占比",
  planHeaderServiceLevel: "服务水平",
  planHeaderBaseWeeks: "日常安全库存周数",
  planHeaderPreStreamWeeks: "直播前备货周数",
  planHeaderPolicy: "补货策略",
  planHeaderSupplier: "供应商",
  planHeaderMonth: "月份",
  planHeaderForecastUnits: "预测需求",
  planHeaderPlannedUnits: "计划订货量",
  planHeaderMoq: "起订量",
  planHeaderMetric: "指标",
  planHeaderPlanner: "本计划策略",
  planHeaderNaive: "简单策略",
  planNoSupplier: "(无供应商)",
};
