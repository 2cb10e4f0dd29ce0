import { Button, Center, Checkbox, Group, Loader, NumberInput, Pagination, Paper, Select, Table, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconShoppingCartPlus } from '@tabler/icons-react';
import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-main/domain/core/money';
import type { ReplenishmentRow } from '../../../../src-main/domain/purchasing/purchasing.dto';
import { api } from '../../../api/client';
import { notifyError, useApiQuery } from '../../../api/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { formatTimestampDate } from '../../../format';
import { LoadFailed } from '../../../components/LoadFailed';
import { useCan } from '../../auth/current-user';
import { useSupplierOptions } from '../purchasing.queries';

const PAGE_SIZE = 100;

/** 补货建议: the requests the stock ledger raised, by preferred supplier, made into draft purchase orders in one go. */
export function ReplenishmentTab() {
  const { t } = useTranslation();
  const write = useCan()('purchasing.write');
  const suppliers = useSupplierOptions();
  const [page, setPage] = useState(1);
  const [chosen, setChosen] = useState<Record<string, { quantity: number; supplierId?: string }>>({});
  const [busy, setBusy] = useState(false);
  const list = useApiQuery('purchasing.replenishment', { page, pageSize: PAGE_SIZE }, { placeholderData: keepPreviousData });
  if (list.isError) return <LoadFailed error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  if (list.data.total === 0) return <EmptyState icon={<IconShoppingCartPlus size={30} />} title={t('purchasing.replenishment.emptyTitle')} text={t('purchasing.replenishment.emptyText')} />;

  const groups = new Map<string, ReplenishmentRow[]>();
  for (const row of list.data.rows) groups.set(row.supplierId ?? '', [...(groups.get(row.supplierId ?? '') ?? []), row]);
  const toggle = (row: ReplenishmentRow, on: boolean) => {
    const next = { ...chosen };
    if (on) next[row.id] = { quantity: row.suggestedQuantity };
    else delete next[row.id];
    setChosen(next);
  };
  async function order() {
    setBusy(true);
    try {
      const made = await api.purchasing.orderReplenishment({
        requests: Object.entries(chosen).map(([id, c]) => ({ id, quantity: c.quantity, ...(c.supplierId ? { supplierId: c.supplierId } : {}) })),
      });
      notifications.show({ color: 'teal', message: t('purchasing.replenishment.ordered', { count: made.length }) });
      setChosen({});
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }
  async function dismiss(id: string) {
    try {
      await api.purchasing.dismissRequest({ id });
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" c="dimmed" data-testid="page-total">
          {t('purchasing.replenishment.total', { count: list.data.total })}
        </Text>
        {write && (
          <Button leftSection={<IconShoppingCartPlus size={16} />} disabled={!Object.keys(chosen).length} loading={busy} onClick={() => void order()} data-testid="order-replenishment">
            {t('purchasing.replenishment.order')} ({Object.keys(chosen).length})
          </Button>
        )}
      </Group>
      {[...groups.entries()].map(([supplierId, rows]) => (
        <Paper key={supplierId} withBorder p="sm" mb="md">
          <Group justify="space-between" mb="xs">
            <Title order={5}>{rows[0]!.supplierName ?? t('purchasing.replenishment.noSupplier')}</Title>
            {write && (
              <Checkbox
                label={String(rows.length)}
                checked={rows.every((r) => chosen[r.id])}
                onChange={(e) => {
                  const on = e.currentTarget.checked;
                  const next = { ...chosen };
                  for (const r of rows) {
                    if (on) next[r.id] = next[r.id] ?? { quantity: r.suggestedQuantity };
                    else delete next[r.id];
                  }
                  setChosen(next);
                }}
              />
            )}
          </Group>
          <Table.ScrollContainer minWidth={900}>
            <Table verticalSpacing={4} striped>
              <Table.Thead>
                <Table.Tr>
                  {write && <Table.Th w={36} />}
                  <Table.Th>{t('purchasing.field.product')}</Table.Th>
                  <Table.Th>{t('purchasing.field.warehouse')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.field.available')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.field.safetyStock')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.field.reorderPoint')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.field.incoming')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.field.unitCost')}</Table.Th>
                  <Table.Th ta="right">{t('purchasing.field.suggested')}</Table.Th>
                  {write && !supplierId && <Table.Th>{t('purchasing.field.supplier')}</Table.Th>}
                  {write && <Table.Th />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={r.id}>
                    {write && (
                      <Table.Td>
                        <Checkbox checked={!!chosen[r.id]} onChange={(e) => toggle(r, e.currentTarget.checked)} aria-label={r.productCode} />
                      </Table.Td>
                    )}
                    <Table.Td>
                      {r.productCode} {r.productName}
                    </Table.Td>
                    <Table.Td>{r.warehouseName}</Table.Td>
                    <Table.Td ta="right">
                      {/* Red while still below the safety stock; stock back above it since says so. */}
                      <Tooltip label={t('purchasing.replenishment.availableAtRaise', { quantity: r.availableAtRaise, date: formatTimestampDate(r.raisedAt) })}>
                        <Text size="sm" c={r.available < r.safetyStock ? 'red' : undefined} data-testid="replenishment-available">
                          {r.available}
                        </Text>
                      </Tooltip>
                      {r.available >= r.safetyStock && (
                        <Text size="xs" c="dimmed">
                          {t('purchasing.replenishment.recovered')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{r.safetyStock}</Table.Td>
                    <Table.Td ta="right">{r.reorderPoint || '—'}</Table.Td>
                    <Table.Td ta="right">{r.incoming || '—'}</Table.Td>
                    <Table.Td ta="right">{formatFen(r.unitCost)}</Table.Td>
                    <Table.Td ta="right" w={110}>
                      {chosen[r.id] ? (
                        <NumberInput size="xs" min={1} allowDecimal={false} value={chosen[r.id]!.quantity} onChange={(v) => setChosen({ ...chosen, [r.id]: { ...chosen[r.id]!, quantity: Number(v) || 1 } })} />
                      ) : (
                        `${r.suggestedQuantity} ${r.unit}`
                      )}
                    </Table.Td>
                    {write && !supplierId && (
                      <Table.Td w={200}>
                        <Select size="xs" placeholder={t('purchasing.replenishment.chooseSupplier')} data={suppliers} value={chosen[r.id]?.supplierId ?? null} disabled={!chosen[r.id]} onChange={(v) => setChosen({ ...chosen, [r.id]: { ...chosen[r.id]!, ...(v ? { supplierId: v } : {}) } })} />
                      </Table.Td>
                    )}
                    {write && (
                      <Table.Td>
                        <Button size="compact-xs" variant="subtle" color="gray" onClick={() => void dismiss(r.id)}>
                          {t('purchasing.replenishment.dismiss')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      ))}
      {list.data.total > PAGE_SIZE && <Pagination value={page} onChange={setPage} total={Math.ceil(list.data.total / PAGE_SIZE)} />}
    </>
  );
}
