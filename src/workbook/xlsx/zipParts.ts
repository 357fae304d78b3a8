import { promises as fs, type Stats } from "fs";
import type { Readable } from "stream";
import * as zlib from "zlib";
import yauzl from "yauzl";
import { WorkbookFileError, type SpecialKind } from "./errors";
import { formatBytes, type XlsxLimits } from "./limits";

/** What a path that exists but is not a regular file is. */
export function specialKind(stats: Stats): SpecialKind | undefined {
  if (stats.isFile()) return undefined;
  if (stats.isDirectory()) return "directory";
  if (stats.isFIFO()) return "fifo";
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return "device";
  if (stats.isSocket()) return "socket";
  return "special";
}

const errorText = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Excel 97–2003 files and password-protected xlsx are OLE compound files with this signature. */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Refuses a missing path, a folder, FIFO or device, a file too large, and a file that is not a zip, before opening it. */
async function checkInputFile(file: string, limits: XlsxLimits): Promise<void> {
  let stats: Stats;
  try {
    stats = await fs.stat(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") throw new WorkbookFileError("fileNotFound", { file });
    throw new WorkbookFileError("fileUnreadable", { file, detail: errorText(error) });
  }
  const kind = specialKind(stats);
  if (kind) throw new WorkbookFileError("fileNotRegular", { file }, kind);
  if (stats.size > limits.fileBytes) {
    throw new WorkbookFileError("fileTooLarge", {
      file,
      where: "the file",
      size: formatBytes(stats.size),
      limit: formatBytes(limits.fileBytes),
    });
  }
  const head = Buffer.alloc(8);
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(file, "r");
    await handle.read(head, 0, 8, 0);
  } catch (error) {
    throw new WorkbookFileError("fileUnreadable", { file, detail: errorText(error) });
  } finally {
    await handle?.close();
  }
  if (head.equals(OLE_SIGNATURE)) throw new WorkbookFileError("fileLegacy", { file });
  if (head[0] !== 0x50 || head[1] !== 0x4b) throw new WorkbookFileError("fileNotZip", { file });
}

/** Sniffs a part's encoding from its byte-order mark; XML parts are UTF-8 unless marked UTF-16. */
function decoderFor(first: Buffer): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder("utf-16le");
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder("utf-16be");
  return new TextDecoder("utf-8");
}

/**
 * The parts of an xlsx zip, read one at a time and only as needed. Every part
 * read is checked against the zip's CRC-32 and its declared size (a damaged
 * or forged file is reported as damaged, never read as data), and no part or
 * total may exceed its limits.
 */
export class ZipParts {
  private bytesRead = 0;

  private constructor(
    readonly file: string,
    readonly limits: XlsxLimits,
    private readonly zip: yauzl.ZipFile,
    private readonly entries: ReadonlyMap<string, yauzl.Entry>,
  ) {}

  static async open(file: string, limits: XlsxLimits): Promise<ZipParts> {
    await checkInputFile(file, limits);
    const damaged = (error: unknown): WorkbookFileError =>
      new WorkbookFileError("fileDamaged", { file, where: "zip directory", detail: errorText(error) });
    // Read whole (it is bounded above): a few large reads, where yauzl's reads of an open file come in thousands.
    const bytes = await fs.readFile(file).catch((error: unknown) => {
      throw new WorkbookFileError("fileUnreadable", { file, detail: errorText(error) });
    });
    let zip: yauzl.ZipFile;
    try {
      zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, validateEntrySizes: true });
    } catch (error) {
      throw damaged(error);
    }
    const entries = new Map<string, yauzl.Entry>();
    try {
      if (zip.entryCount > limits.entries) {
        throw new WorkbookFileError("fileTooLarge", {
          file,
          where: "the zip archive",
          size: `${zip.entryCount} parts`,
          limit: `${limits.entries} parts`,
        });
      }
      for await (const entry of zip.eachEntry()) {
        // Part names are case-insensitive (ECMA-376 Part 2, 9.1.1.1).
        const name = entry.fileName.toLowerCase();
        if (!name.endsWith("/") && !entries.has(name)) entries.set(name, entry);
      }
    } catch (error) {
      zip.close();
      throw error instanceof WorkbookFileError ? error : damaged(error);
    }
    return new ZipParts(file, limits, zip, entries);
  }

  has(part: string): boolean {
    return this.entries.has(part.toLowerCase());
  }

  close(): void {
    this.zip.close();
  }

  /**
   * Streams the text of `part` to `onText` in chunks; false when there is no
   * such part. The CRC-32 is checked at the end, and a damaged part is reported
   * as damaged even when its garbage made `onText` throw first: the rest is
   * drained (it is bounded by the declared size) to tell the two apart.
   */
  async stream(part: string, limit: number, onText: (text: string) => void): Promise<boolean> {
    const entry = this.entries.get(part.toLowerCase());
    if (!entry) return false;
    const { file } = this;
    if (entry.uncompressedSize > limit) {
      throw new WorkbookFileError("fileTooLarge", {
        file,
        where: part,
        size: formatBytes(entry.uncompressedSize),
        limit: formatBytes(limit),
      });
    }
    this.bytesRead += entry.uncompressedSize;
    if (this.bytesRead > this.limits.totalBytes) {
      throw new WorkbookFileError("fileTooLarge", {
        file,
        where: "the parts read together",
        size: formatBytes(this.bytesRead),
        limit: formatBytes(this.limits.totalBytes),
      });
    }
    if (entry.isEncrypted()) throw new WorkbookFileError("fileLegacy", { file });
    const damaged = (detail: string): WorkbookFileError =>
      new WorkbookFileError("fileDamaged", { file, where: part, detail });
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8)
      throw damaged(`unknown compression method ${entry.compressionMethod}`);
    let crc = 0;
    let size = 0;
    let failure: unknown;
    let decoder: TextDecoder | undefined;
    try {
      const raw: Readable = await this.zip.openReadStreamPromise(entry, { decodeFileData: false });
      // Inflated here rather than by yauzl: 1 MB chunks make a few hundred trips to zlib's
      // thread pool where its 16 KB chunks make thousands, which on a busy machine cost seconds.
      const data =
        entry.compressionMethod === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: 1 << 20 })) : raw;
      raw.on("error", (error) => data.destroy(error));
      for await (const chunk of data as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > entry.uncompressedSize) {
          data.destroy();
          throw new Error(`more data than the ${entry.uncompressedSize} bytes declared`);
        }
        crc = zlib.crc32(chunk, crc);
        if (failure !== undefined) continue;
        decoder ??= decoderFor(chunk);
        try {
          onText(decoder.decode(chunk, { stream: true }));
        } catch (error) {
          failure = error;
        }
      }
    } catch (error) {
      throw damaged(errorText(error));
    }
    if (size !== entry.uncompressedSize)
      throw damaged(`${size} bytes where ${entry.uncompressedSize} were declared`);
    if (crc !== entry.crc32) throw damaged("CRC-32 checksum mismatch");
    if (failure === undefined && decoder) {
      try {
        onText(decoder.decode());
      } catch (error) {
        failure = error;
      }
    }
    if (failure !== undefined) throw failure;
    return true;
  }
}
