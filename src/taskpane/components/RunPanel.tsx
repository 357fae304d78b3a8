import {
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { t, type Lang, type MessageKey } from "../../core/i18n";
import type { JobStage } from "../../core/job";
import { errorMessage } from "../errors";
import { progressOf, type RunState } from "../usePlanRun";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", columnGap: tokens.spacingHorizontalS },
});

const STAGE_LABEL: Record<JobStage, MessageKey> = {
  reading: "stageReading",
  forecasting: "stageForecasting",
  planning: "stagePlanning",
  backtest: "stageBacktest",
  writing: "stageWriting",
};

export type RunPanelProps = { lang: Lang; state: RunState; onRun: () => void; onCancel: () => void };

/** The primary "Generate plan" button, cancel, the progress bar by stage and the run's outcome. */
export function RunPanel({ lang, state, onRun, onCancel }: RunPanelProps) {
  const styles = useStyles();
  const running = state.status === "running";
  const writing = running && state.stage === "writing";
  const stageText =
    state.status === "done" ? t(lang, "stageDone") : state.stage ? t(lang, STAGE_LABEL[state.stage]) : "";
  return (
    <section className={styles.root} aria-label={t(lang, "sectionRun")}>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onRun} disabled={running}>
          {t(lang, "runButton")}
        </Button>
        {running && (
          <Button onClick={onCancel} disabled={writing || state.cancelling === true}>
            {state.cancelling ? t(lang, "runCancelling") : t(lang, "runCancel")}
          </Button>
        )}
      </div>
      {state.status !== "idle" && (
        <Field label={t(lang, "runProgress")} hint={stageText} validationState="none">
          <ProgressBar value={progressOf(state)} max={1} thickness="large" />
        </Field>
      )}
      <Outcome lang={lang} state={state} />
    </section>
  );
}

function Outcome({ lang, state }: { lang: Lang; state: RunState }) {
  const bar = (intent: "success" | "warning" | "error" | "info", text: string) => (
    <MessageBar intent={intent}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
  switch (state.status) {
    case "done":
      return bar("success", t(lang, "runDone", { count: state.written?.length ?? 0 }));
    case "cancelled":
      return bar("info", t(lang, "runCancelled"));
    case "blocked":
      return bar("warning", t(lang, "runBlocked"));
    case "failed":
      return bar("error", errorMessage(state.error, lang));
    default:
      return null;
  }
}
