/**
 * The E2E start most screens need: the small demo book (seed 2026) in a fresh file, served, with
 * one Chromium page signed in. One place, so every E2E file seeds and signs in the same way.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createBackend, type RunningBackend } from '../src-main/backend/backend';
import { DEMO_OWNER, seedDemoData } from '../src-main/seed/seed';
import zhCN from '../src-renderer/i18n/zh-CN';
import { openAppInBrowser, type AppInBrowser } from './harness';

/** A seeded database file; `inspect` reads what a test needs from it before the server opens it. */
export async function seededDatabase(name: string, inspect?: (backend: RunningBackend) => void): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `desk-erp-${name}-e2e-`)), 'desk-erp.sqlite');
  const backend = createBackend({ file });
  try {
    await seedDemoData(backend, { scale: 'small', seed: 2026 });
    inspect?.(backend);
  } finally {
    backend.close();
  }
  return file;
}

export interface SeededAppOptions {
  name: string;
  /** Who signs in (the demo users share the owner's password); the owner by default. */
  username?: string;
  width?: number;
  height?: number;
  timeoutMs?: number;
  inspect?: (backend: RunningBackend) => void;
}

/** The seeded book served and open in Chromium, signed in, at the first screen after sign-in. */
export async function openSeededApp(options: SeededAppOptions): Promise<AppInBrowser> {
  const session = await openAppInBrowser({ dbFile: await seededDatabase(options.name, options.inspect), width: options.width ?? 1366, height: options.height ?? 860, timeoutMs: options.timeoutMs ?? 15_000 });
  await signIn(session.page, session.app.url, options.username ?? DEMO_OWNER.username);
  return session;
}

/** Signs a demo user in on the sign-in screen (the demo users share the owner's password). */
export async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.getByLabel(zhCN.login.username).fill(username);
  await page.getByLabel(zhCN.login.password).fill(DEMO_OWNER.password);
  await page.getByRole('button', { name: zhCN.login.submit }).click();
  await page.getByTestId('nav').waitFor();
}
