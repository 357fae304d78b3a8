import { t, type MessageKey, type MessageParams } from "../../core/i18n/catalogue";
import type { Lang } from "../../core/i18n/lang";

/** What a path is when it is not a regular file. */
export type SpecialKind = "directory" | "fifo" | "device" | "socket" | "special";

const KIND_NAMES: Readonly<Record<SpecialKind, Readonly<Record<Lang, string>>>> = {
  directory: { en: "folder", "zh-CN": "文件夹" },
  fifo: { en: "named pipe (FIFO)", "zh-CN": "命名管道(FIFO)" },
  device: { en: "device", "zh-CN": "设备" },
  socket: { en: "socket", "zh-CN": "套接字" },
  special: { en: "special file", "zh-CN": "特殊文件" },
};

/**
 * A workbook file that cannot be read or written: damaged, not an xlsx, too
 * large, a folder… Its text is one line naming the file and where in it, in
 * either language (`message` is the English one). The CLI prints it and exits 2.
 */
export class WorkbookFileError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
    readonly kind?: SpecialKind,
  ) {
    super("");
    this.name = "WorkbookFileError";
    this.message = this.describe("en");
  }

  describe(lang: Lang): string {
    if (!this.kind) return t(lang, this.key, this.params);
    return t(lang, this.key, { ...this.params, kind: KIND_NAMES[this.kind][lang] });
  }
}

/** A part of the zip and the place in it, as messages name it: "sheet “Sales” (xl/worksheets/sheet5.xml), row 12". */
export const where = (part: string, at?: string): string => (at ? `${part}, ${at}` : part);
