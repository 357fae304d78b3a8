export { t, type MessageKey, type MessageParams } from "./catalogue";
export { langFromLocale, LANGS, type Lang } from "./lang";
