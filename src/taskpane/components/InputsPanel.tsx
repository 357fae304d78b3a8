import {
  Badge,
  Button,
  Caption1,
  Field,
  Link,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Text,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useState } from "react";
import { problemMessage, type DataProblem } from "../../core/data/problem";
import { t, type Lang } from "../../core/i18n";
import type { CellRef } from "../../workbook/officePane";
import { errorMessage } from "../errors";
import { parseCellAddress } from "../format";
import type { ColumnMapping, MappingNeed, TableStatus } from "../inputs";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXS,
  },
  row: {
    display: "flex",
    justifyContent: "space-between",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
  },
  problem: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXXS },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalS,
  },
});

export type InputsPanelProps = {
  lang: Lang;
  statuses: readonly TableStatus[];
  problems: readonly DataProblem[];
  needs: readonly MappingNeed[];
  mapping: ColumnMapping;
  error: unknown;
  busy: boolean;
  notice?: string;
  onSelect: (at: CellRef) => void;
  onSaveMapping: (mapping: ColumnMapping) => Promise<boolean>;
  onRefresh: () => void;
  onInsertSample: () => void;
};

/** Where a problem is: the cell to select in Excel, when the problem has one. */
export function problemCell(problem: DataProblem): CellRef | undefined {
  if (!problem.sheet) return undefined;
  const at = problem.cell ? parseCellAddress(problem.cell) : undefined;
  if (at) return { sheet: problem.sheet, ...at };
  return problem.row ? { sheet: problem.sheet, row: problem.row, column: 1 } : undefined;
}

/** Each contract table found / missing / with problems, the problem list and the column mapping. */
export function InputsPanel(props: InputsPanelProps) {
  const { lang, statuses, problems, needs } = props;
  const styles = useStyles();
  const noneFound = statuses.length > 0 && statuses.every((s) => s.state === "missing");
  return (
    <div className={styles.root}>
      <Text>{t(lang, "inputsIntro")}</Text>
      <div className={styles.actions}>
        <Button onClick={props.onRefresh} disabled={props.busy}>
          {t(lang, "readTables")}
        </Button>
        <Button onClick={props.onInsertSample} disabled={props.busy}>
          {t(lang, "insertSample")}
        </Button>
      </div>
      {props.notice && (
        <MessageBar intent="success">
          <MessageBarBody>{props.notice}</MessageBarBody>
        </MessageBar>
      )}
      {props.error !== undefined && (
        <MessageBar intent="error">
          <MessageBarBody>{errorMessage(props.error, lang)}</MessageBarBody>
        </MessageBar>
      )}
      {noneFound && (
        <MessageBar intent="warning">
          <MessageBarBody>{t(lang, "noTablesFound")}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={styles.list} aria-label={t(lang, "sectionInputs")}>
        {statuses.map((s) => (
          <li key={s.table} className={styles.row}>
            <span>
              <Text weight="semibold">{s.table}</Text>{" "}
              <Caption1>
                {s.sheet !== undefined
                  ? t(lang, "tableWhere", { sheet: s.sheet, rows: s.rows ?? 0 })
                  : s.required
                    ? ""
                    : t(lang, "tableOptional")}
              </Caption1>
            </span>
            <StateBadge lang={lang} status={s} />
          </li>
        ))}
      </ul>
      <Subtitle2 as="h2">{t(lang, "problemsHeading")}</Subtitle2>
      {problems.length === 0 ? (
        <Text>{t(lang, "problemsNone")}</Text>
      ) : (
        <ul className={styles.list} aria-label={t(lang, "problemsHeading")}>
          {problems.slice(0, 200).map((p, i) => (
            <ProblemItem key={i} lang={lang} problem={p} onSelect={props.onSelect} />
          ))}
        </ul>
      )}
      {needs.length > 0 && <MappingForm {...props} />}
    </div>
  );
}

function StateBadge({ lang, status }: { lang: Lang; status: TableStatus }) {
  if (status.state === "found") return <Badge color="success">{t(lang, "tableFound")}</Badge>;
  if (status.state === "problems")
    return <Badge color="warning">{t(lang, "tableProblems", { count: status.problems })}</Badge>;
  return <Badge color={status.required ? "danger" : "informative"}>{t(lang, "tableMissing")}</Badge>;
}

function ProblemItem({
  lang,
  problem,
  onSelect,
}: {
  lang: Lang;
  problem: DataProblem;
  onSelect: (at: CellRef) => void;
}) {
  const styles = useStyles();
  const at = problemCell(problem);
  const where =
    problem.row !== undefined
      ? t(lang, "problemWhere", { table: problem.table, row: problem.row, column: problem.column ?? "" })
      : t(lang, "problemWhereTable", { table: problem.table });
  return (
    <li className={styles.problem}>
      {at ? (
        <Link as="button" onClick={() => onSelect(at)} aria-label={t(lang, "problemSelect", { where })}>
          {where}
        </Link>
      ) : (
        <Text weight="semibold">{where}</Text>
      )}
      <Caption1>{problemMessage(problem, lang)}</Caption1>
    </li>
  );
}

function MappingForm({ lang, needs, mapping, onSaveMapping }: InputsPanelProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<ColumnMapping>(mapping);
  const [saved, setSaved] = useState(false);
  const tables = [...new Set(needs.map((n) => n.rawName))];
  const choose = (table: string, column: string, header: string) => {
    const columns = { ...(draft[table] ?? {}) };
    if (header) columns[column] = header;
    else delete columns[column];
    setDraft({ ...draft, [table]: columns });
    setSaved(false);
  };
  return (
    <section className={styles.root} aria-label={t(lang, "mappingHeading")}>
      <Subtitle2 as="h2">{t(lang, "mappingHeading")}</Subtitle2>
      {tables.map((table) => (
        <div key={table} className={styles.root}>
          <Caption1>{t(lang, "mappingIntro", { table })}</Caption1>
          {needs
            .filter((n) => n.rawName === table)
            .map((need) => (
              <Field key={need.column} label={t(lang, "mappingFor", { column: need.column, table })}>
                <Select
                  value={draft[table]?.[need.column] ?? ""}
                  onChange={(_, data) => choose(table, need.column, data.value)}
                >
                  <option value="">{t(lang, "mappingUnset")}</option>
                  {need.candidates.map((h) => (
                    <option key={h} value={h}>
                      {h}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
        </div>
      ))}
      <div className={styles.actions}>
        <Button onClick={async () => setSaved(await onSaveMapping(draft))}>{t(lang, "mappingSave")}</Button>
        {saved && <Text role="status">{t(lang, "mappingSaved")}</Text>}
      </div>
    </section>
  );
}
