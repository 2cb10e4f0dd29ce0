import { Badge, Group } from '@mantine/core';
import type { Tag } from '../../../../src-main/domain/customers/customers.dto';

export function TagBadges({ tags, max = 3, size = 'sm', wrap = false }: { tags: Tag[]; max?: number; size?: 'xs' | 'sm' | 'md'; wrap?: boolean }) {
  if (tags.length === 0) return null;
  const shown = tags.slice(0, max);
  return (
    <Group gap={4} wrap={wrap ? 'wrap' : 'nowrap'}>
      {shown.map((tag) => (
        <Badge key={tag.id} size={size} variant="light" color={tag.color} radius="sm" style={{ flexShrink: 0 }}>
          {tag.name}
        </Badge>
      ))}
      {tags.length > max && (
        <Badge size={size} variant="outline" color="gray" radius="sm" title={tags.slice(max).map((tag) => tag.name).join('、')}>
          +{tags.length - max}
        </Badge>
      )}
    </Group>
  );
}
