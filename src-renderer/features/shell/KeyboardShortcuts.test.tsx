import { useDisclosure } from '@mantine/hooks';
import { spotlight } from '@mantine/spotlight';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Customer, CustomerListRow } from '../../../src-main/domain/customers/customers.dto';
import { aCompanySettings } from '../../test-utils/company-settings';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { CustomerEditPage, CustomerNewPage } from '../customers/CustomerForm.page';
import { CustomersListPage } from '../customers/CustomersList.page';
import { CommandPalette, openCommandPalette } from './CommandPalette';
import { KeyboardShortcuts } from './KeyboardShortcuts';

/** The screen under test inside the app's shortcut bindings, as AppLayout mounts them. */
function WithShortcuts({ children }: { children: ReactNode }) {
  const [opened, sheet] = useDisclosure();
  return (
    <>
      <KeyboardShortcuts sheetOpened={opened} onOpenSheet={sheet.open} onCloseSheet={sheet.close} />
      <CommandPalette entries={[]} onShowShortcuts={sheet.open} />
      {children}
    </>
  );
}

const JINQIAO: Customer = {
  id: '0190a0b0-0000-7000-8000-0000000000c7',
  code: 'C000007',
  kind: 'company',
  name: '南京金桥贸易有限公司',
  shortName: '金桥',
  creditCode: null,
  industry: null,
  size: null,
  source: null,
  cooperationSince: null,
  ownerUserId: null,
  ownerName: null,
  mobile: '13912345678',
  phone: null,
  email: null,
  province: null,
  city: null,
  district: null,
  creditLimit: null,
  paymentTermsDays: 30,
  tier: null,
  birthday: null,
  invoiceTitle: null,
  taxpayerId: null,
  bankName: null,
  bankAccount: null,
  registeredAddress: null,
  registeredPhone: null,
  customFields: {},
  notes: null,
  lifecycleStage: 'active',
  lifecycleComputed: 'active',
  lifecycleOverride: null,
  lifecycleOverrideReason: null,
  status: 'active',
  mergedIntoId: null,
  leadId: null,
  createdAt: '2026-01-05T02:00:00.000Z',
  updatedAt: '2026-01-05T02:00:00.000Z',
  createdBy: null,
  contacts: [],
  addresses: [],
  tags: [],
  nextContactOn: null,
};

function customerBackend() {
  return fakeBackend({
    'customers.get': () => JINQIAO,
    'customers.update': () => ({ ...JINQIAO, warnings: [] }),
    'settings.get': () => aCompanySettings(),
    'customers.listFieldDefs': () => [],
    'customers.listTags': () => [],
    'customers.listViews': () => [],
    'users.options': () => [],
    'customers.checkDuplicates': () => [],
    'customers.list': () => ({ rows: [] as CustomerListRow[], total: 0, totalIsExact: true }),
    'customers.create': (input) => ({ id: '0190a0b0-0000-7000-8000-0000000000c1', code: 'C000002', name: input.name, duplicates: [], warnings: [] }) as unknown as Customer & { duplicates: []; warnings: [] },
    'workbench.find': () => [],
  });
}

const press = (keys: string) => ({ ctrl: `{Control>}${keys}{/Control}`, cmd: `{Meta>}${keys}{/Meta}` });

afterEach(() => {
  vi.restoreAllMocks();
  // The palette's open state is app-wide: a test that opened it must not leave it over the next screen.
  act(() => spotlight.close());
});

describe('keyboard shortcuts', () => {
  it('Ctrl+S in the customer form saves it with what was typed, the cursor still in a field', async () => {
    const backend = customerBackend();
    const { user } = await render(
      <WithShortcuts>
        <CustomerNewPage />
      </WithShortcuts>,
      { path: '/customers/new' },
    );
    await screen.findByTestId('customer-form');
    await user.click(screen.getByTestId('customer-name'));
    await user.paste('苏州恒远五金有限公司');
    await user.click(screen.getByTestId('customer-mobile'));
    await user.paste('13912340001');
    await user.keyboard(press('s').ctrl);
    await waitFor(() => expect(backend.inputsOf('customers.create')).toHaveLength(1));
    expect(backend.inputsOf('customers.create')[0]).toMatchObject({ name: '苏州恒远五金有限公司', mobile: '13912340001' });
    expect(await screen.findByTestId('elsewhere')).toBeTruthy();
  });

  it('Cmd+S on a Mac saves too, and a refused check sends nothing', async () => {
    const backend = customerBackend();
    const { user } = await render(
      <WithShortcuts>
        <CustomerNewPage />
      </WithShortcuts>,
      { path: '/customers/new' },
    );
    await screen.findByTestId('customer-form');
    await user.click(screen.getByTestId('customer-name'));
    await user.paste('苏州恒远五金有限公司');
    await user.keyboard(press('s').cmd);
    // The company requires a mobile: the form marks the field and the server hears nothing.
    await waitFor(() => expect(screen.getByTestId('customer-mobile').getAttribute('aria-invalid')).toBe('true'));
    expect(backend.inputsOf('customers.create')).toEqual([]);
  });

  it('Cmd+S in the edit form sends only the changed field through customers.update', async () => {
    const backend = customerBackend();
    const { user } = await render(
      <WithShortcuts>
        <CustomerEditPage />
      </WithShortcuts>,
      { path: '/customers/:id/edit', url: `/customers/${JINQIAO.id}/edit` },
    );
    await screen.findByTestId('customer-form');
    const mobile = screen.getByTestId<HTMLInputElement>('customer-mobile');
    await waitFor(() => expect(mobile.value).toBe('13912345678'));
    await user.clear(mobile);
    await user.paste('13800001111');
    await user.keyboard(press('s').cmd);
    await waitFor(() => expect(backend.inputsOf('customers.update')).toHaveLength(1));
    expect(backend.inputsOf('customers.update')[0]).toMatchObject({ id: JINQIAO.id, mobile: '13800001111' });
    expect(backend.inputsOf('customers.update')[0]).not.toHaveProperty('name');
  });

  it('Ctrl+S with no form on screen does nothing, and never lets the browser save the page', async () => {
    const backend = customerBackend();
    await render(
      <WithShortcuts>
        <CustomersListPage />
      </WithShortcuts>,
      { path: '/customers', permissions: ['customers.write'] },
    );
    await screen.findByTestId('customer-search');
    const allowed = fireEvent.keyDown(document.body, { key: 's', code: 'KeyS', ctrlKey: true });
    expect(allowed).toBe(false);
    expect(backend.methods().filter((m) => /\.(create|update)$/.test(m))).toEqual([]);
  });

  it('Ctrl+N on the customer list opens the new-customer form', async () => {
    customerBackend();
    const { user, router } = await render(
      <WithShortcuts>
        <CustomersListPage />
      </WithShortcuts>,
      { path: '/customers', permissions: ['customers.write'] },
    );
    await screen.findByTestId('customer-search');
    await user.keyboard(press('n').ctrl);
    await waitFor(() => expect(router.state.location.pathname).toBe('/customers/new'));
  });

  it('Ctrl+N does nothing for a role that may not create customers', async () => {
    customerBackend();
    const { user, router } = await render(
      <WithShortcuts>
        <CustomersListPage />
      </WithShortcuts>,
      { path: '/customers', permissions: ['customers.read'] },
    );
    await screen.findByTestId('customer-search');
    expect(screen.queryByTestId('new-customer')).toBeNull();
    await user.keyboard(press('n').ctrl);
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    expect(router.state.location.pathname).toBe('/customers');
  });

  it('/ puts the cursor in the list’s search box; typed inside a field it is just a character', async () => {
    customerBackend();
    const { user } = await render(
      <WithShortcuts>
        <CustomersListPage />
      </WithShortcuts>,
      { path: '/customers', permissions: ['customers.write'] },
    );
    const search = await screen.findByTestId<HTMLInputElement>('customer-search');
    expect(document.activeElement).not.toBe(search);
    await user.keyboard('/');
    expect(document.activeElement).toBe(search);
    expect(search.value).toBe('');
    await user.keyboard('金桥/南京');
    expect(search.value).toBe('金桥/南京');
  });

  it('? opens the sheet of shortcuts with this computer’s key names, and Esc closes it', async () => {
    customerBackend();
    vi.spyOn(navigator, 'platform', 'get').mockReturnValue('Win32');
    const { user } = await render(
      <WithShortcuts>
        <CustomersListPage />
      </WithShortcuts>,
      { path: '/customers', permissions: ['customers.write'] },
    );
    await screen.findByTestId('customer-search');
    await user.keyboard('{Shift>}?{/Shift}');
    const list = await screen.findByTestId('shortcut-list');
    const rows = within(list).getAllByRole('row').map((row) => row.textContent);
    expect(rows[0]).toContain('Ctrl+S');
    expect(rows[0]).toContain('保存');
    expect(rows.find((row) => row?.includes('新建'))).toContain('Ctrl+N');
    expect(rows.find((row) => row?.includes('关闭抽屉'))).toContain('Esc');
    expect(rows.find((row) => row?.includes('列表的搜索框'))).toMatch(/^\/搜索/);
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('shortcut-list')).toBeNull());
  });

  it('names the keys ⌘ on a Mac', async () => {
    customerBackend();
    vi.spyOn(navigator, 'platform', 'get').mockReturnValue('MacIntel');
    const { user } = await render(
      <WithShortcuts>
        <CustomersListPage />
      </WithShortcuts>,
      { path: '/customers', permissions: ['customers.write'] },
    );
    await screen.findByTestId('customer-search');
    await user.keyboard('?');
    const rows = within(await screen.findByTestId('shortcut-list')).getAllByRole('row').map((row) => row.textContent);
    expect(rows[0]).toContain('⌘S');
    expect(rows.join('\n')).not.toContain('Ctrl');
  });

  it('opens the sheet from the palette’s 快捷键 command, found by its pinyin initials', async () => {
    customerBackend();
    const { user } = await render(
      <WithShortcuts>
        <div />
      </WithShortcuts>,
    );
    act(() => openCommandPalette());
    await user.type(await screen.findByTestId('palette-input'), 'kjj');
    await user.click(await screen.findByText('快捷键'));
    expect(await screen.findByTestId('shortcut-list')).toBeTruthy();
  });

  it('Ctrl+K opens the palette from inside a field', async () => {
    customerBackend();
    const { user } = await render(
      <WithShortcuts>
        <CustomersListPage />
      </WithShortcuts>,
      { path: '/customers', permissions: ['customers.write'] },
    );
    await user.click(await screen.findByTestId('customer-search'));
    await user.keyboard(press('k').ctrl);
    expect(await screen.findByTestId('palette-input')).toBeTruthy();
  });

  it('Esc closes the customer list’s filter drawer', async () => {
    customerBackend();
    const { user } = await render(
      <WithShortcuts>
        <CustomersListPage />
      </WithShortcuts>,
      { path: '/customers', permissions: ['customers.write'] },
    );
    await user.click(await screen.findByTestId('more-filters'));
    const drawer = await screen.findByRole('dialog');
    await waitFor(() => expect(drawer.contains(document.activeElement)).toBe(true));
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
