/** Messages of the plan area; the same keys in both languages. */
export const planEn = {} as const;

export type PlanMessageKey = keyof typeof planEn;

export const planZhCN: Record<PlanMessageKey, string> = {};
