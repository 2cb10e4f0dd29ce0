import type { Customer, CustomerUpdateInput } from '../../../src-main/domain/customers/customers.contract';
import { ApiCallError, api } from '../../api/client';
import { addressInputOf, contactInputOf, patchOf, type CustomerFormValues } from './form-model';

type ListName = 'contacts' | 'addresses';

/** A list's edit for customers.update: new and changed items (upsert), removed ids, and where each upserted item sits in the form. */
function listEdit<Draft extends { id?: string }, Input extends object>(original: Draft[], now: Draft[], inputOf: (draft: Draft) => Input) {
  const loaded = new Map(original.filter((d) => d.id).map((d) => [d.id!, d]));
  const upsert: (Input & { id?: string })[] = [];
  const formIndex: number[] = [];
  now.forEach((draft, i) => {
    const input = inputOf(draft);
    const was = draft.id ? loaded.get(draft.id) : undefined;
    if (was && JSON.stringify(inputOf(was)) === JSON.stringify(input)) return;
    upsert.push(draft.id ? { ...input, id: draft.id } : input);
    formIndex.push(i);
  });
  const kept = new Set(now.map((d) => d.id));
  const remove = [...loaded.keys()].filter((id) => !kept.has(id));
  return { edit: { upsert, remove }, formIndex };
}

/**
 * The backend's path for the form's: patch.name → name; contacts.1.mobile (the second upserted
 * contact) → that contact's place in the form; an item's id or a removal → the whole list.
 */
function formPathOf(path: string, formIndex: Record<ListName, number[]>): string {
  const own = /^patch\.(.+)$/.exec(path);
  if (own) return own[1]!;
  const item = /^(contacts|addresses)\.(\d+)\.(.+)$/.exec(path);
  if (item) {
    const list = item[1] as ListName;
    const index = formIndex[list][Number(item[2])];
    return index === undefined || item[3] === 'id' ? list : `${list}.${index}.${item[3]}`;
  }
  return /^(contacts|addresses)\.(upsert|remove)\b/.exec(path)?.[1] ?? path;
}

export interface CustomerEdit {
  /** Null when nothing changed. */
  input: CustomerUpdateInput | null;
  /** The form's path for an issue path of customers.update. */
  formPath(path: string): string;
}

/** The form's changes as one customers.update input: changed own fields, new and changed contacts and addresses, removals. */
export function customerEditOf(customerId: string, original: CustomerFormValues, values: CustomerFormValues): CustomerEdit {
  const patch = patchOf(values, original);
  const contacts = listEdit(original.contacts, values.contacts, contactInputOf);
  const addresses = listEdit(original.addresses, values.addresses, addressInputOf);
  const formIndex = { contacts: contacts.formIndex, addresses: addresses.formIndex };
  const unchanged = Object.keys(patch).length === 0 && [contacts.edit, addresses.edit].every((e) => e.upsert.length === 0 && e.remove.length === 0);
  return {
    input: unchanged ? null : { id: customerId, patch, contacts: contacts.edit, addresses: addresses.edit },
    formPath: (path) => formPathOf(path, formIndex),
  };
}

/**
 * The whole edit in one customers.update call, so it is saved as a whole or not at all.
 * Returns the failure with its issues keyed to the form's paths, or null.
 */
export async function saveCustomerEdits(customer: Customer, original: CustomerFormValues, values: CustomerFormValues): Promise<unknown> {
  const edit = customerEditOf(customer.id, original, values);
  if (!edit.input) return null;
  try {
    await api.customers.update(edit.input);
    return null;
  } catch (error) {
    if (!(error instanceof ApiCallError) || error.issues.length === 0) return error;
    return new ApiCallError({ code: error.code, message: error.message, issues: error.issues.map((issue) => ({ ...issue, path: edit.formPath(issue.path) })) });
  }
}
