import {
  CONTRACT,
  columnHeaders,
  normalizeHeader,
  tableNames,
  type TableName,
  type TableSpec,
} from "./contract";
import { bilingual, type DataProblem } from "./problem";
import type { RawTable } from "./table";

/** An input table matched to its contract: `columns[i]` is the index in `raw.headers` of `spec.columns[i]`, or -1. */
export interface FoundTable {
  readonly spec: TableSpec;
  readonly raw: RawTable;
  readonly columns: readonly number[];
}

export interface FoundTables {
  readonly tables: ReadonlyMap<TableName, FoundTable>;
  readonly problems: readonly DataProblem[];
}

/** Sheets the add-in writes (`LS Plan`, …) are never read as input. */
const OUTPUT_SHEET = /^LS /;

/** `spec`'s column indices in `headers` (−1 = absent), and the columns named twice. */
function matchColumns(
  spec: TableSpec,
  headers: readonly string[],
): { columns: number[]; twice: [number, number, number][] } {
  const normalized = headers.map((h) => normalizeHeader(h));
  const columns: number[] = [];
  const twice: [number, number, number][] = [];
  spec.columns.forEach((column, ci) => {
    const names = columnHeaders(column);
    let found = -1;
    normalized.forEach((h, hi) => {
      if (!names.includes(h)) return;
      if (found === -1) found = hi;
      else twice.push([ci, found, hi]);
    });
    columns.push(found);
  });
  return { columns, twice };
}

const requiredFound = (spec: TableSpec, columns: readonly number[]): boolean =>
  spec.columns.every((c, i) => !c.required || columns[i] >= 0);

const matchedCount = (columns: readonly number[]): number => columns.filter((i) => i >= 0).length;

const nameOf = (raw: RawTable): string => normalizeHeader(raw.name).replace(/^(tbl|table)(?=.)/, "");

/**
 * Assigns the workbook's tables to the contract: first by table name (English
 * or Chinese, "tbl" prefix allowed), then each remaining table by its header
 * row — to the contract table whose required columns it all has and that it
 * matches most columns of (so Sales, which has stream_id and sku, is not
 * taken for StreamItems). Reports missing tables, missing required columns and
 * columns given twice.
 *
 * @example findTables([{ name: "Sales", headers: ["date","sku","warehouse","units"], … }]).tables.get("Sales")
 */
export function findTables(raws: readonly RawTable[]): FoundTables {
  const problems: DataProblem[] = [];
  const tables = new Map<TableName, FoundTable>();
  const candidates = raws.filter((r) => !OUTPUT_SHEET.test(r.sheet) && !OUTPUT_SHEET.test(r.name));
  const used = new Set<RawTable>();

  for (const spec of CONTRACT) {
    const names = tableNames(spec);
    const raw = candidates.find((r) => !used.has(r) && names.includes(nameOf(r)));
    if (!raw) continue;
    used.add(raw);
    tables.set(spec.name, { spec, raw, columns: matchColumns(spec, raw.headers).columns });
  }

  const pairs: { spec: TableSpec; raw: RawTable; columns: number[]; score: number; order: number }[] = [];
  CONTRACT.forEach((spec, order) => {
    if (tables.has(spec.name)) return;
    for (const raw of candidates) {
      if (used.has(raw)) continue;
      const { columns } = matchColumns(spec, raw.headers);
      if (requiredFound(spec, columns))
        pairs.push({ spec, raw, columns, score: matchedCount(columns), order });
    }
  });
  pairs.sort((a, b) => b.score - a.score || a.order - b.order);
  for (const p of pairs) {
    if (tables.has(p.spec.name) || used.has(p.raw)) continue;
    used.add(p.raw);
    tables.set(p.spec.name, { spec: p.spec, raw: p.raw, columns: p.columns });
  }

  for (const spec of CONTRACT) {
    const found = tables.get(spec.name);
    const required = spec.columns.filter((c) => c.required).map((c) => `${c.name} (${c.zh[0]})`);
    const optional = spec.columns.filter((c) => !c.required).map((c) => `${c.name} (${c.zh[0]})`);
    const lists = { required: required.join(", "), optional: optional.join(", ") || "—" };
    if (!found) {
      if (spec.required) {
        problems.push({
          table: spec.name,
          message: bilingual("dataTableMissing", { table: spec.name, tableZh: spec.zh, ...lists }),
        });
      }
      continue;
    }
    const { raw } = found;
    spec.columns.forEach((c, i) => {
      if (c.required && found.columns[i] < 0) {
        problems.push({
          table: spec.name,
          sheet: raw.sheet,
          column: c.name,
          message: bilingual("dataColumnMissing", {
            table: spec.name,
            column: c.name,
            columnZh: c.zh[0],
            ...lists,
          }),
        });
      }
    });
    for (const [ci, first, second] of matchColumns(spec, raw.headers).twice) {
      problems.push({
        table: spec.name,
        sheet: raw.sheet,
        column: raw.headers[second],
        message: bilingual("dataColumnTwice", {
          table: spec.name,
          column: spec.columns[ci].name,
          first: raw.headers[first],
          second: raw.headers[second],
        }),
      });
    }
  }
  return { tables, problems };
}
