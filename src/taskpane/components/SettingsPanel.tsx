import { Button, Field, Input, Text, makeStyles, tokens } from "@fluentui/react-components";
import { t, type Lang } from "../../core/i18n";
import type { PlanSettings } from "../../core/plan";
import { SETTING_FIELDS, setByWorkbook } from "../settingsForm";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  grid: {
    display: "grid",
    gridTemplateColumns: "1fr 1fr",
    alignItems: "start",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
});

export type SettingsPanelProps = {
  lang: Lang;
  settings: PlanSettings;
  workbookKeys: ReadonlySet<string>;
  planDate: string;
  onChange: (settings: PlanSettings) => void;
  onPlanDate: (iso: string) => void;
  onReset: () => void;
};

/**
 * Plan date, horizon, service levels and cover by class, ABC cutoffs and the
 * emergency budget. A value the workbook's Settings table sets is shown and
 * locked: the workbook wins.
 */
export function SettingsPanel({
  lang,
  settings,
  workbookKeys,
  planDate,
  onChange,
  onPlanDate,
  onReset,
}: SettingsPanelProps) {
  const styles = useStyles();
  return (
    <div className={styles.root}>
      <Text>{t(lang, "settingsIntro")}</Text>
      <Field label={t(lang, "settingPlanDate")} hint={t(lang, "settingPlanDateAuto")}>
        <Input type="date" value={planDate} onChange={(_, data) => onPlanDate(data.value)} />
      </Field>
      <div className={styles.grid}>
        {SETTING_FIELDS.map((field) => {
          const locked = setByWorkbook(field, workbookKeys);
          const value = field.get(settings);
          const valid = Number.isFinite(value) && value >= field.min && value <= field.max;
          const label = t(lang, field.label, field.params);
          return (
            <Field
              key={field.key}
              label={label}
              hint={locked ? t(lang, "settingFromWorkbook") : undefined}
              validationMessage={
                valid ? undefined : t(lang, "settingInvalid", { name: label, min: field.min, max: field.max })
              }
            >
              <Input
                type="number"
                inputMode="decimal"
                min={field.min}
                max={field.max}
                step={field.step}
                value={Number.isFinite(value) ? String(value) : ""}
                disabled={locked}
                onChange={(_, data) =>
                  onChange(field.set(settings, data.value === "" ? Number.NaN : Number(data.value)))
                }
              />
            </Field>
          );
        })}
      </div>
      <div>
        <Button onClick={onReset}>{t(lang, "settingsReset")}</Button>
      </div>
    </div>
  );
}

/** True when every field of the panel holds a number within its bounds. */
export const settingsValid = (settings: PlanSettings): boolean =>
  SETTING_FIELDS.every((f) => {
    const v = f.get(settings);
    return Number.isFinite(v) && v >= f.min && v <= f.max;
  });
