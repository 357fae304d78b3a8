import type { Lang } from "../core/i18n";

/**
 * The language of the functions' error messages. Excel shows the message of a
 * #VALUE! or #N/A, so it follows Office's display language, which is known
 * only once Office is ready; until then, English.
 */
let current: Lang = "en";

export function functionsLanguage(): Lang {
  return current;
}

export function setFunctionsLanguage(lang: Lang): void {
  current = lang;
}
