import { ActionIcon, NumberInput, Table, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useRef, type Dispatch, type SetStateAction } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../../../src-main/domain/core/money';
import type { ProductForOrder } from '../../../../src-main/domain/orders/orders.dto';
import { lineAmounts } from '../../../../src-main/domain/orders/orders.rules';
import { api } from '../../../api/client';
import { notifyError } from '../../../api/hooks';

export interface EntryLine {
  key: number;
  code: string;
  product: ProductForOrder | null;
  quantity: number;
  notFound: boolean;
}

let nextKey = 1;
export const blankLine = (product: ProductForOrder | null = null, quantity = 1): EntryLine => ({
  key: nextKey++,
  code: product?.code ?? '',
  product,
  quantity,
  notFound: false,
});

/** The lines that name a product, in the order the server numbers them (`lines.N` in its refusals). */
export const pricedLines = (lines: EntryLine[]) => lines.filter((l) => l.product);

const gross = (line: EntryLine) =>
  line.product ? lineAmounts({ quantity: line.quantity, unitPrice: line.product.unitPrice, discountBp: 0, vatRate: line.product.vatRate }, true).gross : 0;

export const entryTotal = (lines: EntryLine[]) => pricedLines(lines).reduce((sum, l) => sum + gross(l), 0);

interface Props {
  lines: EntryLine[];
  onChange: Dispatch<SetStateAction<EntryLine[]>>;
  /** Prices come from this customer's price list; list prices without one. */
  customerId: string | null;
  /** The server's refusals by path (`lines.0.productId`, `lines.1.quantity`), shown beside the line. */
  errors: Record<string, string>;
  readOnly?: boolean;
  'data-testid'?: string;
}

/**
 * Sales document lines by keyboard (orders, quotes): type a code or scan a barcode, Tab to the
 * quantity, Enter for the next line.
 */
export function LineEntry({ lines, onChange: setLines, customerId, errors, readOnly = false, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const codeInputs = useRef(new Map<number, HTMLInputElement>());
  const quantityInputs = useRef(new Map<number, HTMLInputElement>());
  const update = (key: number, patch: Partial<EntryLine>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const priced = pricedLines(lines);

  async function findProduct(line: EntryLine) {
    if (!line.code.trim() || line.product?.code === line.code.trim()) return;
    try {
      const code = line.code.trim();
      const product = await api.orders.lookupProduct({ code, ...(customerId ? { customerId } : {}) });
      // A fast typist or a scanner may have moved on while the lookup ran: the answer fills only
      // the line whose code it was asked for, and takes the cursor only if it is still on that code.
      setLines((all) => all.map((l) => (l.key === line.key && l.code.trim() === code ? { ...l, product, notFound: product === null } : l)));
      if (product && document.activeElement === codeInputs.current.get(line.key)) quantityInputs.current.get(line.key)?.select();
    } catch (error) {
      notifyError(error);
    }
  }

  function nextLine(after: EntryLine) {
    const existing = lines[lines.indexOf(after) + 1];
    const target = existing ?? blankLine();
    if (!existing) setLines((all) => [...all, target]);
    setTimeout(() => codeInputs.current.get(target.key)?.focus(), 0);
  }

  return (
    <Table verticalSpacing={6} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>{t('sales.form.code')}</Table.Th>
          <Table.Th>{t('sales.field.product')}</Table.Th>
          <Table.Th w={140}>{t('sales.field.quantity')}</Table.Th>
          <Table.Th ta="right">{t('sales.field.unitPrice')}</Table.Th>
          <Table.Th ta="right">{t('sales.field.amount')}</Table.Th>
          <Table.Th w={40} />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {lines.map((line, i) => {
          const at = priced.indexOf(line);
          return (
            <Table.Tr key={line.key}>
              <Table.Td>
                <TextInput
                  ref={(el) => void (el ? codeInputs.current.set(line.key, el) : codeInputs.current.delete(line.key))}
                  value={line.code}
                  readOnly={readOnly}
                  autoFocus={i === 0 && !readOnly}
                  aria-label={t('sales.form.code')}
                  placeholder={t('sales.form.codeHint')}
                  error={line.notFound ? t('sales.form.notFound') : errors[`lines.${at}.productId`]}
                  onChange={(e) => update(line.key, { code: e.currentTarget.value, notFound: false })}
                  onBlur={() => void findProduct(line)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') {
                      e.preventDefault();
                      void findProduct(line);
                    }
                  }}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm">{line.product ? `${line.product.name}${line.product.spec ? ` ${line.product.spec}` : ''}` : ''}</Text>
              </Table.Td>
              <Table.Td>
                <NumberInput
                  ref={(el) => void (el ? quantityInputs.current.set(line.key, el) : quantityInputs.current.delete(line.key))}
                  value={line.quantity}
                  min={1}
                  readOnly={readOnly}
                  allowDecimal={false}
                  aria-label={t('sales.field.quantity')}
                  // The unit beside the field, not a suffix in it: a suffix arriving with a slow lookup re-formats the value and drops the selection, so typed digits landed after the default 1.
                  hideControls
                  rightSection={line.product ? <Text size="sm" c="dimmed">{line.product.unit}</Text> : null}
                  rightSectionPointerEvents="none"
                  error={at >= 0 ? errors[`lines.${at}.quantity`] : undefined}
                  // Tab from the code lands here: typing replaces the default 1. On the capture phase, as focus
                  // arrives: the number field runs its own onFocus a tick later, and a select() then, between
                  // two typed digits, turned a typed 20 into 0 (and so, clamped to the minimum, into 1).
                  onFocusCapture={(e) => e.currentTarget.select()}
                  onChange={(v) => update(line.key, { quantity: typeof v === 'number' ? v : 1 })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !readOnly) nextLine(line);
                  }}
                />
              </Table.Td>
              <Table.Td ta="right">{line.product ? formatFen(line.product.unitPrice) : ''}</Table.Td>
              <Table.Td ta="right">{line.product ? formatFen(gross(line)) : ''}</Table.Td>
              <Table.Td>
                {lines.length > 1 && !readOnly && (
                  <ActionIcon variant="subtle" color="gray" aria-label={t('sales.form.remove')} onClick={() => setLines((all) => all.filter((l) => l.key !== line.key))}>
                    <IconTrash size={16} />
                  </ActionIcon>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}
