/**
 * Messages of the custom-function argument checks and the core functions they
 * call. `{name}`-style placeholders are filled by `t()`.
 */
export const functionsEn = {
  notANumber: "{param} must be a number, not “{value}”.",
  blankRequired: "{param} is blank: give a number.",
  booleanNotAllowed: "{param} must be a number, not TRUE/FALSE.",
  errorInRange: "{param} contains an error value at position {pos}.",
  notFinite: "{param} must be a finite number.",
  negative: "{param} must not be negative.",
  notPositive: "{param} must be greater than 0.",
  notAProbability: "{param} must be strictly between 0 and 1.",
  notOneDimensional: "{param} must be a single row or a single column ({rows}×{cols} given).",
  tooManyColumns: "{param} must have one column (sales) or two (sales, profit); {cols} given.",
  blankInside: "{param} has a blank at position {pos}; fill it or shorten the range.",
  textInRange: "{param} has text “{value}” at position {pos}; expected a number.",
  negativeInRange: "{param} has a negative value {value} at position {pos}.",
  noNumbers: "{param} has no numbers.",
  tooFewNumbers: "{param} needs at least {min} numbers; {count} given.",
  cutoffRange: "{param} must be greater than 0 and at most 1.",
  cutoffsOutOfOrder: "b_cutoff ({b}) must not be below a_cutoff ({a}).",
  sizeMismatch: "{param} has {count} cells but {other} has {otherCount}; give ranges of the same size.",
  partialRow: "{param}: position {pos} is filled in some of modes, lead_days and costs but blank in others.",
  modeBlank: "modes has a blank name at position {pos}.",
  noModes: "modes lists no mode.",
  infiniteCover: "weekly_demand is all zero: the stock never runs out.",
} as const;

export type FunctionsMessageKey = keyof typeof functionsEn;

export const functionsZhCN: Record<FunctionsMessageKey, string> = {
  notANumber: "{param} 必须是数字,而不是“{value}”。",
  blankRequired: "{param} 为空:请填写数字。",
  booleanNotAllowed: "{param} 必须是数字,不能是 TRUE/FALSE。",
  errorInRange: "{param} 第 {pos} 个单元格是错误值。",
  notFinite: "{param} 必须是有限的数字。",
  negative: "{param} 不能为负数。",
  notPositive: "{param} 必须大于 0。",
  notAProbability: "{param} 必须介于 0 和 1 之间(不含 0 和 1)。",
  notOneDimensional: "{param} 必须是单行或单列(给出的是 {rows}×{cols})。",
  tooManyColumns: "{param} 只能有一列(销售额)或两列(销售额、利润);给出的是 {cols} 列。",
  blankInside: "{param} 第 {pos} 个单元格为空;请填写或缩小区域。",
  textInRange: "{param} 第 {pos} 个单元格是文本“{value}”,应为数字。",
  negativeInRange: "{param} 第 {pos} 个单元格是负数 {value}。",
  noNumbers: "{param} 中没有数字。",
  tooFewNumbers: "{param} 至少需要 {min} 个数字;只给出了 {count} 个。",
  cutoffRange: "{param} 必须大于 0 且不超过 1。",
  cutoffsOutOfOrder: "b_cutoff({b})不能小于 a_cutoff({a})。",
  sizeMismatch: "{param} 有 {count} 个单元格,而 {other} 有 {otherCount} 个;请给出大小相同的区域。",
  partialRow: "{param}:第 {pos} 项在 modes、lead_days、costs 中有的填了、有的为空。",
  modeBlank: "modes 第 {pos} 项名称为空。",
  noModes: "modes 中没有任何运输方式。",
  infiniteCover: "weekly_demand 全为 0:库存永远不会用完。",
};
