import { screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBackend } from '../../../test-utils/fake-backend';
import { render } from '../../../test-utils/render';
import messages from '../messages.zh-CN';
import { DiagnosticsCard } from './DiagnosticsCard';

let saved: { name: string; blob: Blob }[] = [];
beforeEach(() => {
  saved = [];
  let last: Blob | null = null;
  URL.createObjectURL = vi.fn((blob: Blob) => {
    last = blob;
    return 'blob:diagnostics';
  });
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: last! });
  });
});
afterEach(() => vi.restoreAllMocks());

function textOf(blob: Blob): Promise<unknown> {
  const reader = new FileReader();
  const read = new Promise((resolve) => (reader.onload = () => resolve(reader.result)));
  reader.readAsText(blob);
  return read;
}

describe('the diagnostics card', () => {
  it('saves the zip the call answers, byte for byte, and says which file it saved', async () => {
    const fileName = 'desk-erp-diagnostics-2026-11-30T12-00-00.zip';
    const backend = fakeBackend({ 'backup.diagnostics': () => ({ fileName, content: new TextEncoder().encode('PK\u0003\u0004 logs'), bytes: 10 }) });
    const { user } = await render(<DiagnosticsCard />, { permissions: ['backup.run'] });

    await user.click(screen.getByTestId('export-diagnostics'));
    await waitFor(() => expect(saved.map((s) => s.name)).toEqual([fileName]));
    expect(backend.inputsOf('backup.diagnostics')).toEqual([{}]);
    expect(saved[0]!.blob.type).toBe('application/zip');
    expect(await textOf(saved[0]!.blob)).toBe('PK\u0003\u0004 logs');
    expect(await screen.findByText(messages.diagnostics.done.replace('{{name}}', fileName))).toBeTruthy();
  });
});
