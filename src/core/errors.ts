import { t, type MessageKey, type MessageParams } from "./i18n/catalogue";
import type { Lang } from "./i18n/lang";

/**
 * What kind of wrong an input is, in Excel's terms: text or a shape where a
 * number belongs (`value` → #VALUE!), a number out of range (`num` → #NUM!),
 * too little data (`na` → #N/A).
 */
export type ErrorKind = "value" | "num" | "na";

/**
 * The one error the core throws for bad input. It carries a catalogue key, not
 * a sentence, so each layer can say it in the user's language.
 */
export class InputError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly key: MessageKey,
    readonly params: MessageParams = {},
  ) {
    super(t("en", key, params));
    this.name = "InputError";
  }

  /** The message in `lang`. */
  messageIn(lang: Lang): string {
    return t(lang, this.key, this.params);
  }
}
