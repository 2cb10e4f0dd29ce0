import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, pageWithStyleNonce } from './content-security-policy';

function directives(policy: string): Map<string, string> {
  return new Map(
    policy.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values.join(' ')];
    }),
  );
}

describe('content security policy', () => {
  const policy = directives(contentSecurityPolicy());

  it('allows scripts only from the app itself, never inline or eval', () => {
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(contentSecurityPolicy('abc')).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("takes styles from the app, and inline ones only with the page's nonce; images from the app, data: or blob:, fonts from the app or data:", () => {
    expect(policy.get('style-src')).toBe("'self'");
    expect(directives(contentSecurityPolicy('n0nce+/=')).get('style-src')).toBe("'self' 'nonce-n0nce+/='");
    expect(policy.get('img-src')).toBe("'self' data: blob:");
    expect(policy.get('font-src')).toBe("'self' data:");
  });

  it('forbids plugins, <base>, framing and form posts', () => {
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('base-uri')).toBe("'none'");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('form-action')).toBe("'none'");
  });
});

describe('the page and its style nonce', () => {
  const nonceIn = (html: string) => /<meta property="csp-nonce" nonce="([A-Za-z0-9+/]{24})">/.exec(html)?.[1];

  it("puts the nonce first in <head>, where the renderer reads it before Mantine's first <style>", () => {
    const { html, policy } = pageWithStyleNonce('<!doctype html>\n<html lang="zh-CN">\n  <head>\n    <title>Desk ERP</title>\n  </head>\n</html>');
    const nonce = nonceIn(html)!;
    expect(html).toBe(`<!doctype html>\n<html lang="zh-CN">\n  <head><meta property="csp-nonce" nonce="${nonce}">\n    <title>Desk ERP</title>\n  </head>\n</html>`);
    expect(directives(policy).get('style-src')).toBe(`'self' 'nonce-${nonce}'`);
  });

  it('puts it after the doctype of a page without a <head> tag', () => {
    const { html } = pageWithStyleNonce('<!DOCTYPE html><title>Desk ERP</title>');
    expect(html).toBe(`<!DOCTYPE html><meta property="csp-nonce" nonce="${nonceIn(html)}"><title>Desk ERP</title>`);
  });

  it('makes a new nonce every time', () => {
    const nonces = new Set(Array.from({ length: 20 }, () => nonceIn(pageWithStyleNonce('<head></head>').html)));
    expect(nonces.size).toBe(20);
  });
});
