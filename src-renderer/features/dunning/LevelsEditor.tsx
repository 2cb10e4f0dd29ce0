import { Badge, Button, Group, Modal, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TEMPLATE_PLACEHOLDERS, type DunningLevel } from '../../../src-main/domain/dunning/dunning.contract';
import { fieldErrors, useApiMutation, useApiQuery } from '../../api/hooks';
import { useLevelName } from './level-name';
import { shortcutTarget } from '../../components/shortcut-targets';

type Draft = Omit<DunningLevel, 'id' | 'daysAfterDue'> & { id?: string; daysAfterDue: number | string };

const NEW_LEVEL: Draft = { daysAfterDue: 7, subjectZh: '', bodyZh: '', subjectEn: '', bodyEn: '' };

/** 催收级别: one row per level, its Chinese subject beside it; a row opens its templates. */
export function LevelsEditor() {
  const { t } = useTranslation();
  const levelName = useLevelName();
  const levels = useApiQuery('dunning.levels', {});
  const [editing, setEditing] = useState<Draft | null>(null);
  const remove = useApiMutation('dunning.removeLevel');
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={4}>{t('dunning.settings.levelsTitle')}</Title>
          <Button variant="light" leftSection={<IconPlus size={16} />} onClick={() => setEditing(NEW_LEVEL)} data-testid="add-level" {...shortcutTarget('create')}>
            {t('dunning.settings.addLevel')}
          </Button>
        </Group>
        <Text size="sm" c="dimmed">
          {t('dunning.settings.levelsHint', { placeholders: TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' '), interpolation: { escapeValue: false } })}
        </Text>
        <Table highlightOnHover data-testid="dunning-levels">
          <Table.Tbody>
            {(levels.data ?? []).map((level) => (
              <Table.Tr key={level.id} style={{ cursor: 'pointer' }} onClick={() => setEditing(level)}>
                <Table.Td w={140}>
                  <Badge variant="light" color={level.daysAfterDue < 0 ? 'blue' : level.daysAfterDue >= 30 ? 'red' : 'orange'}>
                    {levelName(level.daysAfterDue)}
                  </Badge>
                </Table.Td>
                <Table.Td>{level.subjectZh}</Table.Td>
                <Table.Td c="dimmed">{level.subjectEn}</Table.Td>
                <Table.Td w={80} ta="right">
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="red"
                    onClick={(e) => {
                      e.stopPropagation();
                      remove.mutate({ id: level.id }, { onSuccess: () => notifications.show({ color: 'teal', message: t('dunning.settings.removed') }) });
                    }}
                  >
                    {t('dunning.settings.removeLevel')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Stack>
      {editing && <LevelModal draft={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function LevelModal({ draft, onClose }: { draft: Draft; onClose: () => void }) {
  const { t } = useTranslation();
  const [level, setLevel] = useState<Draft>(draft);
  const save = useApiMutation('dunning.saveLevel');
  const errors = fieldErrors(save.error);
  const set = (patch: Partial<Draft>) => setLevel((l) => ({ ...l, ...patch }));
  const ready = typeof level.daysAfterDue === 'number' && [level.subjectZh, level.bodyZh, level.subjectEn, level.bodyEn].every((s) => s.trim());
  return (
    <Modal opened onClose={onClose} title={t(draft.id ? 'dunning.settings.editLevel' : 'dunning.settings.addLevel')} size="xl">
      <Stack>
        <NumberInput label={t('dunning.settings.daysAfterDue')} value={level.daysAfterDue} onChange={(v) => set({ daysAfterDue: v })} min={-90} max={3650} allowDecimal={false} w={260} error={errors.daysAfterDue} data-testid="level-days" />
        <SimpleGrid cols={2}>
          <Stack gap="xs">
            <TextInput label={t('dunning.settings.subjectZh')} value={level.subjectZh} onChange={(e) => set({ subjectZh: e.currentTarget.value })} error={errors.subjectZh} data-testid="level-subject-zh" />
            <Textarea label={t('dunning.settings.bodyZh')} value={level.bodyZh} onChange={(e) => set({ bodyZh: e.currentTarget.value })} autosize minRows={8} maxRows={14} error={errors.bodyZh} data-testid="level-body-zh" />
          </Stack>
          <Stack gap="xs">
            <TextInput label={t('dunning.settings.subjectEn')} value={level.subjectEn} onChange={(e) => set({ subjectEn: e.currentTarget.value })} error={errors.subjectEn} />
            <Textarea label={t('dunning.settings.bodyEn')} value={level.bodyEn} onChange={(e) => set({ bodyEn: e.currentTarget.value })} autosize minRows={8} maxRows={14} error={errors.bodyEn} />
          </Stack>
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!ready}
            loading={save.isPending}
            data-testid="save-level" {...shortcutTarget('save')}
            onClick={() =>
              save.mutate(
                { ...(level.id ? { id: level.id } : {}), daysAfterDue: level.daysAfterDue as number, subjectZh: level.subjectZh, bodyZh: level.bodyZh, subjectEn: level.subjectEn, bodyEn: level.bodyEn },
                { onSuccess: onClose },
              )
            }
          >
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
