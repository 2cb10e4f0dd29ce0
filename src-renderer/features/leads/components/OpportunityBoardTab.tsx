import { Badge, Box, Button, Center, Group, Loader, Modal, Paper, ScrollArea, SimpleGrid, Stack, Switch, Text, Textarea, TextInput, Tooltip } from '@mantine/core';
import { useDebouncedValue, useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLayoutKanban, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { BoardColumn, OpportunityCard as Card, OpportunityStage } from '../../../../src-main/domain/leads/leads.contract';
import { OPEN_STAGES } from '../../../../src-main/domain/leads/leads.dto';
import { api } from '../../../api/client';
import { parseFilterParam } from '../../../api/url-filters';
import { notifyError, queryClient } from '../../../api/hooks';
import { exportLanguage, saveExport } from '../../../components/download';
import { EmptyState } from '../../../components/EmptyState';
import { ExportButton } from '../../../components/ExportButton';
import { LoadFailed } from '../../../components/LoadFailed';
import { useCan, useCurrentUser } from '../../auth/current-user';
import { useBoard } from '../leads.queries';
import { formatBasisPoints, formatFen, ratioInBasisPoints } from '../../../../src-main/domain/core/money';
import { businessToday, formatFenCompact } from '../../../format';
import { STAGE_COLORS } from './LeadStatusBadge';
import { OpportunityCard } from './OpportunityCard';
import { OpportunityModal } from './OpportunityModal';
import { useUrlRequest } from './use-url-request';
import { shortcutTarget } from '../../../components/shortcut-targets';

const CLOSED_WITHIN_DAYS = 90;

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="xl" fw={700}>
        {value}
      </Text>
      {hint && (
        <Text size="xs" c="dimmed">
          {hint}
        </Text>
      )}
    </Paper>
  );
}

interface ColumnProps {
  column: BoardColumn;
  /** Every card on the board: a drop carries only the dragged card's id. */
  cardsById: Map<string, Card>;
  today: string;
  canMove: boolean;
  onOpen: (c: Card) => void;
  onMove: (card: Card, stage: OpportunityStage) => void;
}

function Column({ column, cardsById, today, canMove, onOpen, onMove }: ColumnProps) {
  const { t } = useTranslation();
  const [over, setOver] = useState(false);
  const closed = column.stage === 'won' || column.stage === 'lost';
  return (
    <Paper
      withBorder
      radius="md"
      p="xs"
      miw={185}
      bg={over ? `var(--mantine-color-${STAGE_COLORS[column.stage]}-light)` : 'var(--mantine-color-default-hover)'}
      style={{ flex: '1 1 0', borderTop: `3px solid var(--mantine-color-${STAGE_COLORS[column.stage]}-6)`, display: 'flex', flexDirection: 'column' }}
      onDragOver={(e) => {
        if (!canMove) return;
        e.preventDefault();
        e.dataTransfer.dropEffect = 'move';
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        const card = cardsById.get(e.dataTransfer.getData('text/plain'));
        if (card && card.stage !== column.stage) onMove(card, column.stage);
      }}
      data-testid={`board-column-${column.stage}`}
    >
      <Stack gap={2} mb="xs" px={4}>
        <Group justify="space-between" wrap="nowrap" gap="xs">
          <Text fw={700} truncate>
            {t(`leads.stage.${column.stage}`)}
          </Text>
          <Badge variant="light" color={STAGE_COLORS[column.stage]} data-testid="column-count">
            {t('leads.board.count', { count: column.count })}
          </Badge>
        </Group>
        <Tooltip label={formatFen(column.amount)}>
          <Group justify="space-between" gap={4} wrap="nowrap">
            <Text size="xs" c="dimmed">
              {t('leads.board.amount')}
            </Text>
            <Text size="xs" fw={700} data-testid="column-amount">
              {formatFenCompact(column.amount)}
            </Text>
          </Group>
        </Tooltip>
        <Tooltip label={`${t('leads.board.forecastHint')}: ${formatFen(column.weightedAmount)}`} disabled={closed}>
          <Group justify="space-between" gap={4} wrap="nowrap" style={{ visibility: closed ? 'hidden' : undefined }}>
            <Text size="xs" c="dimmed">
              {t('leads.board.weighted')}
            </Text>
            <Text size="xs" fw={700}>
              {formatFenCompact(column.weightedAmount)}
            </Text>
          </Group>
        </Tooltip>
      </Stack>
      <Stack gap="xs" style={{ flex: 1 }} mih={120}>
        {column.cards.map((card) => (
          <OpportunityCard key={card.id} card={card} today={today} canMove={canMove} onOpen={() => onOpen(card)} onMove={(stage) => onMove(card, stage)} />
        ))}
        {column.cards.length === 0 && (
          <Center h={100} style={{ border: '1px dashed var(--mantine-color-default-border)', borderRadius: 8 }}>
            <Text size="xs" c="dimmed">
              {over ? t('leads.board.dropHere') : t('leads.board.emptyColumn')}
            </Text>
          </Center>
        )}
        {column.count > column.cards.length && (
          <Text size="xs" c="dimmed" ta="center">
            {t('leads.board.more', { count: column.count - column.cards.length })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** 商机看板: one column per stage with its count, amount and weighted amount; drag a card or use its menu to move it. */
export function OpportunityBoardTab() {
  const { t } = useTranslation();
  const can = useCan();
  const me = useCurrentUser();
  const canMove = can('leads.write');
  const [q, setQ] = useState('');
  const [debouncedQ] = useDebouncedValue(q, 250);
  const [params] = useSearchParams();
  // A salesperson's workbench opens the board on their own deals.
  const [mine, setMine] = useState(() => parseFilterParam<{ ownerUserId: string }>(params.get('f')).ownerUserId === me.id);
  // The workbench's 已过预计成交日 opens the board on those deals alone.
  const [overdueOnly, setOverdueOnly] = useState(() => parseFilterParam<{ closeBefore: string }>(params.get('f')).closeBefore !== undefined);
  const [createOpened, createModal] = useDisclosure();
  const [openId, setOpenId] = useState<string | null>(null);
  useUrlRequest({ open: setOpenId });
  const [losing, setLosing] = useState<Card | null>(null);
  const [lostReason, setLostReason] = useState('');
  const today = businessToday();
  const board = useBoard({ ...(debouncedQ ? { q: debouncedQ } : {}), ...(mine ? { ownerUserId: me.id } : {}), ...(overdueOnly ? { closeBefore: today } : {}), closedWithinDays: CLOSED_WITHIN_DAYS });

  async function move(card: Card, stage: OpportunityStage, reason?: string) {
    if (stage === 'lost' && !reason) {
      setLostReason('');
      setLosing(card);
      return;
    }
    try {
      await api.leads.moveOpportunity({ id: card.id, stage, ...(reason ? { lostReason: reason } : {}) });
      notifications.show({ color: 'teal', message: t('leads.board.moved', { stage: t(`leads.stage.${stage}`) }) });
      await queryClient.invalidateQueries({ queryKey: ['leads'] });
    } catch (error) {
      notifyError(error);
    }
  }

  if (board.isError) return <LoadFailed error={board.error} onRetry={() => void board.refetch()} />;
  if (!board.data) {
    return (
      <Center py="xl">
        <Loader />
      </Center>
    );
  }
  const columns = board.data.columns;
  const cardsById = new Map(columns.flatMap((c) => c.cards.map((card) => [card.id, card] as const)));
  const openColumns = columns.filter((c) => c.stage !== 'won' && c.stage !== 'lost');
  const won = columns.find((c) => c.stage === 'won')!;
  const lost = columns.find((c) => c.stage === 'lost')!;
  const openCount = openColumns.reduce((n, c) => n + c.count, 0);
  const total = openCount + won.count + lost.count;
  const filtered = !!debouncedQ || mine || overdueOnly;
  // The deals the board shows, every one of them (a column shows its first cards only).
  const exportBoard = async (jobId: string) =>
    saveExport(
      await api.exports.opportunities({
        ...(debouncedQ ? { q: debouncedQ } : {}),
        filters: { ...(mine ? { ownerUserId: me.id } : {}), ...(overdueOnly ? { closeBefore: today, stage: [...OPEN_STAGES] } : { closedSince: board.data!.closedSince }) },
        format: 'xlsx',
        language: exportLanguage(),
        jobId,
      }),
    );

  return (
    <>
      <SimpleGrid cols={{ base: 2, md: 4 }} mb="md">
        <Stat label={t('leads.board.pipeline')} value={String(openCount)} hint={`${t('leads.board.pipelineAmount')} ${formatFen(openColumns.reduce((n, c) => n + c.amount, 0))}`} />
        <Stat label={t('leads.board.forecast')} value={formatFen(openColumns.reduce((n, c) => n + c.weightedAmount, 0))} hint={t('leads.board.forecastHint')} />
        <Stat label={t('leads.board.wonRecently', { days: CLOSED_WITHIN_DAYS, count: CLOSED_WITHIN_DAYS })} value={formatFen(won.amount)} hint={t('leads.board.count', { count: won.count })} />
        <Stat label={t('leads.board.winRate', { days: CLOSED_WITHIN_DAYS, count: CLOSED_WITHIN_DAYS })} value={formatBasisPoints(ratioInBasisPoints(won.count, won.count + lost.count))} />
      </SimpleGrid>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <TextInput w={260} leftSection={<IconSearch size={16} />} placeholder={t('leads.board.searchPlaceholder')} {...shortcutTarget('search')} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
          <Switch label={t('leads.board.mine')} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
          <Switch label={t('leads.board.overdueOnly')} color="red" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.currentTarget.checked)} data-testid="board-overdue-only" />
        </Group>
        <Group gap="sm">
          {total > 0 && <ExportButton onExport={exportBoard} />}
          {canMove && (
            <Button leftSection={<IconPlus size={16} />} onClick={createModal.open} data-testid="add-opportunity" {...shortcutTarget('create')}>
              {t('leads.board.add')}
            </Button>
          )}
        </Group>
      </Group>
      {total === 0 && !filtered ? (
        <EmptyState
          icon={<IconLayoutKanban size={30} />}
          title={t('leads.board.emptyTitle')}
          text={t('leads.board.emptyText')}
          action={
            canMove && (
              <Button leftSection={<IconPlus size={16} />} onClick={createModal.open}>
                {t('leads.board.add')}
              </Button>
            )
          }
        />
      ) : (
        <>
          <ScrollArea type="auto" offsetScrollbars>
            <Box style={{ display: 'flex', gap: 12, alignItems: 'stretch' }} pb="xs" data-testid="opportunity-board">
              {columns.map((column) => (
                <Column key={column.stage} column={column} cardsById={cardsById} today={today} canMove={canMove} onOpen={(c) => setOpenId(c.id)} onMove={(card, stage) => void move(card, stage)} />
              ))}
            </Box>
          </ScrollArea>
          <Text size="xs" c="dimmed" mt="xs">
            {t('leads.board.closedSince', { date: board.data.closedSince })}
          </Text>
        </>
      )}
      <OpportunityModal opened={createOpened} onClose={createModal.close} />
      <OpportunityModal opened={openId !== null} onClose={() => setOpenId(null)} opportunityId={openId} />
      <Modal opened={losing !== null} onClose={() => setLosing(null)} title={t('leads.board.lostTitle')}>
        <Stack>
          <Textarea placeholder={t('leads.board.lostPlaceholder')} value={lostReason} onChange={(e) => setLostReason(e.currentTarget.value)} data-autofocus data-testid="deal-lost-reason" />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setLosing(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={!lostReason.trim()}
              onClick={() => {
                const card = losing!;
                setLosing(null);
                void move(card, 'lost', lostReason.trim());
              }}
              data-testid="deal-lost-submit"
            >
              {t('common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
