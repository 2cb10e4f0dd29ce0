import { Alert, Anchor, Button, Center, Group, Loader, Paper, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { formatFen } from '../../../src-main/domain/core/money';
import type { Quote } from '../../../src-main/domain/quotes/quotes.contract';
import { fieldErrors, notifyError, useApiMutation, useApiQuery } from '../../api/hooks';
import { CustomerPicker } from '../../components/CustomerPicker';
import { DateField } from '../../components/DateField';
import { LoadFailed } from '../../components/LoadFailed';
import { PageHeader } from '../../components/PageHeader';
import { blankLine, entryTotal, hasBadDiscount, LineEntry, linesInput, pricedLines, savedLine, type EntryLine } from './components/LineEntry';
import { QuoteStatusBadge } from './components/StatusBadge';
import { shortcutTarget } from '../../components/shortcut-targets';

/** The backend converts any quote still open; expired, rejected and converted ones are refused. */
const CONVERTIBLE = new Set(['draft', 'sent', 'accepted']);

/** A draft's lines back in the entry, each with the price it was quoted at: sent back, it stands though the price list has moved since. */
const linesOf = (quote: Quote | undefined): EntryLine[] => (quote ? quote.lines.map((l) => savedLine(l, { unitPrice: l.unitPrice })) : [blankLine()]);

/** 新建报价单, or one quote: editable while a draft, 转为订单 while open. */
function QuoteEditor({ quote }: { quote?: Quote }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [customerId, setCustomerId] = useState<string | null>(quote?.customerId ?? null);
  const [validUntil, setValidUntil] = useState<string | null>(quote?.validUntil ?? null);
  const [notes, setNotes] = useState(quote?.notes ?? '');
  const [lines, setLines] = useState<EntryLine[]>(() => linesOf(quote));
  const create = useApiMutation('quotes.create', { onSuccess: (q) => navigate(`/quotes/${q.id}`, { replace: true }) });
  const update = useApiMutation('quotes.update');
  const convert = useApiMutation('quotes.convert', { onSuccess: (order) => navigate(`/orders/${order.id}`), onError: notifyError });
  const errors = fieldErrors(quote ? update.error : create.error);
  const editable = !quote || quote.status === 'draft';
  const priced = pricedLines(lines);
  const taxInclusive = quote?.taxInclusive ?? true;

  function save() {
    if (!customerId || hasBadDiscount(lines)) return;
    const fields = {
      customerId,
      ...(validUntil ? { validUntil } : {}),
      notes: notes.trim() || null,
      lines: linesInput(lines),
    };
    if (quote) update.mutate({ id: quote.id, ...fields });
    else create.mutate(fields);
  }

  return (
    <>
      <PageHeader
        title={quote ? `${t('sales.field.quoteNo')} ${quote.quoteNo}` : t('sales.quotes.new')}
        actions={
          <>
            {quote && CONVERTIBLE.has(quote.status) && (
              <Button variant="light" loading={convert.isPending} onClick={() => convert.mutate({ id: quote.id })} data-testid="quote-convert">
                {t('sales.quotes.convert')}
              </Button>
            )}
            {editable && (
              <Button disabled={!customerId || priced.length === 0 || hasBadDiscount(lines)} loading={create.isPending || update.isPending} onClick={save} data-testid="quote-save" {...shortcutTarget('save')}>
                {t('sales.form.save')}
              </Button>
            )}
          </>
        }
      />
      <Paper withBorder p="md">
        {quote && (
          <Group gap="xl" mb="md">
            <QuoteStatusBadge status={quote.status} />
            <Text size="sm">{`${t('common.labelColon', { label: t('sales.field.quoteDate') })}${quote.quoteDate}`}</Text>
            {quote.salesOrderId && (
              <Text size="sm">
                {t('common.labelColon', { label: t('sales.field.order') })}<Anchor component={Link} to={`/orders/${quote.salesOrderId}`}>{quote.orderNo ?? t('sales.orderStatus.draft')}</Anchor>
              </Text>
            )}
          </Group>
        )}
        {quote && !editable && (
          <Alert color="gray" mb="md" data-testid="quote-locked">
            {quote.status === 'converted' ? t('sales.quotes.converted') : t('sales.quotes.notDraft')}
          </Alert>
        )}
        <Group align="flex-start" mb="md" wrap="wrap">
          <CustomerPicker label={t('sales.field.customer')} value={customerId} onChange={setCustomerId} valueLabel={quote?.customerName} error={errors.customerId} w={420} disabled={!editable} data-testid="quote-customer" />
          <DateField
            label={t('sales.field.validUntil')}
            placeholder={t('sales.quotes.validHint')}
            value={validUntil}
            onChange={(v) => setValidUntil(v || null)}
            error={errors.validUntil}
            disabled={!editable}
            w={200}
          />
        </Group>
        <LineEntry lines={lines} onChange={setLines} customerId={customerId} taxInclusive={taxInclusive} currency={quote?.currency} errors={errors} readOnly={!editable} data-testid="quote-entry" />
        <Textarea label={t('sales.field.notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} error={errors.notes} disabled={!editable} autosize minRows={2} maxRows={4} mt="md" />
        <Group justify="space-between" mt="md">
          <Text size="sm" c="dimmed">
            {editable ? t('sales.quotes.keys') : ''}
          </Text>
          <Text fw={700} data-testid="quote-form-total">{`${t('common.labelColon', { label: t('sales.field.total') })}${formatFen(quote && !editable ? quote.totalGross : entryTotal(lines, taxInclusive), quote?.currency)}`}</Text>
        </Group>
      </Paper>
    </>
  );
}

export function QuoteNewPage() {
  return <QuoteEditor />;
}

export function QuoteEditPage() {
  const { id = '' } = useParams();
  const query = useApiQuery('quotes.get', { id });
  if (query.isError) return <LoadFailed error={query.error} onRetry={() => void query.refetch()} />;
  if (query.isPending)
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  // Keyed by id and status: a saved or converted quote starts the editor again from what the server holds.
  return <QuoteEditor key={`${query.data.id}:${query.data.status}`} quote={query.data} />;
}
