import type { Address, Contact } from './customers.dto';
import type * as repo from './customers.repository';

/** Row ↔ DTO for contacts and addresses; rows never leave this area. */
export function toContact(row: repo.ContactRecord): Contact {
  return {
    id: row.id,
    customerId: row.customer_id,
    name: row.name,
    title: row.title,
    mobile: row.mobile,
    phone: row.phone,
    email: row.email,
    wechat: row.wechat,
    birthday: row.birthday,
    isPrimary: row.is_primary === 1,
  };
}

export function toAddress(row: repo.AddressRecord): Address {
  return {
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    province: row.province,
    city: row.city,
    district: row.district,
    detail: row.detail,
    postcode: row.postcode,
    recipient: row.recipient,
    recipientPhone: row.recipient_phone,
    isDefault: row.is_default === 1,
  };
}

export type ContactFields = Partial<Omit<Contact, 'id' | 'customerId' | 'isPrimary'>>;
export type AddressFields = Partial<Omit<Address, 'id' | 'customerId' | 'isDefault'>>;

export function contactColumns(c: ContactFields) {
  const row: Partial<repo.ContactRecord> = {};
  for (const key of ['name', 'title', 'mobile', 'phone', 'email', 'wechat', 'birthday'] as const) if (c[key] !== undefined) row[key] = c[key]!;
  return row;
}

export function addressColumns(a: AddressFields) {
  const row: Partial<repo.AddressRecord> = {};
  if (a.kind !== undefined) row.kind = a.kind;
  for (const key of ['province', 'city', 'district', 'detail', 'postcode', 'recipient'] as const) if (a[key] !== undefined) row[key] = a[key]!;
  if (a.recipientPhone !== undefined) row.recipient_phone = a.recipientPhone;
  return row;
}

