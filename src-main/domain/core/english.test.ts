import { describe, expect, it } from 'vitest';
import { counted, countedMessage } from './english';

describe('English the backend writes itself', () => {
  it('says 1 in the singular and any other count in the plural', () => {
    expect(counted(1, 'day')).toBe('1 day');
    expect(counted(0, 'day')).toBe('0 days');
    expect(counted(30, 'day')).toBe('30 days');
    expect(counted(2, 'address', 'addresses')).toBe('2 addresses');
  });

  it('reads a catalog’s `_one` message for a count of 1, and the message itself otherwise', () => {
    const messages = { overdue: 'Invoices {{days}} days overdue', overdue_one: 'Invoices {{days}} day overdue', on_hold: 'On credit hold' };
    expect(countedMessage(messages, 'overdue', 1)).toBe('Invoices {{days}} day overdue');
    expect(countedMessage(messages, 'overdue', 3)).toBe('Invoices {{days}} days overdue');
    expect(countedMessage(messages, 'on_hold', 1)).toBe('On credit hold');
    expect(countedMessage(messages, 'missing', 1)).toBeUndefined();
  });
});
