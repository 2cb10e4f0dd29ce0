import { IconAddressBook } from '@tabler/icons-react';
import { api } from '../../api/client';
import { PALETTE_SEARCHES, type PaletteHit, type PaletteSearch } from '../shell/palette-searches';

/**
 * Customers in the command palette: `customers.search` ranks the hits (name, pinyin initials, phone…),
 * the list with the same q supplies each one's primary contact for the description line.
 */
export const searchCustomersForPalette: PaletteSearch = async (query) => {
  const [hits, page] = await Promise.all([api.customers.search({ q: query, limit: 8 }), api.customers.list({ q: query, pageSize: 50 }).catch(() => null)]);
  const rows = new Map((page?.rows ?? []).map((row) => [row.id, row]));
  return hits.map((hit): PaletteHit => {
    const contact = rows.get(hit.id)?.primaryContact;
    return {
      id: `customer:${hit.id}`,
      label: hit.name,
      description: [hit.code, contact?.name, contact?.mobile].filter(Boolean).join(' · '),
      icon: <IconAddressBook size={18} />,
      to: `/customers/${hit.id}`,
    };
  });
};

if (!PALETTE_SEARCHES.includes(searchCustomersForPalette)) PALETTE_SEARCHES.push(searchCustomersForPalette);
