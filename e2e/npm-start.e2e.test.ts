import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumAvailable, freePort, launchBrowser, screenshot, startApp, type RunningApp } from './harness';
import zhCN from '../src-renderer/i18n/zh-CN';

/** Whether Electron's binary is downloaded. Not require('electron'), which since Electron 42 downloads a missing one. */
function electronInstalled(): boolean {
  try {
    const electron = path.dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    return fs.existsSync(path.join(electron, 'dist', fs.readFileSync(path.join(electron, 'path.txt'), 'utf8')));
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
    // Where the electron package is installed but its binary is not, npm start must not fetch it here.
    app = await startApp('npm', ['start', '--', '--port', String(port)], { timeoutMs: 120_000, env: { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' } });
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
