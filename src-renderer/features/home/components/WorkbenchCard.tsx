import { Anchor, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WorkbenchCard as Card_, WorkbenchFigure, WorkbenchLink } from '../../../../src-main/domain/workbench/workbench.contract';
import { STAGE_NEXT_ACTIONS, type LifecycleStage } from '../../../../src-main/domain/customers/customers.dto';
import { formatFenCompact } from '../../../format';

/** The list a figure opens, filtered as the figure was counted (the list's `?f=`). */
export function hrefOf(link: WorkbenchLink): string {
  const filters = link.filters ?? {};
  return Object.keys(filters).length ? `${link.path}?f=${encodeURIComponent(JSON.stringify(filters))}` : link.path;
}

/** A figure's words: a stage or status from its area's catalog, else the workbench's own. */
function useFigureLabel() {
  const { t } = useTranslation();
  return (card: string, figure: WorkbenchFigure, followUpDays: number): string => {
    if (figure.label !== undefined) return figure.label;
    if (card === 'stages') return t(`customers.stage.${figure.key}`);
    if (card === 'pipeline' && figure.key !== 'overdue') return t(`leads.stage.${figure.key}`);
    // “No follow-up in {{days}} days” counts days; the other figures' words count the figure.
    return t(`dashboard.figure.${figure.key}`, { days: followUpDays, count: figure.key === 'due' ? followUpDays : figure.count });
  };
}

/** A stage's customers moved in (+) or out (−) in 30 days, each a link to those customers; no move, no “−0”. */
function StageMoves({ parts }: { parts: WorkbenchFigure[] }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} wrap="nowrap">
      {parts.filter((part) => part.count > 0).map((part) => {
        const text = (
          <Text span size="sm" c={part.key === 'entered' ? 'teal' : 'orange'} style={{ whiteSpace: 'nowrap' }}>
            {part.key === 'entered' ? '+' : '−'}
            {part.count}
          </Text>
        );
        return (
          <Tooltip key={part.key} label={t(`dashboard.figure.${part.key}`, { count: part.count })} withArrow>
            {part.link ? (
              <Anchor component={Link} to={hrefOf(part.link)} underline="hover" data-testid={`figure-move-${part.key}`}>
                {text}
              </Anchor>
            ) : (
              <span data-testid={`figure-move-${part.key}`}>{text}</span>
            )}
          </Tooltip>
        );
      })}
    </Group>
  );
}

/** Figures that need someone now when not zero: shown in red. */
const WARNINGS = new Set(['overdue', 'overdueInvoices', 'lateDeliveries', 'latePurchases']);

function FigureRow({ card, figure, followUpDays }: { card: string; figure: WorkbenchFigure; followUpDays: number }) {
  const { t } = useTranslation();
  const labelOf = useFigureLabel();
  const label = labelOf(card, figure, followUpDays);
  const isDate = card === 'dates';
  const value = isDate ? `${figure.date?.slice(5) ?? ''} ${t(`dashboard.figure.${figure.key}`, { count: figure.count })}` : String(figure.count);
  const warn = WARNINGS.has(figure.key) && figure.count > 0;
  const valueText = (
    <Text span fw={700} size={isDate ? 'sm' : 'lg'} c={warn ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {value}
    </Text>
  );
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid={`figure-${card}-${figure.key}`}>
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" truncate>
          {label}
        </Text>
        {card === 'stages' && !figure.parts && figure.key in STAGE_NEXT_ACTIONS && (
          <Text size="xs" c="dimmed" truncate data-testid="stage-next-action">
            {STAGE_NEXT_ACTIONS[figure.key as LifecycleStage].map((a) => t(`customers.nextAction.${a}`)).join(t('customers.nextAction.separator'))}
          </Text>
        )}
      </Stack>
      <Group gap={6} wrap="nowrap">
        {figure.parts && <StageMoves parts={figure.parts} />}
        {figure.amount !== undefined && (
          <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
            {formatFenCompact(figure.amount)}
          </Text>
        )}
        {figure.link ? (
          <Anchor component={Link} to={hrefOf(figure.link)} data-testid="figure-link" underline="hover">
            {valueText}
          </Anchor>
        ) : (
          valueText
        )}
      </Group>
    </Group>
  );
}

export function WorkbenchCard({ card, followUpDays }: { card: Card_; followUpDays: number }) {
  const { t, i18n } = useTranslation();
  const emptyKey = `dashboard.empty.${card.key}`;
  const isEmpty = card.figures.length === 0 || (card.key !== 'customers' && card.key !== 'pipeline' && card.figures.every((f) => f.count === 0));
  const pipelineEmpty = card.key === 'pipeline' && card.figures.every((f) => f.count === 0);
  return (
    <Card withBorder padding="md" radius="md" data-testid={`card-${card.key}`}>
      <Stack gap="xs">
        <Title order={4}>{t(`dashboard.card.${card.key}`)}</Title>
        {(isEmpty || pipelineEmpty) && i18n.exists(emptyKey) ? (
          <Text size="sm" c="dimmed">
            {t(emptyKey)}
          </Text>
        ) : (
          card.figures.map((figure) => <FigureRow key={`${figure.key}-${figure.label ?? ''}-${figure.date ?? ''}`} card={card.key} figure={figure} followUpDays={followUpDays} />)
        )}
        {card.key === 'stages' && card.figures.some((f) => f.parts) && (
          <Text size="xs" c="dimmed">
            {t('dashboard.stagesHint')}
          </Text>
        )}
        {card.key === 'followUp' && (
          <Text size="xs" c="dimmed">
            {t('dashboard.followUpHint', { days: followUpDays, count: followUpDays })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
