/** Messages of the ui area; the same keys in both languages. */
export const uiEn = {} as const;

export type UiMessageKey = keyof typeof uiEn;

export const uiZhCN: Record<UiMessageKey, string> = {};
