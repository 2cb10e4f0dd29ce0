import type { ProductUnits } from '../../../src-main/domain/catalog/catalog.dto';

/** "瓶 · 1箱=24瓶": the base unit and, when there is one, what the second unit holds. */
export function unitsText(p: ProductUnits): string {
  return p.secondUnit && p.secondUnitFactor ? `${p.unit} · 1${p.secondUnit}=${p.secondUnitFactor}${p.unit}` : p.unit;
}
