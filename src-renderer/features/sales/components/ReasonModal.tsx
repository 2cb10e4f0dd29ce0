import { Button, Group, Modal, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Asks for a comment or reason before a decision (驳回, 取消); `required` refuses an empty one. */
export function ReasonModal({ opened, title, label, required, loading, onClose, onSubmit }: {
  opened: boolean;
  title: string;
  label: string;
  required: boolean;
  loading: boolean;
  onClose: () => void;
  onSubmit: (text: string) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Textarea label={label} value={text} onChange={(e) => setText(e.currentTarget.value)} autosize minRows={3} data-autofocus />
      <Group justify="flex-end" mt="md">
        <Button disabled={required && !text.trim()} loading={loading} onClick={() => onSubmit(text.trim())}>
          {t('sales.order.confirm')}
        </Button>
      </Group>
    </Modal>
  );
}
