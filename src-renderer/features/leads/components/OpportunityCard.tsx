import { ActionIcon, Badge, Card, Group, Menu, Progress, Stack, Text, Tooltip } from '@mantine/core';
import { IconCalendar, IconDots, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OPPORTUNITY_STAGES, type OpportunityCard as Card_, type OpportunityStage } from '../../../../src-main/domain/leads/leads.contract';
import { formatFen } from '../../../../src-main/domain/core/money';
import { STAGE_COLORS } from './LeadStatusBadge';

/** One deal on the kanban: drag it to another column, or use the menu to move it. */
export function OpportunityCard({
  card,
  today,
  canMove,
  onOpen,
  onMove,
}: {
  card: Card_;
  today: string;
  canMove: boolean;
  onOpen: () => void;
  onMove: (stage: OpportunityStage) => void;
}) {
  const { t } = useTranslation();
  const open = card.stage !== 'won' && card.stage !== 'lost';
  const overdue = open && !!card.expectedCloseDate && card.expectedCloseDate < today;
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      shadow="xs"
      draggable={canMove}
      onDragStart={(e) => {
        e.dataTransfer.setData('text/plain', card.id);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onClick={onOpen}
      style={{ cursor: canMove ? 'grab' : 'pointer', borderLeft: `3px solid var(--mantine-color-${STAGE_COLORS[card.stage]}-5)` }}
      data-testid="opportunity-card"
      data-opportunity={card.title}
    >
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" gap={4} align="flex-start">
          <Text size="sm" fw={600} lineClamp={2}>
            {card.title}
          </Text>
          {canMove && (
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <ActionIcon variant="subtle" size="sm" aria-label={t('leads.board.moveTo')} onClick={(e) => e.stopPropagation()} data-testid="opportunity-menu">
                  <IconDots size={14} />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown onClick={(e) => e.stopPropagation()}>
                <Menu.Label>{t('leads.board.moveTo')}</Menu.Label>
                {OPPORTUNITY_STAGES.filter((s) => s !== card.stage).map((s) => (
                  <Menu.Item key={s} leftSection={<Badge size="xs" circle color={STAGE_COLORS[s]} />} onClick={() => onMove(s)} data-testid={`move-to-${s}`}>
                    {t(`leads.stage.${s}`)}
                  </Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          )}
        </Group>
        <Text size="xs" c="dimmed" lineClamp={1}>
          {card.partyName}
        </Text>
        <Group justify="space-between" gap={4}>
          <Text size="sm" fw={700}>
            {formatFen(card.expectedAmount)}
          </Text>
          <Badge size="sm" variant="light" color={STAGE_COLORS[card.stage]}>
            {card.probability}%
          </Badge>
        </Group>
        {open && <Progress value={card.probability} size={4} color={STAGE_COLORS[card.stage]} />}
        <Group justify="space-between" gap={4}>
          {card.expectedCloseDate ? (
            <Tooltip label={overdue ? t('leads.board.overdue') : t('leads.board.closeDate')}>
              <Group gap={4} c={overdue ? 'red' : 'dimmed'}>
                <IconCalendar size={12} />
                <Text size="xs" c={overdue ? 'red' : 'dimmed'} fw={overdue ? 600 : undefined}>
                  {card.expectedCloseDate}
                </Text>
              </Group>
            </Tooltip>
          ) : (
            <span />
          )}
          {card.ownerName && (
            <Group gap={4}>
              <IconUser size={12} color="var(--mantine-color-dimmed)" />
              <Text size="xs" c="dimmed">
                {card.ownerName}
              </Text>
            </Group>
          )}
        </Group>
        {card.stage === 'lost' && card.lostReason && (
          <Text size="xs" c="red" lineClamp={2}>
            {card.lostReason}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
