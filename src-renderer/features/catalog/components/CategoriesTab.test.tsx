import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Category } from '../../../../src-main/domain/catalog/catalog.dto';
import { fakeBackend } from '../../../test-utils/fake-backend';
import { render } from '../../../test-utils/render';
import { CategoriesTab } from './CategoriesTab';

const uuid = (n: number) => `0190a0b0-0000-7000-8000-${String(n).padStart(12, '0')}`;
const category = (n: number, name: string, parent: number | null, productCount: number): Category => ({ id: uuid(n), parentId: parent === null ? null : uuid(parent), name, sortOrder: n, productCount });

describe('the category tree (商品分类)', () => {
  it('counts each category’s products with those of the categories below it, as the product list filters by it', async () => {
    fakeBackend({
      'catalog.listCategories': () => [category(1, '饮料', null, 0), category(2, '碳酸饮料', 1, 30), category(3, '可乐', 2, 14), category(4, '饮用水', 1, 2), category(5, '零食', null, 7)],
    });
    await render(<CategoriesTab />);
    const tree = await screen.findByTestId('category-tree');
    await within(tree).findByText('可乐');
    const count = (n: number) => within(tree).getByTestId(`category-products-${uuid(n)}`).textContent;
    expect([count(1), count(2), count(3), count(4), count(5)]).toEqual(['46', '44', '14', '2', '7']);
    expect(within(tree).getAllByRole('columnheader')[1]!.textContent).toBe('商品数（含下级）');
  });
});
