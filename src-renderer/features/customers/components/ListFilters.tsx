import { Badge, Button, Drawer, Group, MultiSelect, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedCallback, useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type CustomerListFilters } from '../../../../src-main/domain/customers/customers.contract';
import { CUSTOMER_SIZES, LIFECYCLE_STAGES, type LifecycleStage } from '../../../../src-main/domain/customers/customers.dto';
import { parseYuan, yuanText } from '../../../../src-main/domain/core/money';
import { UNASSIGNED, UserPicker } from '../../../components/UserPicker';
import { useFieldDefs } from '../customers.queries';
import { DateField } from '../../../components/DateField';
import { TagPicker } from './TagPicker';
import { shortcutTarget } from '../../../components/shortcut-targets';

/** Filters shown in the bar; the rest live in the drawer and count towards its badge. */
const BAR_KEYS = new Set(['tagIds', 'lifecycleStage', 'ownerUserId', 'status']);

export function activeFilterCount(filters: CustomerListFilters, onlyDrawer = false): number {
  return Object.entries(filters).filter(([key, v]) => key !== 'tagMode' && (!onlyDrawer || !BAR_KEYS.has(key)) && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)).length;
}

interface Props {
  q: string;
  filters: CustomerListFilters;
  onSearch: (q: string) => void;
  onFilters: (filters: CustomerListFilters) => void;
}

/** The compact filter bar over the customer list: search, tags, stage, owner, status, and a drawer for the rest. */
export function ListFilters({ q, filters, onSearch, onFilters }: Props) {
  const { t } = useTranslation();
  const [drawerOpened, drawer] = useDisclosure();
  const [typed, setTyped] = useState(q);
  const search = useDebouncedCallback(onSearch, 250);
  useEffect(() => setTyped(q), [q]);

  const set = (patch: Partial<CustomerListFilters>) => onFilters({ ...filters, ...patch });
  const ownerValue = filters.ownerUserId === null ? UNASSIGNED : (filters.ownerUserId ?? null);
  const drawerCount = activeFilterCount(filters, true);
  const anyFilter = activeFilterCount(filters) > 0 || q !== '';

  return (
    <>
      <Group gap="xs" mb="sm" wrap="wrap" align="flex-start">
        <TextInput
          style={{ flex: '1 1 220px' }}
          maw={360}
          leftSection={<IconSearch size={16} />}
          placeholder={t('customers.searchPlaceholder')}
          aria-label={t('common.search')}
          value={typed}
          data-testid="customer-search" {...shortcutTarget('search')}
          onChange={(e) => {
            setTyped(e.currentTarget.value);
            search(e.currentTarget.value.trim());
          }}
        />
        <TagPicker w={170} placeholder={t('customers.field.tags')} aria-label={t('customers.field.tags')} value={filters.tagIds ?? []} onChange={(ids) => set({ tagIds: ids })} maxValues={20} />
        <MultiSelect
          w={150}
          placeholder={t('customers.field.lifecycleStage')}
          aria-label={t('customers.field.lifecycleStage')}
          clearable
          data={LIFECYCLE_STAGES.map((s) => ({ value: s, label: t(`customers.stage.${s}`) }))}
          value={filters.lifecycleStage ?? []}
          onChange={(v) => set({ lifecycleStage: v as LifecycleStage[] })}
        />
        <UserPicker
          w={130}
          placeholder={t('customers.list.anyOwner')}
          aria-label={t('customers.field.owner')}
          unassignedLabel={t('customers.list.unassigned')}
          value={ownerValue}
          onChange={(v) => set({ ownerUserId: v === UNASSIGNED ? null : (v ?? undefined) })}
        />
        <SegmentedControl
          data={(['active', 'archived', 'all'] as const).map((s) => ({ value: s, label: t(`customers.status.${s}`) }))}
          value={filters.status ?? 'active'}
          onChange={(v) => set({ status: v === 'active' ? undefined : (v as 'archived' | 'all') })}
        />
        <Button
          variant={drawerCount ? 'light' : 'default'}
          leftSection={<IconAdjustmentsHorizontal size={16} />}
          rightSection={drawerCount ? <Badge size="xs" circle>{drawerCount}</Badge> : undefined}
          onClick={drawer.open}
          data-testid="more-filters"
        >
          {t('customers.list.moreFilters')}
        </Button>
        {anyFilter && (
          <Button
            variant="subtle"
            color="gray"
            leftSection={<IconX size={14} />}
            onClick={() => {
              setTyped('');
              onSearch('');
              onFilters({});
            }}
          >
            {t('customers.list.clearFilters')}
          </Button>
        )}
      </Group>
      <Drawer opened={drawerOpened} onClose={drawer.close} position="right" title={t('customers.list.moreFilters')} size="md">
        <DrawerFilters filters={filters} set={set} />
        <Group justify="space-between" mt="xl">
          <Button variant="subtle" color="gray" disabled={drawerCount === 0} onClick={() => onFilters(Object.fromEntries(Object.entries(filters).filter(([key]) => BAR_KEYS.has(key))))}>
            {t('customers.list.clearFilters')}
          </Button>
          <Button onClick={drawer.close}>{t('common.close')}</Button>
        </Group>
      </Drawer>
    </>
  );
}

function MoneyInput({ label, value, onChange }: { label: string; value: number | undefined; onChange: (fen: number | undefined) => void }) {
  const [text, setText] = useState(value === undefined ? '' : yuanText(value));
  const fen = parseYuan(text);
  return (
    <TextInput
      label={label}
      leftSection="¥"
      inputMode="decimal"
      value={text}
      error={text.trim() !== '' && (fen === null || fen < 0)}
      onChange={(e) => setText(e.currentTarget.value)}
      onBlur={() => {
        const parsed = parseYuan(text);
        onChange(text.trim() === '' || parsed === null || parsed < 0 ? undefined : parsed);
      }}
    />
  );
}

/** Applies after a pause in typing, so each keystroke does not reload the list. */
function TextFilter({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const [typed, setTyped] = useState(value);
  const apply = useDebouncedCallback((text: string) => onChange(text.trim()), 400);
  useEffect(() => setTyped(value), [value]);
  return (
    <TextInput
      label={label}
      value={typed}
      onChange={(e) => {
        setTyped(e.currentTarget.value);
        apply(e.currentTarget.value);
      }}
    />
  );
}

function DrawerFilters({ filters, set }: { filters: CustomerListFilters; set: (patch: Partial<CustomerListFilters>) => void }) {
  const { t } = useTranslation();
  const fieldDefs = useFieldDefs();
  const text = (key: 'industry' | 'province' | 'city' | 'tier') => ({ value: filters[key] ?? '', onChange: (value: string) => set({ [key]: value || undefined }) });
  const choiceDefs = (fieldDefs.data ?? []).filter((d) => d.type === 'choice');
  return (
    <Stack>
      <Text size="sm" fw={500} mb={-8}>
        {t('customers.list.tagModeLabel')}
      </Text>
      <SegmentedControl
        data={(['any', 'all'] as const).map((m) => ({ value: m, label: t(`customers.list.tagMode.${m}`) }))}
        value={filters.tagMode ?? 'any'}
        onChange={(v) => set({ tagMode: v === 'any' ? undefined : 'all' })}
      />
      <SimpleGrid cols={2}>
        <TextFilter label={t('customers.field.industry')} {...text('industry')} />
        <Select
          label={t('customers.field.size')}
          clearable
          data={CUSTOMER_SIZES.map((s) => ({ value: s, label: t(`customers.size.${s}`) }))}
          value={filters.size ?? null}
          onChange={(v) => set({ size: (v as CustomerListFilters['size']) ?? undefined })}
        />
        <TextFilter label={t('customers.field.province')} {...text('province')} />
        <TextFilter label={t('customers.field.city')} {...text('city')} />
        <TextFilter label={t('customers.field.tier')} {...text('tier')} />
        <Select
          label={t('customers.list.creditStatus')}
          clearable
          data={(['within', 'over', 'none'] as const).map((s) => ({ value: s, label: t(`customers.creditStatus.${s}`) }))}
          value={filters.creditStatus ?? null}
          onChange={(v) => set({ creditStatus: (v as CustomerListFilters['creditStatus']) ?? undefined })}
        />
        <DateField label={t('customers.list.lastOrderFrom')} value={filters.lastOrderFrom ?? null} onChange={(v) => set({ lastOrderFrom: v ?? undefined })} />
        <DateField label={t('customers.list.lastOrderTo')} value={filters.lastOrderTo ?? null} onChange={(v) => set({ lastOrderTo: v ?? undefined })} />
        <MoneyInput label={t('customers.list.balanceMin')} value={filters.balanceDueMin} onChange={(v) => set({ balanceDueMin: v })} />
        <MoneyInput label={t('customers.list.balanceMax')} value={filters.balanceDueMax} onChange={(v) => set({ balanceDueMax: v })} />
        {choiceDefs.map((def) => (
          <Select
            key={def.id}
            label={def.label}
            clearable
            data={def.options}
            value={(filters.custom?.[def.key] as string | undefined) ?? null}
            onChange={(v) => {
              const custom = { ...(filters.custom ?? {}) };
              if (v) custom[def.key] = v;
              else delete custom[def.key];
              set({ custom });
            }}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}
