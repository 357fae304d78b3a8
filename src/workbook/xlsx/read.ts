import type { CellValue, RawTable } from "../../core/data/table";
import { readBook } from "./book";
import { WorkbookFileError } from "./errors";
import { XLSX_LIMITS, type XlsxLimits } from "./limits";
import { streamRows } from "./sheet";
import { ZipParts } from "./zipParts";

function headerText(v: CellValue): string {
  if (v === null) return "";
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return String(v).trim();
}

const isEmpty = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/** A table being filled row by row as the sheet streams past. */
interface Collector {
  readonly name: string;
  headerRow: number;
  left: number;
  right: number;
  /** Last sheet row that belongs to the table (Infinity for a plain sheet). */
  readonly last: number;
  headers: string[] | undefined;
  readonly rows: CellValue[][];
  /** The last sheet row with a non-blank cell: trailing blank rows are dropped. */
  lastFilled: number;
}

function toTable(c: Collector, sheet: string): RawTable | undefined {
  if (!c.headers) return undefined;
  return {
    name: c.name,
    sheet,
    headers: c.headers,
    rows: c.rows.slice(0, Math.max(0, c.lastFilled - c.headerRow)),
    firstRow: c.headerRow + 1,
    firstColumn: c.left,
  };
}

/** Cells kept so far, against the `cells` limit. */
interface Budget {
  cells: number;
}

function collect(
  c: Collector,
  plain: boolean,
  r: number,
  values: readonly CellValue[],
  spend: (cells: number) => void,
): void {
  if (!c.headers) {
    if (plain) {
      let left = 0;
      let right = 0;
      for (let i = 1; i < values.length; i++) {
        if (isEmpty(values[i])) continue;
        if (left === 0) left = i;
        right = i;
      }
      if (left === 0) return;
      c.headerRow = r;
      c.left = left;
      c.right = right;
      c.lastFilled = r;
    } else if (r !== c.headerRow) return;
    spend(c.right - c.left + 1);
    const headers: string[] = [];
    for (let i = c.left; i <= c.right; i++) headers.push(headerText(values[i] ?? null));
    c.headers = headers;
    return;
  }
  if (r <= c.headerRow || r > c.last) return;
  const width = c.right - c.left + 1;
  let any = false;
  for (let i = c.left; i <= c.right && !any; i++) any = !isEmpty(values[i]);
  // Blank rows are kept only once a filled row follows them: rows are positional.
  if (!any) return;
  spend(width * (r - c.headerRow - c.rows.length));
  while (c.headerRow + c.rows.length + 1 < r) c.rows.push(new Array<CellValue>(width).fill(null));
  const cells: CellValue[] = new Array(width);
  for (let i = c.left; i <= c.right; i++) cells[i - c.left] = values[i] ?? null;
  c.rows.push(cells);
  c.lastFilled = r;
}

/**
 * Reads an xlsx file's candidate input tables: every Excel table by its name,
 * and each sheet that holds no Excel table as one table under its first
 * non-empty row (named after the sheet). Rows go straight from the zip stream
 * into their table, so a large sheet is held once. Date cells arrive as
 * Excel serial numbers in the 1900 date system (number formats are read only
 * to move a 1904-system workbook's dates); the contract reads serials in date
 * columns. A file that is not a readable xlsx throws a `WorkbookFileError`
 * naming what is wrong and where; `limits` bound what is read (tests pass
 * small ones).
 */
export async function readXlsxTables(file: string, limits: XlsxLimits = XLSX_LIMITS): Promise<RawTable[]> {
  const zip = await ZipParts.open(file, limits);
  try {
    const book = await readBook(zip);
    const budget: Budget = { cells: 0 };
    const out: RawTable[] = [];
    for (const sheet of book.sheets) {
      const defs = sheet.tables.filter((t) => t.headerRows > 0);
      const plain = defs.length === 0;
      const collectors: Collector[] = plain
        ? [
            {
              name: sheet.name,
              headerRow: 0,
              left: 0,
              right: 0,
              last: Infinity,
              headers: undefined,
              rows: [],
              lastFilled: 0,
            },
          ]
        : defs.map((t) => ({
            name: t.name,
            headerRow: t.top,
            left: t.left,
            right: t.right,
            last: t.bottom - t.totalsRows,
            headers: undefined,
            rows: [],
            lastFilled: t.top,
          }));
      const spend = (cells: number): void => {
        budget.cells += cells;
        if (budget.cells > zip.limits.cells) {
          throw new WorkbookFileError("fileTooLarge", {
            file,
            where: `sheet “${sheet.name}”`,
            size: `more than ${zip.limits.cells.toLocaleString("en-US")} cells in its tables`,
            limit: `${zip.limits.cells.toLocaleString("en-US")} cells`,
          });
        }
      };
      await streamRows(zip, sheet, book, (r, values) => {
        for (const c of collectors) collect(c, plain, r, values, spend);
      });
      for (const c of collectors) {
        const table = toTable(c, sheet.name);
        if (table) out.push(table);
      }
    }
    return out;
  } finally {
    zip.close();
  }
}
