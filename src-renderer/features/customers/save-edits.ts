import type { Customer } from '../../../src-main/domain/customers/customers.contract';
import { ApiCallError, api } from '../../api/client';
import { addressInputOf, contactInputOf, patchOf, type CustomerFormValues } from './form-model';

/** Re-keys an issue from a per-item call (patch.mobile, contact.mobile) to the form's path. */
function rekey(error: unknown, prefix: string): ApiCallError | unknown {
  if (!(error instanceof ApiCallError) || error.issues.length === 0) return error;
  const issues = error.issues.map((issue) => ({ ...issue, path: `${prefix}.${issue.path.replace(/^(patch|contact|address)\./, '')}` }));
  return new ApiCallError({ code: error.code, message: error.message, issues });
}

/**
 * customers.update takes the customer's own fields; contacts and addresses have their own calls.
 * Order matters: a new primary contact or default address is saved before the old one is removed,
 * so the customer is never left without one. Returns the first failure, keyed to the form's paths.
 */
export async function saveCustomerEdits(customer: Customer, original: CustomerFormValues, values: CustomerFormValues): Promise<unknown> {
  const patch = patchOf(values, original);
  if (Object.keys(patch).length) {
    try {
      await api.customers.update({ id: customer.id, patch });
    } catch (error) {
      if (error instanceof ApiCallError && error.issues.length) {
        return new ApiCallError({ code: error.code, message: error.message, issues: error.issues.map((i) => ({ ...i, path: i.path.replace(/^patch\./, '') })) });
      }
      return error;
    }
  }

  const before = new Map(original.contacts.filter((c) => c.id).map((c) => [c.id!, c]));
  for (const [i, contact] of values.contacts.entries()) {
    const input = contactInputOf(contact);
    try {
      if (!contact.id) await api.customers.addContact({ customerId: customer.id, contact: input });
      else if (JSON.stringify(input) !== JSON.stringify(contactInputOf(before.get(contact.id)!))) await api.customers.updateContact({ id: contact.id, patch: input });
    } catch (error) {
      return rekey(error, `contacts.${i}`);
    }
  }
  const kept = new Set(values.contacts.map((c) => c.id).filter(Boolean));
  for (const id of before.keys()) {
    if (!kept.has(id)) {
      try {
        await api.customers.removeContact({ id });
      } catch (error) {
        return error;
      }
    }
  }

  const addressesBefore = new Map(original.addresses.filter((a) => a.id).map((a) => [a.id!, a]));
  for (const [i, address] of values.addresses.entries()) {
    const input = addressInputOf(address);
    try {
      if (!address.id) await api.customers.addAddress({ customerId: customer.id, address: input });
      else if (JSON.stringify(input) !== JSON.stringify(addressInputOf(addressesBefore.get(address.id)!))) await api.customers.updateAddress({ id: address.id, patch: input });
    } catch (error) {
      return rekey(error, `addresses.${i}`);
    }
  }
  const keptAddresses = new Set(values.addresses.map((a) => a.id).filter(Boolean));
  for (const id of addressesBefore.keys()) {
    if (!keptAddresses.has(id)) {
      try {
        await api.customers.removeAddress({ id });
      } catch (error) {
        return error;
      }
    }
  }
  return null;
}
