import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = path.join(ROOT, 'test-results', 'e2e');

/** Chromium is required under CI and skipped loudly elsewhere. */
export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM)) return true;
  const message = `E2E: Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI must run the E2E tests.`);
  console.warn(`\n*** SKIPPING ${message} ***\n`);
  return false;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface RunningApp {
  url: string;
  dbFile: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/** Starts a command that prints "running at http://…" and waits for that line. */
export async function startApp(command: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number; dbFile?: string } = {}): Promise<RunningApp> {
  const dbFile = options.dbFile ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'desk-erp-e2e-')), 'desk-erp.sqlite');
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, DESK_ERP_DB: dbFile, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`App did not start in time. Output:\n${output}`)), options.timeoutMs ?? 90_000);
    const check = () => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`App exited with ${code}. Output:\n${output}`));
    });
  });
  return {
    url,
    dbFile,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        try {
          process.kill(-child.pid!, 'SIGTERM');
        } catch {
          resolve();
        }
      }),
  };
}

/** The headless server on a free port, with the renderer already built by the E2E global setup. */
export async function startServer(dbFile?: string): Promise<RunningApp> {
  const port = await freePort();
  return startApp(path.join(ROOT, 'node_modules', '.bin', 'tsx'), ['src-main/cli/main.ts', 'serve', '--port', String(port)], dbFile ? { dbFile } : {});
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** The whole page, or only the window (`fullPage: false`) where an overlay covers just the window. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<string> {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  // Settled, as a person sees it: a dialog caught mid-fade shows a washed-out screen.
  await page.screenshot({ path: file, fullPage, animations: 'disabled' });
  return file;
}

export /** Clicks the visible table's 导出 Excel and reads the file the browser saved: its name and rows (cell values from column A). */
async function downloadedSheet(page: Page): Promise<{ name: string; rows: unknown[][] }> {
  const downloading = page.waitForEvent('download');
  await page.locator('[data-testid="table-export"]:visible').click();
  const downloaded = await downloading;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile((await downloaded.path())!);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { name: downloaded.suggestedFilename(), rows };
}

/** The screen at the widths of the owner's laptop and an old office monitor (`<name>-1366`, `<name>-1024`), back at 1366. */
export async function screenshotsAtBothWidths(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 860 });
  await screenshot(page, `${name}-1366`, options);
  await page.setViewportSize({ width: 1024, height: 768 });
  await screenshot(page, `${name}-1024`, options);
  await page.setViewportSize({ width: 1366, height: 860 });
}

/** A server on a fresh (or given) database and one Chromium page on it, collecting page errors. */
export interface AppInBrowser {
  app: RunningApp;
  browser: Browser;
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

/** The page's uncaught errors and CSP refusals, as they happen. */
export function collectPageErrors(page: Page): string[] {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  // The CSP drops a <style> without the page's nonce silently (src-main/server/content-security-policy.ts).
  page.on('console', (message) => {
    if (message.type() === 'error' && message.text().includes('Content Security Policy')) pageErrors.push(message.text());
  });
  return pageErrors;
}

export async function openAppInBrowser(options: { dbFile?: string; width?: number; height?: number; timeoutMs?: number } = {}): Promise<AppInBrowser> {
  const app = await startServer(options.dbFile);
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: options.width ?? 1366, height: options.height ?? 860 } });
  page.setDefaultTimeout(options.timeoutMs ?? 10_000);
  const pageErrors = collectPageErrors(page);
  return {
    app,
    browser,
    page,
    pageErrors,
    close: async () => {
      await browser.close();
      await app.stop();
    },
  };
}

/** Sets the company up through the API (the wizard has its own test) and reloads signed in as its owner. */
export async function setUpCompanyThroughApi(page: Page): Promise<void> {
  const ok = await page.evaluate(async () => {
    const response = await fetch('/api/auth.setup', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ companyName: '金陵副食品商行', ownerUsername: 'boss', ownerDisplayName: '周老板', password: 'secret-pass-1' }),
    });
    return ((await response.json()) as { ok: boolean }).ok;
  });
  if (!ok) throw new Error('auth.setup failed');
  await page.reload();
}

export async function chooseLanguage(page: Page, label: string): Promise<void> {
  await page.getByTestId('language-switch').click();
  await page.getByRole('option', { name: label }).click();
}
