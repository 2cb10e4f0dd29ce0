import { Button, Center, Group, Loader, Menu, Pagination, Select } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAddressBook, IconDots, IconFileImport, IconForms, IconPlus, IconTags } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CustomerListRow } from '../../../src-main/domain/customers/customers.dto';
import { pageCount, PageTotal } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { useCan } from '../auth/current-user';
import { BulkActions } from './components/BulkActions';
import { CustomersTable } from './components/CustomersTable';
import { FieldDefsManager } from './components/FieldDefsManager';
import { activeFilterCount, ListFilters } from './components/ListFilters';
import { SavedViewsMenu } from '../../components/SavedViewsMenu';
import { TagsManager } from './components/TagsManager';
import { useCustomerList } from './customers.queries';
import { downloadCustomersExport } from './export-customers';
import { ExportButton } from '../../components/ExportButton';
import { DEFAULT_SORT, useListState } from './list-state';
import { shortcutTarget } from '../../components/shortcut-targets';

/** /customers: the customer list (客户档案). */
export function CustomersListPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [state, update] = useListState();
  const [selected, setSelected] = useState(new Map<string, CustomerListRow>());
  const [tagsOpened, tagsModal] = useDisclosure();
  const [fieldsOpened, fieldsModal] = useDisclosure();
  const input = { q: state.q || undefined, filters: state.filters, sort: state.sort, page: state.page, pageSize: state.pageSize };
  const list = useCustomerList(input);
  const filtered = state.q !== '' || activeFilterCount(state.filters) > 0;

  function select(rows: CustomerListRow[], checked: boolean) {
    setSelected((current) => {
      const next = new Map(current);
      for (const row of rows) {
        if (checked) next.set(row.id, row);
        else next.delete(row.id);
      }
      return next;
    });
  }

  const createButton = can('customers.write') && (
    <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} />} data-testid="new-customer" {...shortcutTarget('create')}>
      {t('customers.add')}
    </Button>
  );
  const importButton = can('customers.import') && (
    <Button component={Link} to="/customers/import" variant="default" leftSection={<IconFileImport size={16} />}>
      {t('customers.import')}
    </Button>
  );

  return (
    <>
      <PageHeader
        title={t('customers.title')}
        actions={
          <>
            <SavedViewsMenu area="customers" current={{ q: state.q, filters: state.filters, sort: state.sort }} onOpen={(view) => update({ q: view.q ?? '', filters: view.filters ?? {}, sort: view.sort ?? DEFAULT_SORT })} />
            {can('customers.claim') && (
              <Button component={Link} to="/customers/pool" variant="default" data-testid="open-pool">
                {t('customers.pool.open')}
              </Button>
            )}
            {importButton}
            {createButton}
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default" px="xs" aria-label={t('customers.list.settings')} data-testid="customers-settings">
                  <IconDots size={18} />
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Label>{t('customers.list.settings')}</Menu.Label>
                <Menu.Item leftSection={<IconTags size={14} />} onClick={tagsModal.open}>
                  {t('customers.list.manageTags')}
                </Menu.Item>
                <Menu.Item leftSection={<IconForms size={14} />} onClick={fieldsModal.open}>
                  {t('customers.list.manageFields')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <ListFilters q={state.q} filters={state.filters} onSearch={(q) => update({ q })} onFilters={(filters) => update({ filters })} />
      {selected.size > 0 && <BulkActions selected={[...selected.values()]} onClear={() => setSelected(new Map())} />}

      {list.isError ? (
        <LoadFailed error={list.error} onRetry={() => void list.refetch()} />
      ) : list.isPending ? (
        <Center py="xl">
          <Loader />
        </Center>
      ) : list.data.total === 0 ? (
        filtered ? (
          <EmptyState title={t('customers.list.noMatchTitle')} text={t('customers.list.noMatchText')} />
        ) : (
          <EmptyState
            icon={<IconAddressBook size={30} />}
            title={t('customers.list.emptyTitle')}
            text={t('customers.list.emptyText')}
            action={
              <Group>
                {createButton}
                {importButton}
              </Group>
            }
          />
        )
      ) : (
        <>
          <CustomersTable rows={list.data.rows} sort={state.sort} onSort={(sort) => update({ sort })} selected={selected} onSelect={select} />
          <Group justify="space-between" mt="sm">
            <Group gap="xs">
              <PageTotal page={list.data} words="customers.list" />
              <Select
                size="xs"
                w={90}
                aria-label={t('table.pageSize')}
                data={['20', '50', '100', '200']}
                value={String(state.pageSize)}
                allowDeselect={false}
                onChange={(v) => update({ pageSize: Number(v) })}
              />
              {list.isFetching && <Loader size="xs" />}
            </Group>
            <Pagination size="sm" total={pageCount(list.data, state.pageSize)} value={state.page} onChange={(page) => update({ page })} />
            {can('customers.export') ? (
              <Group gap="xs">
                <ExportButton onExport={(jobId) => downloadCustomersExport({ q: input.q, filters: input.filters, sort: input.sort }, jobId)} />
              </Group>
            ) : (
              <span />
            )}
          </Group>
        </>
      )}
      <TagsManager opened={tagsOpened} onClose={tagsModal.close} />
      <FieldDefsManager opened={fieldsOpened} onClose={fieldsModal.close} />
    </>
  );
}
