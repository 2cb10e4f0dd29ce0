import { act, screen, waitFor } from '@testing-library/react';
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import zhCN from '../../i18n/zh-CN';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { CommandPalette, openCommandPalette } from './CommandPalette';
import { commandMatches, PALETTE_COMMANDS } from './palette-commands';

const LEAD_ID = '0190a0b0-0000-7000-8000-0000000000aa';

function wordsOf(labelKey: string): string {
  return labelKey.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], zhCN) as string;
}

describe('the command palette', () => {
  it('spells every command’s pinyin as pinyin-pro reads its zh-CN words', () => {
    for (const command of PALETTE_COMMANDS) {
      const han = wordsOf(command.label).replace(/[^\u4e00-\u9fff]/g, '');
      expect({ key: command.key, pinyin: command.pinyin }).toEqual({ key: command.key, pinyin: pinyin(han, { toneType: 'none', type: 'array' }).join(' ') });
    }
  });

  it('matches a command by its words, its full pinyin and its initials, and nothing else', () => {
    const newCustomer = PALETTE_COMMANDS.find((c) => c.key === 'newCustomer')!;
    for (const q of ['新建客户', '客户', 'xinjiankehu', 'xin jian', 'xjkh', 'XJKH']) expect({ q, match: commandMatches(newCustomer, '新建客户', q) }).toEqual({ q, match: true });
    for (const q of ['xjxs', '线索', 'kehux']) expect({ q, match: commandMatches(newCustomer, '新建客户', q) }).toEqual({ q, match: false });
  });

  it('finds a lead through workbench.find by its pinyin initials and opens it', async () => {
    const backend = fakeBackend({
      'workbench.find': ({ q }) => (q === 'yjmy' ? [{ kind: 'lead', id: LEAD_ID, title: '远景贸易', subtitle: 'L000001 · 周明', path: `/leads?open=${LEAD_ID}` }] : []),
    });
    const { user, router } = await render(<CommandPalette entries={[]} onShowShortcuts={() => undefined} />, { permissions: ['leads.read', 'customers.write'] });
    act(() => openCommandPalette());
    await user.type(await screen.findByTestId('palette-input'), 'yjmy');
    const hit = await screen.findByText('远景贸易');
    expect(screen.getByText('线索 · L000001 · 周明')).toBeTruthy();
    expect(backend.inputsOf('workbench.find').at(-1)).toEqual({ q: 'yjmy' });
    await user.click(hit);
    await waitFor(() => expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(`/leads?open=${LEAD_ID}`));
  });

  it('runs 新建客户 typed as its initials, and offers a command only to a role that may use it', async () => {
    fakeBackend({ 'workbench.find': () => [] });
    const { user, router } = await render(<CommandPalette entries={[]} onShowShortcuts={() => undefined} />, { permissions: ['customers.write'] });
    act(() => openCommandPalette());
    await user.type(await screen.findByTestId('palette-input'), 'xj');
    const offered = (await screen.findAllByTestId('palette-command')).map((c) => c.textContent);
    expect(offered.some((text) => text?.includes('新建客户'))).toBe(true);
    // 新建线索 and 新建订单 need permissions this user lacks.
    expect(offered.some((text) => text?.includes('新建线索') || text?.includes('新建订单'))).toBe(false);
    await user.type(screen.getByTestId('palette-input'), 'kh');
    await user.click(await screen.findByText('新建客户'));
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/new'));
  });
});
