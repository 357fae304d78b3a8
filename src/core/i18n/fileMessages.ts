/**
 * Messages about the workbook file itself — a file the CLI cannot read or
 * write — as opposed to the tables in it (dataMessages). `{name}` placeholders
 * are filled by `t()`.
 */
export const fileEn = {
  fileNotFound: "Cannot read {file}: there is no such file.",
  fileNotRegular: "Cannot read {file}: it is a {kind}, not a file.",
  fileUnreadable: "Cannot read {file}: {detail}.",
  fileLegacy:
    "Cannot read {file}: it is an Excel 97–2003 (.xls) or password-protected workbook. Save it from Excel as an unprotected .xlsx workbook.",
  fileNotZip:
    "Cannot read {file}: it is not an xlsx workbook (an xlsx file is a zip archive; this one is not).",
  fileDamaged:
    "Cannot read {file}: the file is damaged ({where}: {detail}). Nothing was planned; open it in Excel to repair it, or use a good copy.",
  fileNotWorkbook:
    "Cannot read {file}: it is a zip archive but holds no Excel workbook ({where} is missing).",
  fileMalformed:
    "Cannot read {file}: {where} is not valid xlsx ({detail}). Open and save it in Excel to repair it.",
  fileTooLarge:
    "Cannot read {file}: {where} is too large ({size}); the planner reads at most {limit}. Remove unused sheets or rows.",
  fileOutputNotRegular:
    "Cannot write the plan to {file}: it is a {kind}, not a file. Choose a file name with -o.",
  fileOutputNoFolder: "Cannot write the plan to {file}: the folder {folder} does not exist.",
  fileWriteFailed: "Cannot write the plan to {file}: {detail}. Nothing was written.",
  fileInternalError:
    "Internal error, nothing was written: {detail}. Please report it with the input file (run with --debug for details).",
  fileNonFinite: "the plan has a non-finite number ({value}) in {sheet}!{cell}, column {column}",
};

export const fileZhCN: Record<keyof typeof fileEn, string> = {
  fileNotFound: "无法读取 {file}:文件不存在。",
  fileNotRegular: "无法读取 {file}:它是{kind},不是文件。",
  fileUnreadable: "无法读取 {file}:{detail}。",
  fileLegacy:
    "无法读取 {file}:这是 Excel 97–2003(.xls)或设有密码的工作簿。请在 Excel 中另存为未加密的 .xlsx 工作簿。",
  fileNotZip: "无法读取 {file}:它不是 xlsx 工作簿(xlsx 文件是 zip 压缩包,此文件不是)。",
  fileDamaged:
    "无法读取 {file}:文件已损坏({where}:{detail})。未制定计划;请用 Excel 打开修复,或使用完好的副本。",
  fileNotWorkbook: "无法读取 {file}:它是 zip 压缩包,但其中没有 Excel 工作簿(缺少 {where})。",
  fileMalformed: "无法读取 {file}:{where} 不是有效的 xlsx 内容({detail})。请用 Excel 打开并保存以修复。",
  fileTooLarge: "无法读取 {file}:{where} 过大({size});最多读取 {limit}。请删除不用的工作表或行。",
  fileOutputNotRegular: "无法把计划写入 {file}:它是{kind},不是文件。请用 -o 指定文件名。",
  fileOutputNoFolder: "无法把计划写入 {file}:文件夹 {folder} 不存在。",
  fileWriteFailed: "无法把计划写入 {file}:{detail}。未写入任何内容。",
  fileInternalError: "内部错误,未写入任何内容:{detail}。请连同输入文件一起报告(加 --debug 可查看详情)。",
  fileNonFinite: "计划在 {sheet}!{cell}(列 {column})中有非有限数值({value})",
};
