/** Full-width ASCII (０-９, Ａ-Ｚ, ＠, ．) and the ideographic space to half-width; Chinese IMEs produce these. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Characters that Windows, macOS or Linux refuse in a file name, control characters included: a run of them at a time. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const NOT_IN_FILE_NAMES = /[\\/:*?"<>|\u0000-\u001f]+/g;

/** Text fit to be (part of) a file name: each run of characters a file system refuses becomes `replacement`, the ends trimmed. */
export function fileNamePart(text: string, replacement = '_'): string {
  return text.replace(NOT_IN_FILE_NAMES, replacement).trim();
}
