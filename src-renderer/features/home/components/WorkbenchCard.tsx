import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { WorkbenchCard as Card_, WorkbenchFigure, WorkbenchLink } from '../../../../src-main/domain/workbench/workbench.contract';
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
    return t(`dashboard.figure.${figure.key}`, { days: followUpDays, count: figure.count });
  };
}

function FigureRow({ card, figure, followUpDays }: { card: string; figure: WorkbenchFigure; followUpDays: number }) {
  const { t } = useTranslation();
  const labelOf = useFigureLabel();
  const label = labelOf(card, figure, followUpDays);
  const isDate = card === 'dates';
  const value = isDate ? `${figure.date?.slice(5) ?? ''} ${t(`dashboard.figure.${figure.key}`, { count: figure.count })}` : String(figure.count);
  const warn = figure.key === 'overdue' && figure.count > 0;
  const valueText = (
    <Text span fw={700} size={isDate ? 'sm' : 'lg'} c={warn ? 'red' : undefined} style={{ whiteSpace: 'nowrap' }}>
      {value}
    </Text>
  );
  return (
    <Group justify="space-between" wrap="nowrap" gap="xs" data-testid={`figure-${card}-${figure.key}`}>
      <Text size="sm" truncate>
        {label}
      </Text>
      <Group gap={6} wrap="nowrap">
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
        {card.key === 'followUp' && (
          <Text size="xs" c="dimmed">
            {t('dashboard.followUpHint', { days: followUpDays })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
