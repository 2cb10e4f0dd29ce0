import { Autocomplete, type AutocompleteProps } from '@mantine/core';
import type { Address } from '../../../../src-main/domain/customers/customers.dto';
import { useApiQuery } from '../../../api/hooks';

/**
 * An address as one line on the order and its delivery note: the region and street written together
 * as Chinese addresses are (江苏省南京市鼓楼区中山北路 1 号), then who receives it and their phone.
 * A region part is written once: a municipality is its own province (北京市北京市), and an imported
 * address may keep the whole address in its street.
 */
export function addressLine(address: Address): string {
  const parts = new Set([address.province, address.city, address.district]);
  const region = [...parts].filter((part): part is string => !!part && !address.detail.includes(part)).join('');
  return [`${region}${address.detail}`, address.recipient, address.recipientPhone].filter(Boolean).join(' ');
}

/** Shipping addresses first, the default one at the top; a billing address is still a place goods can go. */
const rank = (a: Address) => (a.kind === 'shipping' ? 0 : 2) + (a.isDefault ? 0 : 1);

/**
 * The customer's addresses as order lines to pick from, and the one an order goes to unless told
 * otherwise (their default shipping address, else their only shipping address). Without access to
 * the customer there is nothing to pick, and the address is typed.
 */
export function useShippingAddresses(customerId: string | null): { options: string[]; preferred: string | null } {
  const addresses = useApiQuery('customers.get', { id: customerId ?? '' }, { enabled: !!customerId, select: (c) => c.addresses });
  const sorted = customerId ? [...(addresses.data ?? [])].sort((a, b) => rank(a) - rank(b)) : [];
  const shipping = sorted.filter((a) => a.kind === 'shipping');
  const preferred = shipping.find((a) => a.isDefault) ?? (shipping.length === 1 ? shipping[0] : undefined);
  return { options: [...new Set(sorted.map(addressLine))], preferred: preferred ? addressLine(preferred) : null };
}

/** Free text (the order keeps a copy, not a link), with the customer's addresses offered whatever is typed. */
export function ShippingAddressInput(props: Omit<AutocompleteProps, 'filter'>) {
  return <Autocomplete {...props} filter={({ options }) => options} />;
}
