import type { ReactNode } from 'react';

export interface PaletteHit {
  id: string;
  label: string;
  description?: string;
  icon?: ReactNode;
  /** Route to open. */
  to: string;
}

/**
 * Areas add a search here (customers by name/pinyin/phone, later orders and tickets by number);
 * the command palette runs them all as the user types.
 */
export type PaletteSearch = (query: string) => Promise<PaletteHit[]>;

export const PALETTE_SEARCHES: PaletteSearch[] = [];
