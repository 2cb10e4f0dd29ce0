import { Anchor, Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TimelineEntry } from '../../../../src-main/domain/customers/customers.dto';
import { formatFen } from '../../../../src-main/domain/core/money';

/** The documents the sales and receivables areas put on a customer's timeline. */
export const DOCUMENT_TIMELINE_KINDS = ['order', 'delivery', 'return', 'invoice', 'credit_note', 'receipt'];

/** The receivables documents are named as the receivables screens name them (one word for each). */
const RECEIVABLES_DOCUMENT_KINDS = new Set(['invoice', 'credit_note', 'receipt']);

/** What a document entry says besides its kind and number: its amount and the date that matters. */
function useDocumentFacts() {
  const { t } = useTranslation();
  return (entry: TimelineEntry): string[] => {
    const d = entry.data;
    const amount = (d.totalGross ?? d.amount) as number | undefined;
    const facts = amount === undefined ? [] : [formatFen(amount)];
    if (entry.kind === 'order' && typeof d.status === 'string') facts.push(t(`sales.orderStatus.${d.status}`));
    if (entry.kind === 'invoice' && typeof d.dueDate === 'string') facts.push(t('customers.timeline.document.due', { date: d.dueDate }));
    if (entry.kind === 'receipt' && typeof d.method === 'string') facts.push(t(`receivables.method.${d.method}`));
    return facts;
  };
}

/** 销售订单 SO-2026-000123 · ¥1,672.00 · 已发货, an order opening its page. */
export function DocumentTimelineTitle({ entry }: { entry: TimelineEntry }) {
  const { t } = useTranslation();
  const factsOf = useDocumentFacts();
  const reversed = entry.data.status === 'reversed';
  const kindWord = RECEIVABLES_DOCUMENT_KINDS.has(entry.kind) ? t(`receivables.kind.${entry.kind as 'receipt'}`) : t(`customers.timeline.document.${entry.kind as 'order'}`);
  const number = entry.kind === 'order' ? (
    <Anchor component={Link} to={`/orders/${entry.id}`} size="sm" fw={500}>
      {entry.title}
    </Anchor>
  ) : (
    <Text size="sm" fw={500} td={reversed ? 'line-through' : undefined}>
      {entry.title}
    </Text>
  );
  return (
    <Group gap={6}>
      <Badge size="xs" variant="light" color="gray">
        {kindWord}
      </Badge>
      {number}
      {factsOf(entry).map((fact) => (
        <Text key={fact} size="xs" c="dimmed">
          · {fact}
        </Text>
      ))}
      {reversed && (
        <Badge size="xs" variant="outline" color="red">
          {t('receivables.status.reversed')}
        </Badge>
      )}
    </Group>
  );
}
