import { Group, Table, Text, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconSelector } from '@tabler/icons-react';
import type { ReactNode } from 'react';

export interface SortOrder<Field extends string = string> {
  field: Field;
  dir: 'asc' | 'desc';
}

/**
 * A column header that sorts on the server: a first click sorts ascending (or `firstDir`: a money
 * column may start from the biggest), the next flips it.
 */
export function SortHeader<Field extends string>({
  field,
  sort,
  onSort,
  children,
  align,
  firstDir = 'asc',
}: {
  field: Field;
  sort: SortOrder<Field> | undefined;
  onSort: (sort: SortOrder<Field>) => void;
  children: ReactNode;
  align?: 'right';
  firstDir?: SortOrder['dir'];
}) {
  const active = sort?.field === field;
  const Icon = active ? (sort.dir === 'asc' ? IconArrowUp : IconArrowDown) : IconSelector;
  return (
    <Table.Th style={{ whiteSpace: 'nowrap' }} aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton onClick={() => onSort({ field, dir: active ? (sort.dir === 'asc' ? 'desc' : 'asc') : firstDir })} data-sort={field} w={align ? '100%' : undefined}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          <Text fw={700} size="sm" inherit>
            {children}
          </Text>
          <Icon size={14} stroke={1.5} color={active ? 'var(--mantine-primary-color-filled)' : 'var(--mantine-color-dimmed)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
