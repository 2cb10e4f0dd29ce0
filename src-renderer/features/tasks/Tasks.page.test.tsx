import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { fakeBackend } from '../../test-utils/fake-backend';
import { render } from '../../test-utils/render';
import { TasksPage } from './Tasks.page';

describe('the to-do list (待办)', () => {
  it('opens on my own open to-dos, and offers a manager with none everyone’s', async () => {
    const backend = fakeBackend({ 'tasks.list': () => ({ rows: [], total: 0, totalIsExact: true }) });
    const { user } = await render(<TasksPage />, { path: '/tasks', permissions: ['tasks.read', 'tasks.manage'] });
    await user.click(await screen.findByTestId('tasks-see-everyone'));
    await waitFor(() => expect(backend.inputsOf('tasks.list').at(-1)).toMatchObject({ filters: { mine: false, openOnly: true } }));
    expect(backend.inputsOf('tasks.list')[0]).toMatchObject({ filters: { mine: true, openOnly: true } });
    // Everyone's are shown now: nothing more to offer.
    await waitFor(() => expect(screen.queryByTestId('tasks-see-everyone')).toBeNull());
  });

  it('does not offer everyone’s to-dos to whoever may not see them', async () => {
    fakeBackend({ 'tasks.list': () => ({ rows: [], total: 0, totalIsExact: true }) });
    await render(<TasksPage />, { path: '/tasks', permissions: ['tasks.read'] });
    await screen.findByTestId('empty-state');
    expect(screen.queryByTestId('tasks-see-everyone')).toBeNull();
  });
});
