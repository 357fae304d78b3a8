import { Field, Select } from "@fluentui/react-components";
import { LANGS, t, type Lang } from "../../core/i18n";

export type LanguageSwitchProps = { lang: Lang; onChange: (lang: Lang) => void };

const names: Record<Lang, "langEn" | "langZhCN"> = { en: "langEn", "zh-CN": "langZhCN" };

/** The pane's language, labelled "Language" / "语言"; it starts as Office's display language. */
export function LanguageSwitch({ lang, onChange }: LanguageSwitchProps) {
  return (
    <Field label={t(lang, "language")} orientation="horizontal">
      <Select value={lang} onChange={(_, data) => onChange(data.value as Lang)}>
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {t(l, names[l])}
          </option>
        ))}
      </Select>
    </Field>
  );
}
