import { ActionIcon, Button, Group, Menu, Modal, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconChevronDown, IconDeviceFloppy, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { fieldErrors, notifyError, useApiQuery } from '../api/hooks';

/**
 * Saved views (常用视图) of a list: its current search, filters and sort under a name, one click to
 * reopen. `area` keeps each list's views apart; a view reopens as it was saved, and the list fills in
 * what an older view lacks.
 */
export function SavedViewsMenu<Query extends Record<string, unknown>>({ area, current, onOpen }: { area: string; current: Query; onOpen: (query: Partial<Query>) => void }) {
  const { t } = useTranslation();
  const views = useApiQuery('customers.listViews', { area });
  const [saveOpened, saveModal] = useDisclosure();
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function save() {
    try {
      const view = await api.customers.saveView({ area, name, query: { ...current } });
      notifications.show({ color: 'teal', message: t('customers.list.viewSaved', { name: view.name }) });
      saveModal.close();
      setName('');
    } catch (e) {
      const message = fieldErrors(e).name;
      if (message) setError(message);
      else notifyError(e);
    }
  }

  async function remove(id: string) {
    try {
      await api.customers.deleteView({ id });
    } catch (e) {
      notifyError(e);
    }
  }

  return (
    <>
      <Menu position="bottom-end" width={280} withinPortal>
        <Menu.Target>
          <Button variant="default" leftSection={<IconBookmark size={16} />} rightSection={<IconChevronDown size={14} />} data-testid="saved-views">
            {t('customers.list.views')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {(views.data ?? []).length === 0 && (
            <Text size="xs" c="dimmed" p="xs">
              {t('customers.list.noViews')}
            </Text>
          )}
          {(views.data ?? []).map((view) => (
            <Menu.Item
              key={view.id}
              onClick={() => onOpen(view.query as Partial<Query>)}
              rightSection={
                <ActionIcon
                  size="sm"
                  variant="subtle"
                  color="red"
                  component="span"
                  aria-label={t('customers.list.deleteView', { name: view.name })}
                  onClick={(e: React.MouseEvent) => {
                    e.stopPropagation();
                    void remove(view.id);
                  }}
                >
                  <IconTrash size={14} />
                </ActionIcon>
              }
            >
              {view.name}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item leftSection={<IconDeviceFloppy size={14} />} onClick={saveModal.open}>
            {t('customers.list.saveView')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal opened={saveOpened} onClose={saveModal.close} title={t('customers.list.saveView')}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Stack>
            <TextInput
              label={t('customers.list.viewName')}
              placeholder={t('customers.list.viewNamePlaceholder')}
              data-autofocus
              value={name}
              error={error}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setError(null);
              }}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={saveModal.close}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" disabled={!name.trim()}>
                {t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
