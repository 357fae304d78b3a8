export { t, type MessageKey, type MessageParams } from "./catalogue";
export { langFromLocale, LANGS, type Lang } from "./lang";
export { formatMoney, formatQuantity, type NumberKind } from "./numberFormat";
export { PLACEHOLDER_KINDS } from "./placeholderKinds";
