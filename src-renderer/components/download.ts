import type { ExportFile } from '../../src-main/domain/exports/exports.contract';
import type { ExportLanguage } from '../../src-main/domain/exports/exports.table';
import { EXPORT_LANGUAGES } from '../../src-main/domain/exports/exports.table';
import i18n from '../i18n';

const TYPES: Record<string, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
};

/** Saves content as a file through the browser's download (Electron shows its save dialog). */
export function download(fileName: string, content: string | Blob, type = TYPES.csv): void {
  const blob = content instanceof Blob ? content : new Blob([content], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The UI language an export is written in: its headers, labels, file name. */
export function exportLanguage(): ExportLanguage {
  const language = i18n.language as ExportLanguage;
  return EXPORT_LANGUAGES.includes(language) ? language : 'zh-CN';
}

/** Saves the file an export call produced on the server; returns how many rows it holds. */
export function saveExport(file: ExportFile): number {
  download(file.fileName, new Blob([file.content as Uint8Array<ArrayBuffer>], { type: TYPES[file.fileName.split('.').pop() ?? ''] ?? 'application/octet-stream' }));
  return file.rows;
}
