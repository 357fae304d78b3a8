import * as path from "path";
import { WorkbookFileError } from "./errors";
import { XLSX_LIMITS } from "./limits";
import { prefixedAttribute, readXmlPart } from "./xml";
import type { ZipParts } from "./zipParts";

export interface TableDef {
  readonly name: string;
  /** 1-based bounds of the whole table, header row included. */
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
  readonly headerRows: number;
  readonly totalsRows: number;
}

export interface SheetInfo {
  readonly name: string;
  /** The sheet's part in the zip, e.g. "xl/worksheets/sheet1.xml". */
  readonly path: string;
  readonly tables: readonly TableDef[];
}

/** What the sheets' cells need from the rest of the workbook. */
export interface CellContext {
  readonly sharedStrings: readonly string[];
  /**
   * Cell style indexes whose number format is a date or time; set only in a
   * workbook on the 1904 date system, whose date serials are 1,462 days lower.
   */
  readonly dates1904?: ReadonlySet<number>;
}

export interface Book extends CellContext {
  readonly sheets: readonly SheetInfo[];
}

interface Relationship {
  readonly type: string;
  readonly target: string;
}

/** A relationship target resolved against the part that holds it; `/…` is from the package root. */
function resolveTarget(base: string, target: string): string {
  let t = target;
  try {
    t = decodeURIComponent(target);
  } catch {
    // A stray % stays as written.
  }
  if (t.startsWith("/")) return t.slice(1);
  return path.posix.normalize(path.posix.join(path.posix.dirname(base), t));
}

/** The relationships of `part` by id, targets resolved; external targets left out. */
async function relationshipsOf(zip: ZipParts, part: string): Promise<Map<string, Relationship>> {
  const rels = part.replace(/([^/]*)$/, "_rels/$1.rels");
  const map = new Map<string, Relationship>();
  await readXmlPart(zip, rels, zip.limits.wholePartBytes, {
    open(name, a) {
      if (name !== "Relationship" || !a.Id || !a.Target || a.TargetMode === "External") return;
      map.set(a.Id, { type: a.Type ?? "", target: resolveTarget(part, a.Target) });
    },
    close() {},
  });
  return map;
}

/** Relationship types end the same in transitional and strict OOXML: ".../worksheet". */
const ofType = (rel: Relationship, type: string): boolean => rel.type.endsWith(`/${type}`);

/**
 * The column of a cell reference, "AB12" → 28 (a leading `$` allowed), by
 * hand: a regular expression here costs a tenth of reading a sheet. 0 when it
 * starts with no letter.
 */
export function referenceColumn(ref: string): number {
  let col = 0;
  let i = ref.charCodeAt(0) === 36 ? 1 : 0;
  for (; i < ref.length && i < 5; i++) {
    const c = ref.charCodeAt(i) | 0x20;
    if (c < 97 || c > 122) break;
    col = col * 26 + c - 96;
  }
  return col;
}

/** "AB12" → { row: 12, col: 28 }, or undefined when it is no cell of Excel's grid. */
function parseAddress(a: string): { row: number; col: number } | undefined {
  const m = /^\$?[A-Za-z]{1,3}\$?(\d{1,7})$/.exec(a);
  if (!m) return undefined;
  const row = Number(m[1]);
  const col = referenceColumn(a);
  if (row < 1 || row > XLSX_LIMITS.rows || col > XLSX_LIMITS.columns) return undefined;
  return { row, col };
}

async function readTable(zip: ZipParts, part: string): Promise<TableDef | undefined> {
  let def: TableDef | undefined;
  await readXmlPart(zip, part, zip.limits.wholePartBytes, {
    open(name, a) {
      if (name !== "table" || def) return;
      const tableName = a.displayName ?? a.name;
      const [from, to] = (a.ref ?? "").split(":").map(parseAddress);
      if (!tableName || !from) return;
      const end = to ?? from;
      const count = (s: string | undefined, fallback: number): number => {
        const n = Number(s ?? fallback);
        return Number.isInteger(n) && n >= 0 ? n : fallback;
      };
      def = {
        name: tableName,
        top: Math.min(from.row, end.row),
        left: Math.min(from.col, end.col),
        bottom: Math.max(from.row, end.row),
        right: Math.max(from.col, end.col),
        headerRows: count(a.headerRowCount, 1),
        totalsRows: count(a.totalsRowCount, 0),
      };
    },
    close() {},
  });
  return def;
}

/** The strings of the shared-strings part: each item's `<t>` text, phonetic runs (`<rPh>`) left out. */
async function readSharedStrings(zip: ZipParts, part: string): Promise<string[]> {
  const out: string[] = [];
  let chars = 0;
  let inItem = false;
  let phonetic = 0;
  let inText = false;
  let item = "";
  await readXmlPart(zip, part, zip.limits.streamedPartBytes, {
    open(name) {
      if (name === "si") {
        inItem = true;
        item = "";
      } else if (inItem && name === "rPh") phonetic++;
      else if (inItem && name === "t" && phonetic === 0) inText = true;
    },
    close(name) {
      if (name === "t") inText = false;
      else if (name === "rPh") phonetic--;
      else if (name === "si") {
        inItem = false;
        chars += item.length;
        if (chars > zip.limits.sharedStringChars) {
          throw new WorkbookFileError("fileTooLarge", {
            file: zip.file,
            where: part,
            size: `more than ${zip.limits.sharedStringChars.toLocaleString("en-US")} characters of text`,
            limit: `${zip.limits.sharedStringChars.toLocaleString("en-US")}`,
          });
        }
        out.push(item);
      }
    },
    text(s) {
      if (inText) item += s;
    },
  });
  return out;
}

/** Excel's built-in number formats that show a date or time. */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A format code shows a date or time when, outside quotes, escapes and [brackets], it has d, m, y, h or s. */
const isDateCode = (code: string): boolean =>
  /[dmyhs]/i.test(code.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, "").replace(/General/gi, ""));

/** The cell style indexes (`s`) whose number format is a date or time. */
async function readDateStyles(zip: ZipParts, part: string): Promise<Set<number>> {
  const custom = new Map<number, string>();
  const xfFormats: number[] = [];
  let inCellXfs = false;
  await readXmlPart(zip, part, zip.limits.wholePartBytes, {
    open(name, a) {
      if (name === "numFmt" && a.numFmtId !== undefined) custom.set(Number(a.numFmtId), a.formatCode ?? "");
      else if (name === "cellXfs") inCellXfs = true;
      else if (inCellXfs && name === "xf") xfFormats.push(Number(a.numFmtId ?? 0));
    },
    close(name) {
      if (name === "cellXfs") inCellXfs = false;
    },
  });
  const dates = new Set<number>();
  xfFormats.forEach((id, style) => {
    const code = custom.get(id);
    if (code !== undefined ? isDateCode(code) : BUILTIN_DATE_FORMATS.has(id)) dates.add(style);
  });
  return dates;
}

/**
 * The workbook's sheets in order with their Excel tables, its shared strings,
 * and, on the 1904 date system, which styles are dates. Hidden sheets are read
 * like visible ones: a table on a hidden sheet is still the workbook's table.
 */
export async function readBook(zip: ZipParts): Promise<Book> {
  const root = await relationshipsOf(zip, "");
  const main = [...root.values()].find((r) => ofType(r, "officeDocument"))?.target ?? "xl/workbook.xml";
  if (!zip.has(main)) throw new WorkbookFileError("fileNotWorkbook", { file: zip.file, where: main });
  const rels = await relationshipsOf(zip, main);
  const listed: { name: string; rid: string }[] = [];
  let date1904 = false;
  await readXmlPart(zip, main, zip.limits.wholePartBytes, {
    open(name, a) {
      if (name === "workbookPr") date1904 = a.date1904 === "1" || a.date1904 === "true";
      else if (name === "sheet") {
        const rid = prefixedAttribute(a, "id");
        if (a.name && rid) listed.push({ name: a.name, rid });
      }
    },
    close() {},
  });
  const sheets: SheetInfo[] = [];
  for (const { name, rid } of listed) {
    const rel = rels.get(rid);
    if (!rel || !ofType(rel, "worksheet") || !zip.has(rel.target)) continue;
    const tables: TableDef[] = [];
    for (const t of (await relationshipsOf(zip, rel.target)).values()) {
      if (!ofType(t, "table")) continue;
      const def = await readTable(zip, t.target);
      if (def) tables.push(def);
    }
    sheets.push({ name, path: rel.target, tables });
  }
  const relsOf = (type: string): string | undefined =>
    [...rels.values()].find((r) => ofType(r, type))?.target;
  const sharedPart = relsOf("sharedStrings");
  const stylesPart = relsOf("styles");
  return {
    sheets,
    sharedStrings: sharedPart ? await readSharedStrings(zip, sharedPart) : [],
    dates1904: date1904 && stylesPart ? await readDateStyles(zip, stylesPart) : undefined,
  };
}
