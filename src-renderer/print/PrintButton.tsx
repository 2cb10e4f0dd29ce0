import { Button } from '@mantine/core';
import { IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';

/** 打印 on a document's screen: the print page for that printable kind, 返回 comes back here. */
export function PrintButton({ kind, reference }: { kind: string; reference: string }) {
  const { t } = useTranslation();
  return (
    <Button variant="default" component={Link} to={`/print/${kind}/${encodeURIComponent(reference)}`} leftSection={<IconPrinter size={16} />} data-testid={`print-${kind}`}>
      {t('print.toolbar.print')}
    </Button>
  );
}
