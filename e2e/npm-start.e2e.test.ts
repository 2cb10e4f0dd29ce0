import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, freePort, launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import zhCN from '../src-renderer/i18n/zh-CN';

function electronInstalled(): boolean {
  try {
    const binary = createRequire(import.meta.url)('electron') as unknown;
    return typeof binary === 'string' && fs.existsSync(binary);
  } catch {
    return false;
  }
}

const run = chromiumAvailable();
if (electronInstalled()) console.warn('\n*** SKIPPING npm start browser-mode test: Electron is installed here, so npm start opens the desktop window ***\n');

describe.runIf(run && !electronInstalled())('npm start without an Electron binary', () => {
  let app: RunningApp | undefined;

  afterAll(async () => {
    await app?.stop();
  });

  it('says so in one plain line and serves the app in browser mode at the printed address', async () => {
    const port = await freePort();
    app = await startApp('npm', ['start', '--', '--port', String(port)], { timeoutMs: 120_000 });
    const lines = app.output().split('\n');
    const notice = lines.filter((l) => l.includes('Desktop window unavailable'));
    expect(notice).toHaveLength(1);
    expect(app.url).toBe(`http://127.0.0.1:${port}/`);

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await page.goto(app.url);
      await page.getByText(zhCN.setup.title).waitFor();
      await screenshot(page, 'npm-start-browser-mode');
    } finally {
      await browser.close();
    }
  });
});
