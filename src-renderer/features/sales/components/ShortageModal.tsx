import { Button, Group, Modal, Radio, Select, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShortageInput } from '../../../../src-main/domain/orders/orders.contract';
import type { ShortageChoice, StockCheck } from '../../../../src-main/domain/orders/orders.dto';
import { DateField } from '../../../components/DateField';

/** 缺货处理: for each short line, ship part, substitute or a later date; the backend applies the choice. */
export function ShortageModal({ check, loading, onClose, onSubmit }: { check: StockCheck | null; loading: boolean; onClose: () => void; onSubmit: (choices: ShortageInput[]) => void }) {
  const { t } = useTranslation();
  const [choices, setChoices] = useState<Record<string, ShortageInput>>({});
  const short = check?.lines.filter((l) => l.shortBy > 0) ?? [];
  const choiceOf = (lineId: string): ShortageInput => choices[lineId] ?? { lineId, choice: 'backorder' };
  const set = (lineId: string, patch: Partial<ShortageInput>) => setChoices({ ...choices, [lineId]: { ...choiceOf(lineId), ...patch } });
  return (
    <Modal opened={check !== null} onClose={onClose} title={t('sales.order.shortTitle')} size="lg">
      <Stack>
        {short.map((line) => {
          const choice = choiceOf(line.lineId);
          return (
            <Stack key={line.lineId} gap="xs">
              <Text fw={500}>{t('sales.order.shortText', { lineNo: line.lineNo, product: `${line.productCode} ${line.productName}`, available: line.available, quantity: line.quantity })}</Text>
              <Radio.Group value={choice.choice} onChange={(v) => set(line.lineId, { choice: v as ShortageChoice })}>
                <Stack gap={6}>
                  <Radio value="backorder" label={t('sales.order.backorder')} />
                  <Radio
                    value="substitute"
                    label={t('sales.order.substitute')}
                    disabled={line.substitutes.length === 0}
                    description={line.substitutes.length === 0 ? t('sales.order.noSubstitute') : undefined}
                  />
                  <Radio value="later_date" label={t('sales.order.laterDate')} />
                </Stack>
              </Radio.Group>
              {choice.choice === 'substitute' && (
                <Select
                  data={line.substitutes.map((s) => ({ value: s.productId, label: `${s.productCode} ${s.productName}（${s.available}）` }))}
                  value={choice.substituteProductId ?? null}
                  onChange={(v) => set(line.lineId, { substituteProductId: v ?? undefined })}
                  aria-label={t('sales.order.substitute')}
                />
              )}
              {choice.choice === 'later_date' && (
                <Group align="end">
                  <DateField label={t('sales.field.promisedDate')} value={choice.promisedDate ?? line.suggestedDate ?? null} onChange={(v) => set(line.lineId, { promisedDate: v ?? undefined })} />
                  {line.suggestedDate && (
                    <Text size="sm" c="dimmed">
                      {t('sales.order.suggested', { date: line.suggestedDate })}
                    </Text>
                  )}
                </Group>
              )}
            </Stack>
          );
        })}
        <Group justify="flex-end">
          <Button
            loading={loading}
            onClick={() => onSubmit(short.map((l) => {
              const c = choiceOf(l.lineId);
              return c.choice === 'later_date' && !c.promisedDate && l.suggestedDate ? { ...c, promisedDate: l.suggestedDate } : c;
            }))}
          >
            {t('sales.order.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
