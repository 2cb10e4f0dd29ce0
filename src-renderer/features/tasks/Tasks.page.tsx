import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { Task, TaskListFilters } from '../../../src-main/domain/tasks/tasks.contract';
import { api } from '../../api/client';
import { useApiMutation } from '../../api/hooks';
import { parseFilterParam } from '../../api/url-filters';
import { DataTable, type Column } from '../../components/DataTable';
import { exportLanguage, saveExport } from '../../components/download';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { businessToday, formatTimestampDate } from '../../format';
import { useCan } from '../auth/current-user';

/** Where a task's source opens. */
const SOURCE_PATHS: Record<string, (id: string) => string> = { statement: (id) => `/statements/${id}`, dunning_reminder: () => '/dunning' };

/** 待办: the signed-in person's follow-ups, open first by due date; a manager may look at everyone's. */
export function TasksPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [params, setParams] = useSearchParams();
  const filters = { mine: true, openOnly: true, ...parseFilterParam<TaskListFilters>(params.get('f')) };
  const setFilters = (next: TaskListFilters) => setParams({ f: JSON.stringify({ ...filters, ...next }) });
  const complete = useApiMutation('tasks.complete');
  const today = businessToday();
  const columns: Column<Task>[] = [
    {
      key: 'title',
      header: t('tasks.field.title'),
      render: (task) => {
        const source = task.sourceKind && task.sourceId ? SOURCE_PATHS[task.sourceKind]?.(task.sourceId) : undefined;
        return (
          <Group gap={6} wrap="nowrap">
            {task.sourceKind && <Badge variant="light" color="orange">{t(`tasks.source.${task.sourceKind}`, { defaultValue: task.sourceKind })}</Badge>}
            {source ? (
              <Anchor component={Link} to={source} size="sm">
                {task.title}
              </Anchor>
            ) : (
              <Text size="sm">{task.title}</Text>
            )}
          </Group>
        );
      },
    },
    { key: 'customer', header: t('tasks.field.customer'), render: (task) => (task.customerId ? <Anchor component={Link} to={`/customers/${task.customerId}`} size="sm">{task.customerName}</Anchor> : '') },
    { key: 'assignee', header: t('tasks.field.assignee'), render: (task) => task.assigneeName, nowrap: true, optional: true },
    {
      key: 'due',
      header: t('tasks.field.dueDate'),
      nowrap: true,
      render: (task) => (task.dueDate && !task.doneAt && task.dueDate < today ? <Text span c="red" fw={600} inherit>{`${task.dueDate} ${t('tasks.overdue')}`}</Text> : (task.dueDate ?? '')),
    },
    {
      key: 'done',
      header: t('tasks.doneColumn'),
      nowrap: true,
      render: (task) =>
        task.doneAt ? (
          `${formatTimestampDate(task.doneAt)} ${task.doneByName ?? ''}`
        ) : (
          <Button size="xs" variant="light" loading={complete.isPending && complete.variables?.id === task.id} onClick={() => complete.mutate({ id: task.id }, { onSuccess: () => notifications.show({ color: 'teal', message: t('tasks.completed') }) })} data-testid={`complete-${task.id}`}>
            {t('tasks.complete')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={t('tasks.title')} />
      <Paper withBorder p="md">
        <Group mb="md">
          {can('tasks.manage') && (
            <SegmentedControl value={filters.mine ? 'mine' : 'everyone'} onChange={(v) => setFilters({ mine: v === 'mine' })} data={[{ value: 'mine', label: t('tasks.mine') }, { value: 'everyone', label: t('tasks.everyone') }]} />
          )}
          <SegmentedControl value={filters.openOnly ? 'open' : 'all'} onChange={(v) => setFilters({ openOnly: v === 'open' })} data={[{ value: 'open', label: t('tasks.openOnly') }, { value: 'all', label: t('tasks.all') }]} />
        </Group>
        <DataTable
          method="tasks.list"
          countWords="tasks"
          input={{ filters }}
          columns={columns}
          rowKey={(task) => task.id}
          onExport={async (jobId) => saveExport(await api.exports.tasks({ filters, format: 'xlsx', language: exportLanguage(), jobId }))}
          minWidth={760}
          empty={
            <EmptyState
              title={t('tasks.emptyTitle')}
              text={t('tasks.emptyText')}
              action={
                // A manager with none of their own is shown the way to everyone's.
                filters.mine &&
                can('tasks.manage') && (
                  <Button variant="light" onClick={() => setFilters({ mine: false })} data-testid="tasks-see-everyone">
                    {t('tasks.seeEveryone')}
                  </Button>
                )
              }
            />
          }
        />
      </Paper>
    </>
  );
}
