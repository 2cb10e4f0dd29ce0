import { Button, Group, Paper, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { ApprovalInboxRow } from '../../../src-main/domain/orders/orders.dto';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { formatTimestamp } from '../../format';
import { ReasonModal } from './components/ReasonModal';
import { useReasonText } from './OrderView.page';

/** 订单审批: the orders waiting for a manager, each with why, approved or rejected in place. */
export function ApprovalInboxPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const reasonText = useReasonText();
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [rejectOpened, rejectModal] = useDisclosure();
  const approve = useApiMutation('orders.approve');
  const reject = useApiMutation('orders.reject', { onSuccess: rejectModal.close });
  const columns: Column<ApprovalInboxRow>[] = [
    { key: 'orderNo', header: t('sales.field.orderNo'), render: (r) => r.orderNo, nowrap: true },
    { key: 'customer', header: t('sales.field.customer'), render: (r) => r.customerName },
    { key: 'total', header: t('sales.field.total'), render: (r) => formatFen(r.totalGross, r.currency), align: 'right' },
    {
      key: 'reasons',
      header: t('sales.order.waitingReasons'),
      render: (r) => (
        <>
          {r.reasons.map((reason) => (
            <Text key={reason.code} size="sm">
              {reasonText(reason)}
            </Text>
          ))}
        </>
      ),
    },
    { key: 'by', header: t('sales.field.requestedBy'), render: (r) => r.requestedByName ?? '', nowrap: true },
    { key: 'at', header: t('sales.field.requestedAt'), render: (r) => formatTimestamp(r.requestedAt), nowrap: true },
    {
      key: 'actions',
      header: '',
      render: (r) => (
        <Group gap={4} wrap="nowrap" onClick={(e) => e.stopPropagation()}>
          <Button size="xs" color="teal" loading={approve.isPending && approve.variables?.id === r.orderId} onClick={() => approve.mutate({ id: r.orderId })}>
            {t('sales.order.approve')}
          </Button>
          <Button
            size="xs"
            color="orange"
            variant="light"
            onClick={() => {
              setRejecting(r.orderId);
              rejectModal.open();
            }}
          >
            {t('sales.order.reject')}
          </Button>
        </Group>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={t('sales.approvals.title')} />
      <Paper withBorder p="md">
        <DataTable
          method="orders.approvalInbox"
          countWords="sales.approvals"
          input={{}}
          columns={columns}
          rowKey={(r) => r.approvalId}
          onRowClick={(r) => navigate(`/orders/${r.orderId}`)}
          onExport={async (jobId) => saveExport(await api.exports.approvalInbox({ format: 'xlsx', language: exportLanguage(), jobId }))}
          empty={<EmptyState title={t('sales.approvals.emptyTitle')} text={t('sales.approvals.emptyText')} />}
        />
      </Paper>
      <ReasonModal
        opened={rejectOpened}
        title={t('sales.order.reject')}
        label={t('sales.order.rejectReason')}
        required
        loading={reject.isPending}
        onClose={rejectModal.close}
        onSubmit={(comment) => rejecting && reject.mutate({ id: rejecting, comment })}
      />
    </>
  );
}
