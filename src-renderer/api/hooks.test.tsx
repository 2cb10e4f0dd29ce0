import { Button, Text } from '@mantine/core';
import { screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../src-main/domain/customers/customers.dto';
import zhCN from '../i18n/zh-CN';
import { fakeBackend, refusal } from '../test-utils/fake-backend';
import { render } from '../test-utils/render';
import { call } from './client';
import { apiQueryKey, startCacheInvalidation, useApiMutation, useApiQuery, useJob } from './hooks';

const ID = '0190a0b0-0000-7000-8000-0000000000c1';

function TagCount() {
  const tags = useApiQuery('customers.listTags', {});
  return <Text data-testid="tag-count">{tags.data ? String(tags.data.length) : '…'}</Text>;
}

describe('reading through useApiQuery', () => {
  it('keys a query by its area, its method and its input', () => {
    expect(apiQueryKey('customers.get', { id: ID })).toEqual(['customers', 'customers.get', { id: ID }]);
    expect(apiQueryKey('leads.listChannels', {})).toEqual(['leads', 'leads.listChannels', {}]);
  });

  it('reads again when the backend says the area changed, and not for another area', async () => {
    let tags = 1;
    const backend = fakeBackend({ 'customers.listTags': () => Array.from({ length: tags }, (_, i) => ({ id: `t${i}`, name: `标签${i}`, color: 'blue', customerCount: 0 })) });
    const { queryClient } = await render(<TagCount />);
    const stop = startCacheInvalidation(queryClient);
    try {
      await waitFor(() => expect(screen.getByTestId('tag-count').textContent).toBe('1'));
      tags = 3;
      backend.emit({ kind: 'data.changed', areas: ['leads'] });
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(backend.inputsOf('customers.listTags')).toHaveLength(1);
      backend.emit({ kind: 'data.changed', areas: ['leads', 'customers'] });
      await waitFor(() => expect(screen.getByTestId('tag-count').textContent).toBe('3'));
      expect(backend.inputsOf('customers.listTags')).toHaveLength(2);
    } finally {
      stop();
    }
  });

  it('reads the workbench again whatever area changed, as it sums them all', async () => {
    let due = 7;
    const backend = fakeBackend({ 'workbench.cards': () => ({ today: '2026-11-29', ownOnly: false, followUpDays: 14, cards: [{ key: 'followUp', figures: [{ key: 'nextContactDue', count: due }] }] }) as never });
    const { queryClient } = await render(<DueCount />);
    const stop = startCacheInvalidation(queryClient);
    try {
      await waitFor(() => expect(screen.getByTestId('due-count').textContent).toBe('7'));
      due = 6;
      backend.emit({ kind: 'data.changed', areas: ['customers'] });
      await waitFor(() => expect(screen.getByTestId('due-count').textContent).toBe('6'));
    } finally {
      stop();
    }
  });
});

function DueCount() {
  const bench = useApiQuery('workbench.cards', {});
  return <Text data-testid="due-count">{bench.data ? String(bench.data.cards[0]?.figures[0]?.count) : '…'}</Text>;
}

function ArchiveButton({ handle }: { handle?: boolean }) {
  const [handled, setHandled] = useState('');
  const archive = useApiMutation('customers.archive', handle ? { onError: () => setHandled('这里自己处理了') } : {});
  return (
    <>
      <Button onClick={() => archive.mutate({ id: ID })}>归档</Button>
      <Text>{handled}</Text>
    </>
  );
}

describe('writing through useApiMutation', () => {
  it('shows the server’s refusal as a notification in the UI language', async () => {
    fakeBackend({
      'customers.archive': () => {
        throw refusal('FORBIDDEN');
      },
    });
    const { user } = await render(<ArchiveButton />);
    await user.click(screen.getByRole('button', { name: '归档' }));
    await screen.findByText(zhCN.errors.FORBIDDEN);
  });

  it('leaves the refusal to a caller that handles it', async () => {
    fakeBackend({
      'customers.archive': () => {
        throw refusal('FORBIDDEN');
      },
    });
    const { user } = await render(<ArchiveButton handle />);
    await user.click(screen.getByRole('button', { name: '归档' }));
    await screen.findByText('这里自己处理了');
    expect(screen.queryByText(zhCN.errors.FORBIDDEN)).toBeNull();
  });

  it('sends the input to the method it names', async () => {
    const backend = fakeBackend({ 'customers.archive': ({ id }) => ({ id, name: '南京博雅' }) as unknown as Customer });
    const { user } = await render(<ArchiveButton />);
    await user.click(screen.getByRole('button', { name: '归档' }));
    await waitFor(() => expect(backend.inputsOf('customers.archive')).toEqual([{ id: ID }]));
  });
});

function BackupJob() {
  const job = useJob();
  return (
    <>
      <Button onClick={() => void call('backup.create', { jobId: job.start() }).finally(job.finish)}>start</Button>
      <Button onClick={job.cancel}>stop</Button>
      <Text data-testid="job-state">{job.running ? `running ${job.share ?? '–'}% ${job.progress?.message ?? ''}` : 'idle'}</Text>
    </>
  );
}

describe('a long call under its own job id (useJob)', () => {
  it('shows only its own job’s progress, stops that job, and is idle again once the call answers', async () => {
    let answer: (value: never) => void = () => undefined;
    const backend = fakeBackend({ 'backup.create': () => new Promise<never>((resolve) => (answer = resolve)), 'jobs.cancel': () => ({ cancelled: true }) as never });
    await render(<BackupJob />);
    const state = () => screen.getByTestId('job-state').textContent;
    expect(state()).toBe('idle');
    screen.getByText('start').click();
    await waitFor(() => expect(backend.inputsOf('backup.create')).toHaveLength(1));
    const { jobId } = backend.inputsOf('backup.create')[0] as { jobId: string };
    expect(state()).toBe('running –% ');
    backend.emit({ kind: 'progress', jobId: 'someone-else', done: 9, total: 10 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(state()).toBe('running –% ');
    backend.emit({ kind: 'progress', jobId, done: 1, total: 3, message: 'copying' });
    await waitFor(() => expect(state()).toBe('running 33% copying'));
    screen.getByText('stop').click();
    await waitFor(() => expect(backend.inputsOf('jobs.cancel')).toEqual([{ jobId }]));
    answer({ name: 'x' } as never);
    await waitFor(() => expect(state()).toBe('idle'));
  });
});
