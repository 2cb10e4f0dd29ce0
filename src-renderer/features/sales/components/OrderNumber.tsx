import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** An order's number, or 草稿 (dimmed) for a draft, which has none until it is submitted. */
export function OrderNumber({ orderNo }: { orderNo: string | null }) {
  const { t } = useTranslation();
  return (
    orderNo ?? (
      <Text span c="dimmed" size="sm">
        {t('sales.orderStatus.draft')}
      </Text>
    )
  );
}
