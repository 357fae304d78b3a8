import { columnLetters } from "../../core/data/problem";
import type { CellValue } from "../../core/data/table";
import { referenceColumn, type CellContext, type SheetInfo } from "./book";
import { WorkbookFileError } from "./errors";
import { mainPrefix, readXmlTags, type XmlTag } from "./xml";
import type { ZipParts } from "./zipParts";

/** Days from 1899-12-30 to 1904-01-01: a 1904-system serial plus this is the 1900-system serial. */
const DATE_1904_OFFSET = 1462;

/**
 * Streams a sheet's rows to `onRow`: the row number and its cells by column
 * number (1 = A), in ascending row order; the array is reused for the next
 * row. Shared strings are looked up, inline and formula strings kept as text,
 * numbers parsed; a formula gives its cached result, never its text (none
 * cached: blank); rich-text runs are joined and phonetic runs (`rPh`) left out. Only `sheetData` is read — page breaks, merged-cell lists,
 * `extLst` and the rest are passed over — so merged cells read as Excel shows
 * them, the value in the top-left cell. A cell or row without `r` follows the
 * one before it. Row and column numbers must stay within Excel's grid, rows in
 * ascending order; anything else is a malformed file, reported with its place.
 */
export async function streamRows(
  zip: ZipParts,
  sheet: SheetInfo,
  context: CellContext,
  onRow: (row: number, cells: CellValue[]) => void,
): Promise<void> {
  const { sharedStrings, dates1904 } = context;
  const part = `sheet “${sheet.name}” (${sheet.path})`;
  const malformed = (at: string, detail: string): WorkbookFileError =>
    new WorkbookFileError("fileMalformed", { file: zip.file, where: `${part}, ${at}`, detail });

  let depth = 0;
  /** Depth of `<sheetData>` while inside it; 0 before, -1 after. */
  let dataDepth = 0;
  let row = 0;
  let col = 0;
  /** The current row's cells by column, reused from row to row: `onRow` copies what it keeps. */
  const cells: CellValue[] = [];
  let inRow = false;
  let type: string | undefined;
  let style: string | undefined;
  let inCell = false;
  let hasValue = false;
  let inValue = false;
  let inInline = false;
  let phonetic = 0;
  let text = "";

  const cellName = (): string => `cell ${columnLetters(col)}${row}`;

  // SpreadsheetML's element names, with the prefix the root binds to its namespace ("x:row" from the Open XML SDK).
  let names = { sheetData: "sheetData", row: "row", c: "c", v: "v", is: "is", t: "t", rPh: "rPh" };

  await readXmlTags(zip, sheet.path, zip.limits.streamedPartBytes, {
    open(tag: XmlTag) {
      const name = tag.name;
      if (++depth === 1) {
        const p = mainPrefix(tag);
        if (p)
          names = {
            sheetData: `${p}sheetData`,
            row: `${p}row`,
            c: `${p}c`,
            v: `${p}v`,
            is: `${p}is`,
            t: `${p}t`,
            rPh: `${p}rPh`,
          };
        return;
      }
      if (dataDepth <= 0) {
        if (dataDepth === 0 && name === names.sheetData) dataDepth = depth;
        return;
      }
      const a = tag.attributes;
      const level = depth - dataDepth;
      if (level === 1) {
        if (name !== names.row) return;
        const r = a.r === undefined ? row + 1 : Number(a.r);
        if (!Number.isInteger(r) || r < 1 || r > zip.limits.rows)
          throw malformed(`row ${a.r}`, `row numbers go from 1 to ${zip.limits.rows}`);
        if (r <= row) throw malformed(`row ${r}`, `rows must come in order, and it follows row ${row}`);
        row = r;
        col = 0;
        cells.length = 0;
        inRow = true;
      } else if (level === 2) {
        if (name !== names.c || !inRow) return;
        if (a.r === undefined) col++;
        else {
          col = referenceColumn(a.r);
          if (col === 0) throw malformed(`row ${row}`, `“${a.r}” is not a cell reference`);
        }
        if (col > zip.limits.columns)
          throw malformed(`row ${row}`, `a cell beyond Excel's last column XFD (“${a.r ?? col}”)`);
        inCell = true;
        type = a.t;
        style = a.s;
        hasValue = false;
        text = "";
      } else if (!inCell) {
        // A row's own extLst: nothing to read.
      } else if (level === 3) {
        if (name === names.v) inValue = hasValue = true;
        else if (name === names.is) inInline = hasValue = true;
      } else if (inInline) {
        if (name === names.rPh) phonetic++;
        else if (name === names.t && phonetic === 0) inValue = true;
      }
    },
    close(tag: XmlTag) {
      const level = depth - dataDepth;
      depth--;
      if (dataDepth <= 0) return;
      const name = tag.name;
      if (level === 0) {
        dataDepth = -1;
      } else if (level === 1) {
        if (name === names.row && inRow) onRow(row, cells);
        inRow = false;
      } else if (level === 2) {
        if (name !== names.c || !inRow) return;
        if (hasValue) {
          const value = cellValue(text);
          if (value !== null) cells[col] = value;
        }
        inCell = false;
      } else if (name === names.v || name === names.t) inValue = false;
      else if (name === names.is) inInline = false;
      else if (name === names.rPh) phonetic--;
    },
    text(s) {
      if (inValue) text += s;
    },
    where: () => `${part}, ${row === 0 ? "before the first row" : `after row ${row}`}`,
  });

  function cellValue(v: string): CellValue {
    switch (type) {
      case "s": {
        const i = Number(v);
        if (!Number.isInteger(i) || i < 0 || i >= sharedStrings.length)
          throw malformed(
            cellName(),
            `shared string ${v} does not exist (there are ${sharedStrings.length})`,
          );
        return sharedStrings[i];
      }
      case "inlineStr":
      case "str":
      case "e":
      case "d":
        return v;
      case "b":
        return v === "1" || v === "true";
      default: {
        if (v === "") return null;
        const n = Number(v);
        // Not a finite number ("1e999", "NaN"): the text stays text, for the checks to name.
        if (!Number.isFinite(n) || v.trim() === "") return v;
        return dates1904 && style !== undefined && dates1904.has(Number(style)) ? n + DATE_1904_OFFSET : n;
      }
    }
  }
}
