import type { ProductCreateInput } from './catalog.contract';
import { gtinCheckDigit } from './catalog.rules';

/** A valid EAN-13 from its first 12 digits (690… is a Chinese company prefix). */
export function ean13(first12: string): string {
  if (!/^\d{12}$/.test(first12)) throw new Error(`${first12} is not the body of an EAN-13`);
  return first12 + String(gtinCheckDigit(first12));
}

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
