/** Messages of the data area; the same keys in both languages. */
export const dataEn = {} as const;

export type DataMessageKey = keyof typeof dataEn;

export const dataZhCN: Record<DataMessageKey, string> = {};
