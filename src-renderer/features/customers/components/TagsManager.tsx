import { ActionIcon, Badge, Button, ColorSwatch, Group, Menu, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { IconCheck, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TagWithCount } from '../../../../src-main/domain/customers/customers.dto';
import { api } from '../../../api/client';
import { fieldErrors, notifyError } from '../../../api/hooks';
import { useTags } from '../customers.queries';
import { TAG_COLORS } from '../labels';

/** A swatch that opens the palette of tag colours (Mantine's named colours, so badges follow the theme). */
function ColorPicker({ value, onChange }: { value: string; onChange: (color: string) => void }) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-start" withinPortal>
      <Menu.Target>
        <ActionIcon variant="default" size="md" aria-label={t('customers.tags.color')}>
          <ColorSwatch size={16} color={`var(--mantine-color-${value}-6)`} />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown p={6}>
        <SimpleGrid cols={7} spacing={6}>
          {TAG_COLORS.map((color) => (
            <ColorSwatch key={color} component="button" type="button" size={22} color={`var(--mantine-color-${color}-6)`} onClick={() => onChange(color)} style={{ cursor: 'pointer', color: '#fff' }}>
              {color === value && <IconCheck size={14} />}
            </ColorSwatch>
          ))}
        </SimpleGrid>
      </Menu.Dropdown>
    </Menu>
  );
}

function TagRow({ tag }: { tag: TagWithCount }) {
  const { t } = useTranslation();
  const [name, setName] = useState(tag.name);
  const [error, setError] = useState<string | null>(null);
  async function save(patch: { name?: string; color?: string }) {
    try {
      await api.customers.saveTag({ id: tag.id, name: patch.name ?? tag.name, color: patch.color ?? tag.color });
      setError(null);
    } catch (e) {
      const message = fieldErrors(e).name;
      if (message) setError(message);
      else notifyError(e);
    }
  }
  return (
    <Table.Tr>
      <Table.Td>
        <Badge color={tag.color} variant="light">
          {name || tag.name}
        </Badge>
      </Table.Td>
      <Table.Td>
        <TextInput size="xs" aria-label={t('customers.tags.name')} value={name} error={error} onChange={(e) => setName(e.currentTarget.value)} onBlur={() => name.trim() && name !== tag.name && void save({ name })} />
      </Table.Td>
      <Table.Td>
        <ColorPicker value={tag.color} onChange={(color) => void save({ color })} />
      </Table.Td>
      <Table.Td ta="right">{tag.customerCount}</Table.Td>
    </Table.Tr>
  );
}

/** Tags of the customer record: rename, recolour, add. */
export function TagsManager({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const tags = useTags();
  const [name, setName] = useState('');
  const [color, setColor] = useState('blue');
  const [error, setError] = useState<string | null>(null);

  async function add() {
    try {
      await api.customers.saveTag({ name, color });
      setName('');
      setError(null);
    } catch (e) {
      const message = fieldErrors(e).name;
      if (message) setError(message);
      else notifyError(e);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('customers.tags.title')} size="lg">
      <Stack>
        {(tags.data ?? []).length === 0 ? (
          <Text c="dimmed" size="sm">
            {t('customers.tags.empty')}
          </Text>
        ) : (
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th>{t('customers.tags.name')}</Table.Th>
                <Table.Th>{t('customers.tags.color')}</Table.Th>
                <Table.Th ta="right">{t('customers.tags.count')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {tags.data!.map((tag) => (
                <TagRow key={tag.id} tag={tag} />
              ))}
            </Table.Tbody>
          </Table>
        )}
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add();
          }}
        >
          <Group align="flex-start" gap="xs">
            <TextInput size="xs" placeholder={t('customers.tags.name')} aria-label={t('customers.tags.name')} value={name} error={error} onChange={(e) => setName(e.currentTarget.value)} style={{ flex: 1 }} />
            <ColorPicker value={color} onChange={setColor} />
            <ActionIcon type="submit" size="md" disabled={!name.trim()} aria-label={t('customers.tags.add')}>
              {name.trim() ? <IconCheck size={16} /> : <IconPlus size={16} />}
            </ActionIcon>
          </Group>
        </form>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
