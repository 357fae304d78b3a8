import {
  Button,
  Checkbox,
  Field,
  Input,
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
import {
  SIMULATION_LIMITS,
  simulationCountValid,
  simulationProgressOf,
  type SimulationStage,
  type SimulationState,
} from "../useSimulation";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  buttons: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  simulation: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalM },
  count: { width: "7em" },
});

const STAGE_LABEL: Record<JobStage, MessageKey> = {
  reading: "stageReading",
  forecasting: "stageForecasting",
  planning: "stagePlanning",
  backtest: "stageBacktest",
  writing: "stageWriting",
};

const SIMULATION_STAGE_LABEL: Record<SimulationStage, MessageKey> = {
  reading: "stageReading",
  simulating: "simulateStageSimulating",
  writing: "stageWriting",
};

/** Which run the panel reports on: the one started last. */
export type ActiveRun = "plan" | "simulate";

export type RunPanelProps = {
  lang: Lang;
  plan: RunState;
  simulation: SimulationState;
  active: ActiveRun;
  /** Weeks, runs and seed to simulate as typed (NaN when blank). */
  weeks: number;
  runs: number;
  seed: number;
  onWeeks: (weeks: number) => void;
  onRuns: (runs: number) => void;
  onSeed: (seed: number) => void;
  /** Whether the simulated LiveStock plan also runs every Thursday (`--replan thu`). */
  replanThursday: boolean;
  onReplanThursday: (on: boolean) => void;
  onRun: () => void;
  onSimulate: () => void;
  onCancel: () => void;
};

/**
 * The primary "Generate plan" button, "Simulate" with its weeks, runs and seed,
 * cancel, and the progress bar and outcome of the run started last. One run
 * at a time: both write sheets of the add-in through the same safe write.
 */
export function RunPanel(props: RunPanelProps) {
  const { lang, plan, simulation, active, onRun, onSimulate, onCancel } = props;
  const styles = useStyles();
  const current: RunState | SimulationState = active === "plan" ? plan : simulation;
  const busy = plan.status === "running" || simulation.status === "running";
  const writing = current.status === "running" && current.stage === "writing";
  const { value, hint } = active === "plan" ? planProgress(lang, plan) : simulationProgress(lang, simulation);
  return (
    <section className={styles.root} aria-label={t(lang, "sectionRun")}>
      <div className={styles.buttons}>
        <Button appearance="primary" onClick={onRun} disabled={busy}>
          {t(lang, "runButton")}
        </Button>
        <Button onClick={onSimulate} disabled={busy}>
          {t(lang, "simulateButton")}
        </Button>
        {busy && (
          <Button onClick={onCancel} disabled={writing || current.cancelling === true}>
            {current.cancelling ? t(lang, "runCancelling") : t(lang, "runCancel")}
          </Button>
        )}
      </div>
      <div className={styles.simulation}>
        {(
          [
            ["simulateWeeks", "weeks", props.weeks, props.onWeeks],
            ["simulateRuns", "runs", props.runs, props.onRuns],
            ["simulateSeed", "seed", props.seed, props.onSeed],
          ] as const
        ).map(([label, limit, count, onChange]) => (
          <CountField key={limit} lang={lang} label={label} limit={limit} value={count} onChange={onChange} />
        ))}
      </div>
      <Field hint={t(lang, "simulateReplanHint")}>
        <Checkbox
          label={t(lang, "simulateReplan")}
          checked={props.replanThursday}
          onChange={(_, data) => props.onReplanThursday(data.checked === true)}
        />
      </Field>
      {current.status !== "idle" && (
        <Field label={t(lang, "runProgress")} hint={hint} validationState="none">
          <ProgressBar value={value} max={1} thickness="large" />
        </Field>
      )}
      <Outcome lang={lang} state={current} active={active} />
    </section>
  );
}

function CountField(props: {
  lang: Lang;
  label: MessageKey;
  limit: keyof typeof SIMULATION_LIMITS;
  value: number;
  onChange: (n: number) => void;
}) {
  const styles = useStyles();
  const { min, max } = SIMULATION_LIMITS[props.limit];
  const name = t(props.lang, props.label);
  const valid = simulationCountValid(props.limit, props.value);
  return (
    <Field
      label={name}
      validationMessage={valid ? undefined : t(props.lang, "simulateInvalid", { name, min, max })}
    >
      <Input
        className={styles.count}
        type="number"
        inputMode="numeric"
        min={min}
        max={max}
        step={1}
        value={Number.isFinite(props.value) ? String(props.value) : ""}
        onChange={(_, data) => props.onChange(data.value === "" ? Number.NaN : Number(data.value))}
      />
    </Field>
  );
}

function planProgress(lang: Lang, state: RunState): { value: number; hint: string } {
  const hint =
    state.status === "done" ? t(lang, "stageDone") : state.stage ? t(lang, STAGE_LABEL[state.stage]) : "";
  return { value: progressOf(state), hint };
}

function simulationProgress(lang: Lang, state: SimulationState): { value: number; hint: string } {
  const p = state.progress;
  const hint =
    state.status === "done"
      ? t(lang, "stageDone")
      : state.stage === "simulating" && p
        ? t(lang, "simulateProgress", { week: p.week, weeks: p.weeks, run: p.run, runs: p.runs })
        : state.stage
          ? t(lang, SIMULATION_STAGE_LABEL[state.stage])
          : "";
  return { value: simulationProgressOf(state), hint };
}

function Outcome({
  lang,
  state,
  active,
}: {
  lang: Lang;
  state: RunState | SimulationState;
  active: ActiveRun;
}) {
  const bar = (intent: "success" | "warning" | "error" | "info", text: string) => (
    <MessageBar intent={intent}>
      <MessageBarBody>{text}</MessageBarBody>
    </MessageBar>
  );
  const plan = active === "plan";
  switch (state.status) {
    case "done":
      return bar(
        "success",
        t(lang, plan ? "runDone" : "simulateDone", { count: state.written?.length ?? 0 }),
      );
    case "cancelled":
      return bar("info", t(lang, "runCancelled"));
    case "blocked":
      return bar("warning", t(lang, plan ? "runBlocked" : "simulateBlocked"));
    case "failed":
      return bar("error", errorMessage(state.error, lang));
    default:
      return null;
  }
}
