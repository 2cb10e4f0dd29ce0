/** Full-width ASCII (０-９, Ａ-Ｚ, ＠, ．) and the ideographic space to half-width; Chinese IMEs produce these. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}
