import { CONTRACT, type TableName } from "../core/data/contract";
import { findTables } from "../core/data/findTables";
import type { DataProblem } from "../core/data/problem";
import type { RawTable } from "../core/data/table";

/** What the pane shows for one contract table. */
export type TableState = "found" | "missing" | "problems";

export interface TableStatus {
  readonly table: TableName;
  readonly required: boolean;
  readonly state: TableState;
  readonly sheet?: string;
  readonly rows?: number;
  readonly problems: number;
}

/**
 * The column mapping the user chose for headers that don't match the
 * contract: table → contract column → the header as written in the workbook.
 */
export type ColumnMapping = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** The document setting the mapping is saved under. */
export const MAPPING_SETTING = "livestock.columnMapping";

/** A mapping read back from the document settings; anything malformed reads as no mapping. */
export function parseMapping(text: string | undefined): ColumnMapping {
  if (!text) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== "object" || value === null) return {};
    const out: Record<string, Record<string, string>> = {};
    for (const [table, columns] of Object.entries(value)) {
      if (typeof columns !== "object" || columns === null) continue;
      const entries = Object.entries(columns).filter((e): e is [string, string] => typeof e[1] === "string");
      out[table] = Object.fromEntries(entries);
    }
    return out;
  } catch {
    return {};
  }
}

/**
 * The tables with mapped headers renamed to the contract's column names, so
 * the planner reads them as if the workbook had used those names. Tables are
 * matched by their table name; unmapped tables come back unchanged.
 */
export function applyMapping(tables: readonly RawTable[], mapping: ColumnMapping): RawTable[] {
  return tables.map((table) => {
    const columns = mapping[table.name];
    if (!columns || Object.keys(columns).length === 0) return table;
    const renamed = new Map(Object.entries(columns).map(([column, header]) => [header, column]));
    return { ...table, headers: table.headers.map((h) => renamed.get(h) ?? h) };
  });
}

/** A required column the workbook's table lacks, and the headers of that table no contract column took. */
export interface MappingNeed {
  readonly table: TableName;
  /** The table's name in the workbook (the mapping's key). */
  readonly rawName: string;
  readonly column: string;
  readonly candidates: readonly string[];
}

/** Each required column missing from a found table, with the headers that could be it. */
export function mappingNeeds(tables: readonly RawTable[]): MappingNeed[] {
  const needs: MappingNeed[] = [];
  for (const [name, found] of findTables(tables).tables) {
    const taken = new Set(found.columns.filter((i) => i >= 0));
    const candidates = found.raw.headers.filter((h, i) => !taken.has(i) && h.trim() !== "");
    found.spec.columns.forEach((column, i) => {
      if (column.required && found.columns[i] < 0) {
        needs.push({ table: name, rawName: found.raw.name, column: column.name, candidates });
      }
    });
  }
  return needs;
}

/** Each contract table: found (where, how many rows), missing, or with problems. */
export function tableStatuses(tables: readonly RawTable[], problems: readonly DataProblem[]): TableStatus[] {
  const found = findTables(tables);
  const all = [...found.problems, ...problems];
  return CONTRACT.map((spec) => {
    const table = found.tables.get(spec.name);
    const count = new Set(all.filter((p) => p.table === spec.name).map(problemId)).size;
    return {
      table: spec.name,
      required: spec.required,
      state: !table ? "missing" : count > 0 ? "problems" : "found",
      sheet: table?.raw.sheet,
      rows: table?.raw.rows.length,
      problems: table ? count : 0,
    };
  });
}

/** Problems of the table finder and of the last run, each once. */
export function allProblems(tables: readonly RawTable[], problems: readonly DataProblem[]): DataProblem[] {
  const seen = new Set<string>();
  return [...findTables(tables).problems, ...problems].filter((p) => {
    const id = problemId(p);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

const problemId = (p: DataProblem): string =>
  `${p.table}|${p.sheet ?? ""}|${p.row ?? ""}|${p.column ?? ""}|${p.message.en}`;
