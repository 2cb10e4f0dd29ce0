import { describe, expect, it, vi } from 'vitest';
import { emptyAddress, emptyContact, emptyValues, type CustomerFormValues } from './form-model';
import { customerEditOf } from './save-edits';

// The form model translates its own messages; the UI's i18n needs a browser, this project runs in Node.
vi.mock('../../i18n', () => ({ default: { t: (key: string) => key } }));

const CUSTOMER = '0190a000-0000-7000-8000-000000000001';
const MANAGER = '0190a000-0000-7000-8000-000000000002';
const ACCOUNTANT = '0190a000-0000-7000-8000-000000000003';
const WAREHOUSE = '0190a000-0000-7000-8000-000000000004';

/** 博雅 as the form loads it: two contacts and one shipping address. */
function loaded(): CustomerFormValues {
  return {
    ...emptyValues(),
    name: '南京博雅食品有限公司',
    contacts: [
      { ...emptyContact(true), id: MANAGER, name: '周博雅', mobile: '13912345678' },
      { ...emptyContact(false), id: ACCOUNTANT, name: '李会计', mobile: '13812345678' },
    ],
    addresses: [{ ...emptyAddress('shipping', true), id: WAREHOUSE, detail: '中山北路 1 号' }],
  };
}

describe('saving the customer form as one customers.update', () => {
  it('sends the changed own fields and, when they changed, the contacts and addresses as complete lists', () => {
    const original = loaded();
    const values: CustomerFormValues = {
      ...original,
      name: '南京博雅食品集团有限公司',
      contacts: [original.contacts[0]!, { ...original.contacts[1]!, mobile: '13700001234' }, { ...emptyContact(false), name: '王采购', mobile: '13600001234' }],
      addresses: [],
    };

    const input = customerEditOf(CUSTOMER, original, values);

    expect(input).toMatchObject({
      id: CUSTOMER,
      name: '南京博雅食品集团有限公司',
      contacts: [
        { id: MANAGER, name: '周博雅', mobile: '13912345678' },
        { id: ACCOUNTANT, name: '李会计', mobile: '13700001234' },
        { name: '王采购', mobile: '13600001234' },
      ],
      addresses: [],
    });
    // The list is the form's: its third contact is the input's contacts.2, so issues land on it unchanged.
    expect(input!.contacts![2]).not.toHaveProperty('id');
  });

  it('leaves out a list the edit did not touch', () => {
    const original = loaded();
    const input = customerEditOf(CUSTOMER, original, { ...original, tier: 'A' });
    expect(input).toEqual({ id: CUSTOMER, tier: 'A' });
  });

  it('sends nothing when nothing changed', () => {
    expect(customerEditOf(CUSTOMER, loaded(), loaded())).toBeNull();
  });
});
