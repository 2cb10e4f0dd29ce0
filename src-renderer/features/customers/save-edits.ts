import type { CustomerUpdateInput } from '../../../src-main/domain/customers/customers.contract';
import { addressInputOf, contactInputOf, patchOf, type CustomerFormValues } from './form-model';

/** A list as the form leaves it, or undefined when it is exactly as loaded (so it is not rewritten). */
function listOf<Draft extends { id?: string }, Input extends object>(original: Draft[], now: Draft[], inputOf: (draft: Draft) => Input): (Input & { id?: string })[] | undefined {
  const items = now.map((draft) => (draft.id ? { ...inputOf(draft), id: draft.id } : inputOf(draft)));
  const before = original.map((draft) => (draft.id ? { ...inputOf(draft), id: draft.id } : inputOf(draft)));
  return JSON.stringify(items) === JSON.stringify(before) ? undefined : items;
}

/**
 * The form's changes as one customers.update input: the changed own fields, and the contacts and
 * addresses as complete lists when either changed. The input has the form's shape, so the
 * backend's issue paths (contacts.2.mobile) are the form's own; null when nothing changed.
 */
export function customerEditOf(customerId: string, original: CustomerFormValues, values: CustomerFormValues): CustomerUpdateInput | null {
  const patch = patchOf(values, original);
  const contacts = listOf(original.contacts, values.contacts, contactInputOf);
  const addresses = listOf(original.addresses, values.addresses, addressInputOf);
  if (Object.keys(patch).length === 0 && !contacts && !addresses) return null;
  return { id: customerId, ...patch, ...(contacts ? { contacts } : {}), ...(addresses ? { addresses } : {}) };
}
