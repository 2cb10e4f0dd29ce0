import { Alert, Anchor, Badge, Button, Center, Group, Loader, Menu, Modal, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowLeft, IconArrowMerge, IconChevronDown, IconEdit, IconFileCheck, IconRestore, IconUser } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { CustomerView as View } from '../../../src-main/domain/customers/customers.dto';
import { api } from '../../api/client';
import { notifyError } from '../../api/hooks';
import { LoadFailed } from '../../components/LoadFailed';
import { useCan } from '../auth/current-user';
import { CustomerDeals } from '../leads/components/CustomerDeals';
import { CustomerOrders, CustomerQuotes } from '../sales/components/CustomerSales';
import { CustomerReceivables } from '../receivables/CustomerReceivables';
import { CustomerDetails } from './components/CustomerDetails';
import { InteractionsTab, TIMELINE_PAGE } from './components/InteractionsTab';
import { MergeModal } from './components/MergeModal';
import { OverviewStats } from './components/OverviewStats';
import { StageMenu } from './components/StageMenu';
import { STAGE_NEXT_ACTIONS } from '../../../src-main/domain/customers/customers.dto';
import { TagBadges } from './components/TagBadges';
import { useCustomerView } from './customers.queries';
import { CreditHoldBadge } from '../dunning/CreditHoldBadge';


/** /customers/:id: the 360° view (客户全景). */
export function CustomerViewPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const view = useCustomerView(id, TIMELINE_PAGE);
  if (view.isError) return <LoadFailed error={view.error} onRetry={() => void view.refetch()} back={{ to: '/customers', label: t('customers.view.back') }} />;
  if (view.isPending) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  return <CustomerView view={view.data} />;
}

function CustomerView({ view }: { view: View }) {
  const { t } = useTranslation();
  const can = useCan();
  const c = view.customer;
  const [tab, setTab] = useState<string | null>('overview');
  const [archiveOpened, archiveModal] = useDisclosure();
  const [mergeOpened, mergeModal] = useDisclosure();
  const merged = c.mergedIntoId !== null;
  const writable = can('customers.write') && !merged;

  async function setStatus(status: 'active' | 'archived') {
    try {
      await (status === 'archived' ? api.customers.archive({ id: c.id }) : api.customers.restore({ id: c.id }));
      notifications.show({ color: 'teal', message: status === 'archived' ? t('customers.view.archivedDone') : t('customers.view.restoredDone') });
      archiveModal.close();
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <>
      <Anchor component={Link} to="/customers" size="sm" c="dimmed">
        <Group gap={4}>
          <IconArrowLeft size={14} />
          {t('customers.view.back')}
        </Group>
      </Anchor>

      <Group justify="space-between" align="flex-start" mt="xs" mb="md" wrap="nowrap">
        <Stack gap={6}>
          <Group gap="sm" wrap="wrap">
            <Title order={2} data-testid="page-title">
              {c.name}
            </Title>
            <Badge variant="outline" color="gray" ff="monospace">
              {c.code}
            </Badge>
            <Badge variant="light" color="gray">
              {t(`customers.kind.${c.kind}`)}
            </Badge>
            {c.status === 'archived' && <Badge color="gray">{t('customers.view.archived')}</Badge>}
            <CreditHoldBadge customerId={c.id} />
          </Group>
          <Group gap="md" wrap="wrap">
            <StageMenu customer={c} editable={writable} />
            <Text size="sm" c="dimmed" data-testid="next-action">
              {t('customers.nextAction.label', { actions: STAGE_NEXT_ACTIONS[c.lifecycleStage].map((a) => t(`customers.nextAction.${a}`)).join(t('customers.nextAction.separator')) })}
            </Text>
            <Group gap={4}>
              <IconUser size={14} color="var(--mantine-color-dimmed)" />
              <Text size="sm" c={c.ownerName ? undefined : 'dimmed'}>
                {t('customers.view.ownerLine', { name: c.ownerName ?? t('customers.list.unassigned') })}
              </Text>
            </Group>
            {c.shortName && (
              <Text size="sm" c="dimmed">
                {c.shortName}
              </Text>
            )}
            <TagBadges tags={c.tags} max={8} />
          </Group>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {can('statements.write') && c.status === 'active' && (
            <Button component={Link} to={`/statements?new=${c.id}`} variant="default" leftSection={<IconFileCheck size={16} />} data-testid="new-statement-for-customer">
              {t('statements.new')}
            </Button>
          )}
          {writable && (
            <Group gap="xs" wrap="nowrap">
              <Button component={Link} to={`/customers/${c.id}/edit`} leftSection={<IconEdit size={16} />} data-testid="edit-customer">
                {t('customers.view.edit')}
              </Button>
              <Menu position="bottom-end" withinPortal>
                <Menu.Target>
                  <Button variant="default" rightSection={<IconChevronDown size={14} />}>
                    {t('customers.view.more')}
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  {c.status === 'active' ? (
                    <Menu.Item leftSection={<IconArchive size={14} />} onClick={archiveModal.open}>
                      {t('customers.view.archive')}
                    </Menu.Item>
                  ) : (
                    <Menu.Item leftSection={<IconRestore size={14} />} onClick={() => void setStatus('active')}>
                      {t('customers.view.restore')}
                    </Menu.Item>
                  )}
                  {can('customers.merge') && (
                    <Menu.Item leftSection={<IconArrowMerge size={14} />} color="red" onClick={mergeModal.open}>
                      {t('customers.view.merge')}
                    </Menu.Item>
                  )}
                </Menu.Dropdown>
              </Menu>
            </Group>
          )}
        </Group>
      </Group>

      {merged && (
        <Alert color="gray" mb="md">
          {t('customers.view.mergedInto')}{' '}
          <Anchor component={Link} to={`/customers/${c.mergedIntoId}`}>
            {t('customers.view.openMerged')}
          </Anchor>
        </Alert>
      )}

      <OverviewStats overview={view.overview} />

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t('customers.view.tabs.overview')}</Tabs.Tab>
          <Tabs.Tab value="interactions" data-testid="tab-interactions">
            {t('customers.view.tabs.interactions')}
          </Tabs.Tab>
          {can('receivables.read') && (
            <Tabs.Tab value="receivables" data-testid="tab-receivables">
              {t('receivables.customer.title')}
            </Tabs.Tab>
          )}
          {can('sales.read') && (
            <Tabs.Tab value="orders" data-testid="tab-orders">
              {t('customers.view.tabs.orders')}
            </Tabs.Tab>
          )}
          {can('sales.read') && (
            <Tabs.Tab value="quotes" data-testid="tab-quotes">
              {t('customers.view.tabs.quotes')}
            </Tabs.Tab>
          )}
          {can('leads.read') && (
            <Tabs.Tab value="deals" data-testid="tab-deals">
              {t('customers.view.tabs.deals')}
            </Tabs.Tab>
          )}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <CustomerDetails customer={c} />
        </Tabs.Panel>
        <Tabs.Panel value="interactions">
          <InteractionsTab customer={c} firstPage={view.timeline} />
        </Tabs.Panel>
        {can('receivables.read') && (
          <Tabs.Panel value="receivables">
            <CustomerReceivables customerId={c.id} />
          </Tabs.Panel>
        )}
        <Tabs.Panel value="orders">
          <CustomerOrders customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="quotes">
          <CustomerQuotes customerId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="deals">
          <CustomerDeals customerId={c.id} customerName={c.name} leadId={c.leadId} />
        </Tabs.Panel>
      </Tabs>

      <Modal opened={archiveOpened} onClose={archiveModal.close} title={t('customers.view.archive')}>
        <Stack>
          <Text size="sm">{t('customers.view.archiveConfirm', { name: c.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={archiveModal.close}>
              {t('common.cancel')}
            </Button>
            <Button color="orange" onClick={() => void setStatus('archived')}>
              {t('customers.view.archive')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {can('customers.merge') && <MergeModal customer={c} opened={mergeOpened} onClose={mergeModal.close} />}
    </>
  );
}
