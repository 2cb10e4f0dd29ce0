import { IMPORT_FIELDS, MAX_IMPORT_BYTES, type ImportField, type RowError } from '../../../src-main/domain/imports/imports.contract';
import { toCsv } from '../../../src-main/domain/shared/csv';
import { TEMPLATE_FIELDS } from './template-fields';
import { uploadFile } from '../../api/client';
import { download } from '../../components/download';
import i18n from '../../i18n';

/** A chosen file as the import methods take it: inline, or by the id of an upload. */
export type Upload = { fileName: string } & ({ contentBase64: string } | { uploadId: string });

/** Why a chosen file cannot be sent, as an i18n key, or null. */
export function uploadProblem(file: File): string | null {
  if (!/\.(csv|txt|tsv|xlsx)$/i.test(file.name)) return 'imports.drop.wrongType';
  if (file.size > MAX_IMPORT_BYTES) return 'imports.drop.tooBig';
  return null;
}

/** The desktop sends the bytes inside the call (through the backend worker); a browser streams the file to the server first. */
export async function readUpload(file: File): Promise<Upload> {
  if (!window.erp) return { fileName: file.name, uploadId: await uploadFile(file) };
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, contentBase64: btoa(binary) };
}

export function templateHeaders(): string[] {
  return TEMPLATE_FIELDS.map((field) => i18n.t(`imports.field.${field}`));
}

export function downloadTemplate(): void {
  download(`${i18n.t('imports.templateFile')}.csv`, toCsv(templateHeaders(), []));
}

export const FIELD_GROUPS: { group: 'customer' | 'contact' | 'address'; fields: ImportField[] }[] = [
  { group: 'customer', fields: IMPORT_FIELDS.filter((f) => !f.startsWith('contact') && f !== 'addressDetail' && f !== 'postcode') },
  { group: 'contact', fields: IMPORT_FIELDS.filter((f) => f.startsWith('contact')) },
  { group: 'address', fields: ['addressDetail', 'postcode'] },
];

/** A row error in the user's language; unknown codes fall back to the backend's English message. */
export function rowErrorText(error: RowError): string {
  const key = `imports.rowError.${error.code}`;
  // “At most {{max}} characters” counts its maximum.
  const counted = error.code === 'tooLong' ? { count: Number(error.params?.max) } : {};
  return i18n.exists(key) ? i18n.t(key, { ...error.params, ...counted }) : error.message;
}
