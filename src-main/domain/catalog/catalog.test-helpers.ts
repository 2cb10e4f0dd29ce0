import type { ProductCreateInput } from './catalog.contract';

export { ean13 } from './catalog.rules';

/** A stocked product counted in 瓶 and sold by the case of 24; override what the test is about. */
export function aProduct(overrides: Partial<ProductCreateInput> = {}): ProductCreateInput {
  return {
    name: '农夫山泉饮用天然水',
    spec: '550ml',
    unit: '瓶',
    secondUnit: '箱',
    secondUnitFactor: 24,
    vatRate: 1300,
    listPrice: 200,
    standardCost: 110,
    ...overrides,
  };
}
