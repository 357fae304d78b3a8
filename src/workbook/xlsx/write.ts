import { promises as fs, type Stats } from "fs";
import * as path from "path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnLetters } from "../../core/data/problem";
import type { CellOut, RawTable, SheetOut } from "../../core/data/table";
import { t, type MessageParams } from "../../core/i18n/catalogue";
import type { Lang } from "../../core/i18n/lang";
import { NUMBER_FORMATS } from "../numberFormats";
import { WorkbookFileError } from "./errors";
import { specialKind } from "./zipParts";

/** Excel's limit on the characters in one cell. */
export const EXCEL_MAX_CELL_TEXT = 32_767;

/**
 * A plan that holds NaN or ±Infinity: a bug upstream, never the user's input.
 * The writer refuses it before creating any file; the CLI reports an internal
 * error (exit 3).
 */
export class NonFiniteOutputError extends Error {
  readonly params: MessageParams;

  constructor(sheet: string, row: number, column: number, header: string, value: number) {
    const params = { sheet, cell: `${columnLetters(column)}${row}`, column: header, value: String(value) };
    super(t("en", "fileNonFinite", params));
    this.name = "NonFiniteOutputError";
    this.params = params;
  }

  describe(lang: Lang): string {
    return t(lang, "fileNonFinite", this.params);
  }
}

/** Text cut to what one Excel cell holds, ending in "…" when cut. */
export function fitCellText(s: string): string {
  if (s.length <= EXCEL_MAX_CELL_TEXT) return s;
  let end = EXCEL_MAX_CELL_TEXT - 1;
  // Never split a surrogate pair.
  if (/[\uD800-\uDBFF]/.test(s[end - 1])) end--;
  return `${s.slice(0, end)}…`;
}

/** Throws `NonFiniteOutputError` at the first NaN or infinite number of `sheets`. */
export function assertFinite(sheets: readonly SheetOut[]): void {
  for (const sheet of sheets) {
    sheet.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (typeof v === "number" && !Number.isFinite(v))
          throw new NonFiniteOutputError(sheet.name, r + 2, c + 1, sheet.columns[c]?.header ?? "", v);
      }),
    );
  }
}

const FORMULA_LIKE = /^[=+\-@]/;

/** Display width of text: CJK characters take two columns. */
function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function cellValue(v: CellOut): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "string") return fitCellText(v);
  if (typeof v === "object") {
    const [y, m, d] = v.date.split("-").map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return v;
}

const FAILURES: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is used up",
  EROFS: "the file system is read-only",
  EISDIR: "it is a folder",
  ENOENT: "the folder does not exist",
  ENOTDIR: "a part of the path is not a folder",
  ENAMETOOLONG: "the name is too long",
};

/** A failed write as one line naming the file. */
function writeFailed(file: string, error: unknown): WorkbookFileError {
  const code = (error as NodeJS.ErrnoException).code;
  const detail =
    (code && FAILURES[code]) ?? (error instanceof Error ? error.message.split("\n")[0] : String(error));
  return new WorkbookFileError("fileWriteFailed", { file, detail });
}

/**
 * Refuses an output path that exists and is not a regular file (a folder, a
 * FIFO, a device such as /dev/null), or whose folder does not exist: a write
 * must never replace one, and should fail before the plan is computed.
 */
export async function checkOutputPath(file: string): Promise<void> {
  let stats: Stats | undefined;
  try {
    stats = await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT") throw writeFailed(file, error);
  }
  const kind = stats && specialKind(stats);
  if (kind) throw new WorkbookFileError("fileOutputNotRegular", { file }, kind);
  const folder = path.dirname(path.resolve(file));
  const dir = await fs.stat(folder).catch(() => undefined);
  if (!dir?.isDirectory()) throw new WorkbookFileError("fileOutputNoFolder", { file, folder });
}

/**
 * Writes `sheets` as a new xlsx file at `file`: one sheet each, a bold frozen
 * header row with an autofilter, number and date formats per column and
 * widths from the content. Strings are written as strings, so text that
 * starts with `=`, `+`, `-` or `@` stays text and is never a formula; such
 * text in a column that is not text-formatted gets the text format too, so
 * editing the cell in Excel keeps it text. Text longer than a cell holds is cut
 * with "…". A non-finite number throws `NonFiniteOutputError` and any failure
 * to write a `WorkbookFileError`, both before the file appears: it is written
 * to a temporary file and renamed, so it appears whole or not at all.
 */
export async function writeXlsxSheets(file: string, sheets: readonly SheetOut[]): Promise<void> {
  assertFinite(sheets);
  await checkOutputPath(file);
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  try {
    // The streaming writer keeps one row at a time: a 20,000-line plan costs megabytes, not hundreds.
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: temp,
      useSharedStrings: true,
      useStyles: true,
    });
    workbook.creator = "LiveStock Planner";
    for (const sheet of sheets) {
      const ws = workbook.addWorksheet(sheet.name, { views: [{ state: "frozen", ySplit: 1 }] });
      ws.columns = sheet.columns.map((c, i) => {
        let width = textWidth(c.header);
        const sample = Math.min(sheet.rows.length, 500);
        for (let r = 0; r < sample; r++) {
          const v = sheet.rows[r][i];
          const shown =
            v === null
              ? ""
              : typeof v === "object"
                ? v.date
                : typeof v === "number"
                  ? v.toFixed(2)
                  : String(v);
          width = Math.max(width, textWidth(shown));
        }
        return {
          key: c.key,
          width: Math.min(60, Math.max(8, width + 2)),
          style: { numFmt: NUMBER_FORMATS[c.format] },
        };
      });
      if (sheet.columns.length > 0) {
        ws.autoFilter = {
          from: { row: 1, column: 1 },
          to: { row: Math.max(1, sheet.rows.length + 1), column: sheet.columns.length },
        };
      }
      const header = ws.getRow(1);
      sheet.columns.forEach((c, i) => {
        const cell = header.getCell(i + 1);
        cell.value = fitCellText(c.header);
        cell.font = { bold: true };
        cell.numFmt = "@";
      });
      header.commit();
      for (const values of sheet.rows) {
        const row = ws.addRow(values.map(cellValue));
        values.forEach((v, i) => {
          if (typeof v === "string" && FORMULA_LIKE.test(v) && sheet.columns[i]?.format !== "text")
            row.getCell(i + 1).numFmt = "@";
        });
        row.commit();
      }
      await ws.commit();
    }
    await workbook.commit();
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error instanceof WorkbookFileError ? error : writeFailed(file, error);
  }
}

/**
 * Writes input tables (the sample seller's) as an xlsx workbook: one sheet per
 * table, by default holding an Excel table of the same name (`excelTables:
 * false` leaves plain sheets with a header row), dates as date cells, every
 * text as text (a SKU `000123` keeps its zeros).
 */
export async function writeXlsxTables(
  file: string,
  tables: readonly RawTable[],
  options: { readonly excelTables?: boolean } = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: file,
    useSharedStrings: true,
    useStyles: true,
  });
  for (const t of tables) {
    const ws = workbook.addWorksheet(t.sheet, { views: [{ state: "frozen", ySplit: 1 }] });
    const dateColumn = t.headers.map((_, c) => t.rows.some((r) => r[c] instanceof Date));
    ws.columns = t.headers.map((h, c) => ({
      width: Math.max(10, textWidth(h) + 4),
      style: dateColumn[c] ? { numFmt: "yyyy-mm-dd" } : {},
    }));
    const header = ws.addRow([...t.headers]);
    header.font = { bold: true };
    header.commit();
    for (const row of t.rows) ws.addRow([...row]).commit();
    await ws.commit();
  }
  await workbook.commit();
  if (options.excelTables !== false) await addTableParts(file, tables);
}

/**
 * Declares each sheet's range as an Excel table named after it. ExcelJS's
 * streaming writer cannot add tables, so the table parts are added to the
 * finished zip: `xl/tables/tableN.xml`, the sheet's relationship and
 * `<tableParts>`, and the content type.
 */
async function addTableParts(file: string, tables: readonly RawTable[]): Promise<void> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  let types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const escape = (s: string): string =>
    s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    const n = i + 1;
    const lastCol = columnLetters(t.headers.length);
    const ref = `A1:${lastCol}${Math.max(2, t.rows.length + 1)}`;
    const columns = t.headers.map((h, c) => `<tableColumn id="${c + 1}" name="${escape(h)}"/>`).join("");
    zip.file(
      `xl/tables/table${n}.xml`,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${n}" name="${escape(t.name)}" displayName="${escape(t.name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/><tableColumns count="${t.headers.length}">${columns}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    );
    const sheetPath = `xl/worksheets/sheet${n}.xml`;
    const relsPath = `xl/worksheets/_rels/sheet${n}.xml.rels`;
    const rel = `<Relationship Id="rIdLsTable1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/table" Target="../tables/table${n}.xml"/>`;
    const rels = await zip.file(relsPath)?.async("string");
    zip.file(
      relsPath,
      rels
        ? rels.replace("</Relationships>", `${rel}</Relationships>`)
        : `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rel}</Relationships>`,
    );
    const sheetXml = (await zip.file(sheetPath)?.async("string")) ?? "";
    zip.file(
      sheetPath,
      sheetXml.replace(
        "</worksheet>",
        `<tableParts count="1"><tablePart r:id="rIdLsTable1"/></tableParts></worksheet>`,
      ),
    );
    types = types.replace(
      "</Types>",
      `<Override PartName="/xl/tables/table${n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml"/></Types>`,
    );
  }
  zip.file("[Content_Types].xml", types);
  const out = await zip.generateAsync({
    type: "nodebuffer",
    compression: "DEFLATE",
    compressionOptions: { level: 6 },
  });
  await fs.writeFile(file, out);
}
