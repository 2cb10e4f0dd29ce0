import type { Category } from '../../../src-main/domain/catalog/catalog.dto';
import { useApiQuery } from '../../api/hooks';

/** Query hooks of the catalog screens, named for what they read. */

export function useCategories() {
  return useApiQuery('catalog.listCategories', {});
}

export function useProduct(id: string | undefined) {
  return useApiQuery('catalog.get', { id: id ?? '' }, { enabled: !!id });
}

export function usePriceList(id: string) {
  return useApiQuery('catalog.getPriceList', { id });
}

export interface CategoryOption {
  value: string;
  label: string;
  depth: number;
  category: Category;
}

/** The category tree flattened in display order (parents before children, by sort order then name), each with its depth. */
export function categoryTree(categories: readonly Category[]): CategoryOption[] {
  const children = new Map<string | null, Category[]>();
  for (const c of categories) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
  const out: CategoryOption[] = [];
  const visit = (parentId: string | null, depth: number) => {
    const level = [...(children.get(parentId) ?? [])].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN'));
    for (const c of level) {
      out.push({ value: c.id, label: `${'　'.repeat(depth)}${c.name}`, depth, category: c });
      visit(c.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}
