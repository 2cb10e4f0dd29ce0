import { ActionIcon, Button, Group, Modal, Paper, Select, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconCategory, IconPencil, IconPlus, IconSubtask, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Category } from '../../../../src-main/domain/catalog/catalog.dto';
import { api } from '../../../api/client';
import { notifyError, showFormError } from '../../../api/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { FormActions, FormActionsContext } from '../../../components/form/FormActions';
import { LoadFailed } from '../../../components/LoadFailed';
import { useCan } from '../../auth/current-user';
import { categoryTree, useCategories } from '../catalog.queries';
import { shortcutTarget } from '../../../components/shortcut-targets';

interface Editing {
  id?: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
}

/** Each category's products and those of all the categories below it. */
function productsWithBelow(categories: readonly Category[]): Map<string, number> {
  const children = new Map<string | null, Category[]>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const totals = new Map<string, number>();
  const total = (c: Category, seen: Set<string>): number => {
    const known = totals.get(c.id);
    if (known !== undefined) return known;
    seen.add(c.id);
    const below = (children.get(c.id) ?? []).filter((child) => !seen.has(child.id)).reduce((sum, child) => sum + total(child, seen), 0);
    totals.set(c.id, c.productCount + below);
    return c.productCount + below;
  };
  for (const c of categories) total(c, new Set());
  return totals;
}

/** 商品分类: the category tree, with products counted per category and below it. */
export function CategoriesTab() {
  const { t } = useTranslation();
  const can = useCan();
  const categories = useCategories();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [removing, setRemoving] = useState<Category | null>(null);
  if (categories.isError) return <LoadFailed error={categories.error} onRetry={() => void categories.refetch()} />;
  const tree = categoryTree(categories.data ?? []);
  const mayEdit = can('catalog.write');
  // As the product list filters by a category: its own products and those of every category below it.
  const withBelow = productsWithBelow(categories.data ?? []);

  async function remove(c: Category) {
    setRemoving(null);
    try {
      await api.catalog.removeCategory({ id: c.id });
      notifications.show({ color: 'teal', message: t('catalog.categories.removed') });
    } catch (error) {
      notifyError(error);
    }
  }

  const addButton = mayEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing({ name: '', parentId: null, sortOrder: 0 })} data-testid="add-category" {...shortcutTarget('create')}>
      {t('catalog.categories.add')}
    </Button>
  );

  return (
    <>
      {tree.length === 0 && !categories.isPending ? (
        <EmptyState icon={<IconCategory size={30} />} title={t('catalog.categories.emptyTitle')} text={t('catalog.categories.emptyText')} action={addButton} />
      ) : (
        <Stack gap="sm" maw={760}>
          <Group justify="flex-end">{addButton}</Group>
          <Paper withBorder radius="md">
            <Table verticalSpacing="xs" highlightOnHover data-testid="category-tree">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('catalog.categories.name')}</Table.Th>
                  <Table.Th ta="right">{t('catalog.categories.productCount')}</Table.Th>
                  {mayEdit && <Table.Th w={120} />}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tree.map(({ category: c, depth }) => (
                  <Table.Tr key={c.id}>
                    <Table.Td style={{ paddingLeft: 12 + depth * 24 }}>
                      <Text size="sm" fw={depth === 0 ? 600 : 400}>
                        {c.name}
                      </Text>
                    </Table.Td>
                    <Table.Td ta="right" style={{ fontVariantNumeric: 'tabular-nums' }} data-testid={`category-products-${c.id}`}>
                      {withBelow.get(c.id) ?? c.productCount}
                    </Table.Td>
                    {mayEdit && (
                      <Table.Td>
                        <Group gap={4} justify="flex-end" wrap="nowrap">
                          <Tooltip label={t('catalog.categories.addChild')}>
                            <ActionIcon variant="subtle" aria-label={t('catalog.categories.addChild')} onClick={() => setEditing({ name: '', parentId: c.id, sortOrder: 0 })}>
                              <IconSubtask size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('catalog.categories.rename')}>
                            <ActionIcon variant="subtle" aria-label={t('catalog.categories.rename')} onClick={() => setEditing({ id: c.id, name: c.name, parentId: c.parentId, sortOrder: c.sortOrder })}>
                              <IconPencil size={16} />
                            </ActionIcon>
                          </Tooltip>
                          <Tooltip label={t('catalog.categories.remove')}>
                            <ActionIcon variant="subtle" color="red" aria-label={t('catalog.categories.remove')} onClick={() => setRemoving(c)}>
                              <IconTrash size={16} />
                            </ActionIcon>
                          </Tooltip>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('catalog.categories.remove')}>
        <Text size="sm">{t('catalog.categories.removeConfirm', { name: removing?.name ?? '' })}</Text>
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => setRemoving(null)}>
            {t('common.cancel')}
          </Button>
          <Button color="red" onClick={() => removing && void remove(removing)} data-testid="category-remove-confirm">
            {t('catalog.categories.remove')}
          </Button>
        </Group>
      </Modal>
      <CategoryModal editing={editing} categories={categories.data ?? []} onClose={() => setEditing(null)} />
    </>
  );
}

function CategoryModal({ editing, categories, onClose }: { editing: Editing | null; categories: Category[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const form = useForm<Editing>({ initialValues: { name: '', parentId: null, sortOrder: 0 } });
  const [openedFor, setOpenedFor] = useState<Editing | null>(null);
  if (editing !== openedFor) {
    setOpenedFor(editing);
    if (editing) {
      form.setValues(editing);
      form.clearErrors();
    }
  }

  async function submit(values: Editing) {
    setBusy(true);
    try {
      await api.catalog.saveCategory({ ...(editing?.id ? { id: editing.id } : {}), name: values.name, parentId: values.parentId, sortOrder: values.sortOrder });
      notifications.show({ color: 'teal', message: t('catalog.categories.saved') });
      onClose();
    } catch (error) {
      showFormError(form, error);
    } finally {
      setBusy(false);
    }
  }

  const parents = categoryTree(categories).filter((o) => o.value !== editing?.id);
  return (
    <Modal opened={editing !== null} onClose={onClose} title={editing?.id ? t('catalog.categories.rename') : t('catalog.categories.add')}>
      <form onSubmit={form.onSubmit((v) => void submit(v))} data-testid="category-form">
        <Stack gap="sm">
          <TextInput label={t('catalog.categories.name')} withAsterisk data-autofocus {...form.getInputProps('name')} data-testid="category-name" />
          <Select
            label={t('catalog.categories.parent')}
            placeholder={t('catalog.categories.topLevel')}
            clearable
            searchable
            data={parents.map(({ value, label }) => ({ value, label }))}
            {...form.getInputProps('parentId')}
          />
        </Stack>
        <FormActionsContext.Provider value={{ busy, onCancel: onClose }}>
          <FormActions saveTestId="category-save" mt="md" />
        </FormActionsContext.Provider>
      </form>
    </Modal>
  );
}
