import { Popover, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useId, useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { LookupProduct } from '../../../../src-main/domain/catalog/catalog.dto';

interface Props {
  value: string;
  onChange: (code: string) => void;
  /** Enter or leaving the field: look the text up (an exact code or barcode first). */
  onFind: () => void;
  /** Products whose name, pinyin or code match text that is not an exact code or barcode. */
  candidates: LookupProduct[];
  onPick: (product: LookupProduct) => void;
  onDismiss: () => void;
  error?: string | undefined;
  readOnly: boolean;
  autoFocus: boolean;
  inputRef: Ref<HTMLInputElement>;
}

/**
 * A line's product field: a scanned barcode or typed code with Enter adds the product at once;
 * other text offers the products it matches, picked with ↑ ↓ and Enter, or the mouse.
 */
export function ProductCodeInput({ value, onChange, onFind, candidates, onPick, onDismiss, error, readOnly, autoFocus, inputRef }: Props) {
  const { t } = useTranslation();
  const listId = useId();
  const [focused, setFocused] = useState(false);
  const [active, setActive] = useState(0);
  const opened = focused && candidates.length > 0 && !readOnly;
  const current = Math.min(active, candidates.length - 1);

  return (
    <Popover opened={opened} position="bottom-start" width={420} shadow="md" trapFocus={false} returnFocus={false} onClose={onDismiss}>
      <Popover.Target>
        <TextInput
          ref={inputRef}
          value={value}
          readOnly={readOnly}
          disabled={readOnly}
          autoFocus={autoFocus}
          aria-label={t('sales.form.code')}
          placeholder={t('sales.form.codeHint')}
          // The list itself says what to do while it is open.
          error={opened ? undefined : error}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={opened}
          aria-controls={opened ? listId : undefined}
          aria-activedescendant={opened ? `${listId}-${current}` : undefined}
          onChange={(e) => {
            setActive(0);
            onChange(e.currentTarget.value);
          }}
          onFocus={() => setFocused(true)}
          onBlur={() => {
            setFocused(false);
            onFind();
          }}
          onKeyDown={(e) => {
            // Enter that ends an IME composition (拼音 → 农夫) only commits the characters.
            if (e.nativeEvent.isComposing) return;
            if (opened && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
              e.preventDefault();
              const step = e.key === 'ArrowDown' ? 1 : -1;
              setActive((current + step + candidates.length) % candidates.length);
            } else if (opened && e.key === 'Escape') {
              e.preventDefault();
              onDismiss();
            } else if (e.key === 'Enter') {
              e.preventDefault();
              if (opened) onPick(candidates[current]!);
              else onFind();
            }
          }}
        />
      </Popover.Target>
      <Popover.Dropdown p={4}>
        <div role="listbox" id={listId} aria-label={t('sales.form.matches')}>
          {candidates.map((product, i) => (
            <UnstyledButton
              key={product.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === current}
              tabIndex={-1}
              display="block"
              w="100%"
              px="xs"
              py={6}
              bg={i === current ? 'var(--mantine-color-blue-light)' : undefined}
              style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              // Picking keeps the cursor in the field, so the quantity is the next stop.
              onMouseDown={(e) => e.preventDefault()}
              onMouseEnter={() => setActive(i)}
              onClick={() => onPick(product)}
            >
              <Text size="sm" span fw={500}>
                {product.name}
              </Text>
              {product.spec && (
                <Text size="sm" span c="dimmed">{` ${product.spec}`}</Text>
              )}
              <Text size="xs" c="dimmed">{`${product.code} · ${product.unit}`}</Text>
            </UnstyledButton>
          ))}
        </div>
      </Popover.Dropdown>
    </Popover>
  );
}
