import { randomBytes } from 'node:crypto';

/**
 * One policy for the desktop window (app://) and browser mode. Mantine writes its CSS variables, global
 * classes and responsive style props into <style> tags; rather than 'unsafe-inline', every page load gets
 * a fresh nonce that the renderer hands to MantineProvider's getStyleNonce. Other responses get none.
 */
export function contentSecurityPolicy(styleNonce?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    styleNonce ? `style-src 'self' 'nonce-${styleNonce}'` : "style-src 'self'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** The page with a fresh style nonce in `<meta property="csp-nonce">` (src-renderer/main.tsx reads it) and the policy to send with it. */
export function pageWithStyleNonce(html: string): { html: string; policy: string } {
  const nonce = randomBytes(18).toString('base64');
  const meta = `<meta property="csp-nonce" nonce="${nonce}">`;
  const head = /<head(\s[^>]*)?>/i.exec(html) ?? /^\s*<!doctype[^>]*>/i.exec(html);
  const at = head ? head.index + head[0].length : 0;
  return { html: html.slice(0, at) + meta + html.slice(at), policy: contentSecurityPolicy(nonce) };
}
