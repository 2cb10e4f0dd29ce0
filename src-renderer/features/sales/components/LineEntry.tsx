import { ActionIcon, NumberInput, Table, Text } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useRef, type Dispatch, type SetStateAction } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { LookupProduct } from '../../../../src-main/domain/catalog/catalog.dto';
import { formatFen, percentToBasisPoints } from '../../../../src-main/domain/core/money';
import type { OrderLine, ProductForOrder } from '../../../../src-main/domain/orders/orders.dto';
import { lineAmounts, priceOnBasis } from '../../../../src-main/domain/orders/orders.rules';
import { api } from '../../../api/client';
import { notifyError } from '../../../api/hooks';
import { ProductCodeInput } from './ProductCodeInput';

/** What a saved line carries that the entry does not show, sent back unchanged while the line keeps its product. */
type KeptFields = { unitPrice?: number; description?: string; promisedDate?: string };

export interface EntryLine {
  key: number;
  code: string;
  /** Its unitPrice is on the document's side of tax, per base unit. */
  product: ProductForOrder | null;
  /** In `unit`: the base unit, unless a saved line was entered in the product's second unit. */
  quantity: number;
  unit: string;
  unitFactor: number;
  /** The discount in percent as typed (the field's own value: `'2.'` while typing 2.5). */
  discount: number | string;
  notFound: boolean;
  /** Products matching text that is not an exact code or barcode, to pick from. */
  candidates: LookupProduct[];
  kept: KeptFields;
  /** The price as first entered and its side of tax, once the document's basis has changed: each basis is worked out from it, never from the last. */
  priceOrigin?: { unitPrice: number; taxInclusive: boolean };
}

let nextKey = 1;
export const blankLine = (product: ProductForOrder | null = null, quantity = 1): EntryLine => ({
  key: nextKey++,
  code: product?.code ?? '',
  product,
  quantity,
  unit: product?.unit ?? '',
  unitFactor: 1,
  discount: 0,
  notFound: false,
  candidates: [],
  kept: {},
});

type SavedLine = Pick<OrderLine, 'productId' | 'productCode' | 'productName' | 'spec' | 'description' | 'quantity' | 'unit' | 'unitFactor' | 'unitPrice' | 'discountBp' | 'vatRate'>;

/** A saved quote or order line back in the entry, as it was entered (its unit, its discount). */
export function savedLine(line: SavedLine, kept: KeptFields = {}): EntryLine {
  const product = { productId: line.productId, code: line.productCode, name: line.productName, spec: line.spec, unit: line.unit, unitPrice: line.unitPrice, vatRate: line.vatRate };
  return {
    ...blankLine(product, line.quantity / line.unitFactor),
    unitFactor: line.unitFactor,
    discount: line.discountBp / 100,
    kept: { ...(line.description ? { description: line.description } : {}), ...kept },
  };
}

/** The lines that name a product, in the order the server numbers them (`lines.N` in its refusals). */
export const pricedLines = (lines: EntryLine[]) => lines.filter((l) => l.product);

/** The line's discount in basis points; null when what is typed is not 0–100 %. */
export function discountBpOf(line: Pick<EntryLine, 'discount'>): number | null {
  const percent = typeof line.discount === 'number' ? line.discount : line.discount.trim() === '' ? 0 : Number(line.discount);
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) return null;
  try {
    return percentToBasisPoints(percent);
  } catch {
    return null;
  }
}

/** True while a line's discount cannot be sent (the field says why). */
export const hasBadDiscount = (lines: EntryLine[]) => pricedLines(lines).some((l) => discountBpOf(l) === null);

/** The lines as the quotes and orders methods take them. */
export const linesInput = (lines: EntryLine[]) =>
  pricedLines(lines).map((l) => ({ productId: l.product!.productId, quantity: l.quantity, ...(l.unitFactor !== 1 ? { unit: l.unit } : {}), discountBp: discountBpOf(l) ?? 0, ...l.kept }));

/** A line's 价税合计 as the server stores it (orders.rules), less its discount. */
const gross = (line: EntryLine, taxInclusive: boolean) =>
  line.product
    ? lineAmounts(
        { quantity: line.quantity * line.unitFactor, unitPrice: line.product.unitPrice, discountBp: discountBpOf(line) ?? 0, vatRate: line.product.vatRate },
        taxInclusive,
      ).gross
    : 0;

/** The document's 价税合计: the sum of its lines, as the server adds them. */
export const entryTotal = (lines: EntryLine[], taxInclusive = true) => pricedLines(lines).reduce((sum, l) => sum + gross(l, taxInclusive), 0);

/**
 * The lines' prices moved to the other side of VAT when the document's basis changes, as the server
 * prices them again from the list: from the price first entered, so switching back shows it again
 * (¥1.00 含税 is ¥0.88 before VAT, which is ¥0.99 with it). A kept price (typed, or agreed on a
 * quote) is sent back as it is, and the server keeps the figure on the new basis, so the entry shows
 * it unchanged too.
 */
export const linesOnBasis = (lines: EntryLine[], taxInclusive: boolean): EntryLine[] =>
  lines.map((l) => {
    if (!l.product || l.kept.unitPrice !== undefined) return l;
    const origin = l.priceOrigin ?? { unitPrice: l.product.unitPrice, taxInclusive: !taxInclusive };
    return { ...l, priceOrigin: origin, product: { ...l.product, unitPrice: priceOnBasis(origin.unitPrice, l.product.vatRate, origin, { taxInclusive }) } };
  });

interface Props {
  lines: EntryLine[];
  onChange: Dispatch<SetStateAction<EntryLine[]>>;
  /** Prices come from this customer's price list; list prices without one. */
  customerId: string | null;
  /** The document's side of tax (含税 by default); prices found are moved onto it. */
  taxInclusive?: boolean;
  currency?: string;
  /** The server's refusals by path (`lines.0.productId`, `lines.1.quantity`), shown beside the line. */
  errors: Record<string, string>;
  readOnly?: boolean;
  'data-testid'?: string;
}

/**
 * Sales document lines by keyboard (orders, quotes): type a code or scan a barcode (or type a name
 * and pick), Tab to the quantity, Tab on to the discount, Enter for the next line.
 */
export function LineEntry({ lines, onChange: setLines, customerId, taxInclusive = true, currency, errors, readOnly = false, 'data-testid': testId }: Props) {
  const { t } = useTranslation();
  const codeInputs = useRef(new Map<number, HTMLInputElement>());
  const quantityInputs = useRef(new Map<number, HTMLInputElement>());
  const update = (key: number, patch: Partial<EntryLine>) => setLines((all) => all.map((l) => (l.key === key ? { ...l, ...patch } : l)));
  const priced = pricedLines(lines);
  // lookupProduct prices 含税; a 不含税 document shows and sums them as the server will store them.
  const onBasis = (product: ProductForOrder): ProductForOrder =>
    taxInclusive ? product : { ...product, unitPrice: priceOnBasis(product.unitPrice, product.vatRate, { taxInclusive: true }, { taxInclusive }) };
  const found = (product: ProductForOrder): Partial<EntryLine> => ({ code: product.code, product: onBasis(product), unit: product.unit, unitFactor: 1, notFound: false, candidates: [], kept: {}, priceOrigin: undefined });

  /** Fills a line with what a lookup found; the cursor moves to its quantity if it is still on the line's text. */
  function fill(key: number, isStillTyped: (l: EntryLine) => boolean, patch: Partial<EntryLine>) {
    // Rendered before the cursor moves: the field's blur then sees the product, not the text typed.
    flushSync(() => setLines((all) => all.map((l) => (l.key === key && isStillTyped(l) ? { ...l, ...patch } : l))));
    if (patch.product && document.activeElement === codeInputs.current.get(key)) quantityInputs.current.get(key)?.select();
  }

  async function findProduct(line: EntryLine) {
    const code = line.code.trim();
    if (!code || line.product?.code === code) return;
    // A fast typist or a scanner may have moved on while a lookup ran: an answer fills only the
    // line whose text it was asked for, and takes the cursor only if it is still on that text.
    const stillTyped = (l: EntryLine) => l.key === line.key && l.code.trim() === code;
    try {
      const product = await api.orders.lookupProduct({ code, ...(customerId ? { customerId } : {}) });
      if (product) return fill(line.key, stillTyped, found(product));
      // Not a code or barcode: a name or its pinyin initials. One match is taken; several are offered.
      const { products } = await api.catalog.lookup({ q: code, limit: 8 });
      if (products.length === 1) return void (await pick(line, products[0]!, code));
      setLines((all) => all.map((l) => (stillTyped(l) ? { ...l, product: null, notFound: products.length === 0, candidates: products } : l)));
    } catch (error) {
      notifyError(error);
    }
  }

  async function pick(line: EntryLine, candidate: LookupProduct, typed = line.code.trim()) {
    try {
      const product = await api.orders.lookupProduct({ code: candidate.code, ...(customerId ? { customerId } : {}) });
      fill(line.key, (l) => l.code.trim() === typed, product ? found(product) : { notFound: true, candidates: [] });
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

  function codeError(line: EntryLine, at: number) {
    if (line.notFound) return t('sales.form.notFound');
    if (!line.product && line.candidates.length > 1) return t('sales.form.pickOne', { count: line.candidates.length });
    return at >= 0 ? errors[`lines.${at}.productId`] : undefined;
  }

  return (
    <Table verticalSpacing={6} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={200}>{t('sales.form.code')}</Table.Th>
          <Table.Th>{t('sales.field.product')}</Table.Th>
          <Table.Th w={140}>{t('sales.field.quantity')}</Table.Th>
          <Table.Th ta="right">{t('sales.field.unitPrice')}</Table.Th>
          <Table.Th w={110}>{t('sales.form.discount')}</Table.Th>
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
                <ProductCodeInput
                  inputRef={(el) => void (el ? codeInputs.current.set(line.key, el) : codeInputs.current.delete(line.key))}
                  value={line.code}
                  readOnly={readOnly}
                  autoFocus={i === 0 && !readOnly}
                  error={codeError(line, at)}
                  candidates={line.candidates}
                  onChange={(code) => update(line.key, { code, notFound: false, candidates: [] })}
                  onFind={() => void findProduct(line)}
                  onPick={(product) => void pick(line, product)}
                  onDismiss={() => update(line.key, { candidates: [] })}
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
                  disabled={readOnly}
                  allowDecimal={false}
                  aria-label={t('sales.field.quantity')}
                  // The unit beside the field, not a suffix in it: a suffix arriving with a slow lookup re-formats the value and drops the selection, so typed digits landed after the default 1.
                  hideControls
                  rightSection={line.product ? <Text size="sm" c="dimmed">{line.unit}</Text> : null}
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
              <Table.Td ta="right">{line.product ? formatFen(line.product.unitPrice, currency) : ''}</Table.Td>
              <Table.Td>
                <NumberInput
                  value={line.discount}
                  readOnly={readOnly}
                  disabled={readOnly}
                  decimalScale={2}
                  allowNegative={false}
                  clampBehavior="none"
                  hideControls
                  aria-label={t('sales.form.discount')}
                  rightSection={<Text size="sm" c="dimmed">%</Text>}
                  rightSectionPointerEvents="none"
                  error={discountBpOf(line) === null ? t('sales.form.discountRange') : at >= 0 ? errors[`lines.${at}.discountBp`] : undefined}
                  onFocusCapture={(e) => e.currentTarget.select()}
                  onChange={(discount) => update(line.key, { discount })}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !readOnly) nextLine(line);
                  }}
                />
              </Table.Td>
              <Table.Td ta="right" data-testid="line-amount">
                {line.product ? formatFen(gross(line, taxInclusive), currency) : ''}
              </Table.Td>
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
