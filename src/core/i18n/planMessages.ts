/**
 * Messages of the plan area: Settings problems, the reasons and actions the
 * plan writes, the output sheets' headers and statuses. `{name}` placeholders
 * are filled by `t()`.
 */
export const planEn = {
  planSettingUnknown:
    "Settings: “{key}” is not a setting the plan knows; it is ignored. Known keys: {known}.",
  planSettingNotANumber: "Settings: {key} must be a number, not “{value}”; the default {fallback} is used.",
  planSettingOutOfRange:
    "Settings: {key} = {value} is out of range ({bound}); the default {fallback} is used.",
  planSettingCutoffs:
    "Settings: abc_b_cutoff ({b}) is below abc_a_cutoff ({a}); the defaults 0.7 / 0.9 are used.",
  planCancelled: "The plan was cancelled.",
} as const;

export type PlanMessageKey = keyof typeof planEn;

export const planZhCN: Record<PlanMessageKey, string> = {
  planSettingUnknown: "设置:“{key}”不是计划可识别的设置项,已忽略。可用设置项:{known}。",
  planSettingNotANumber: "设置:{key} 必须是数字,而不是“{value}”;已使用默认值 {fallback}。",
  planSettingOutOfRange: "设置:{key} = {value} 超出范围({bound});已使用默认值 {fallback}。",
  planSettingCutoffs: "设置:abc_b_cutoff({b})小于 abc_a_cutoff({a});已使用默认值 0.7 / 0.9。",
  planCancelled: "计划已取消。",
};
