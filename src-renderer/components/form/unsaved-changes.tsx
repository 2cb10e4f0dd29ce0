import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router-dom';

/**
 * Unsaved edits on a page: leaving it (Cancel, a nav link, the palette, browser back) asks first;
 * closing or reloading the window gets the browser's own prompt. A successful save marks the form
 * clean before it navigates, so it passes without asking.
 */
export function UnsavedChangesGuard({ hasUnsavedEdits }: { hasUnsavedEdits: () => boolean }) {
  const blocker = useBlocker(({ currentLocation, nextLocation }) => currentLocation.pathname !== nextLocation.pathname && hasUnsavedEdits());
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (!hasUnsavedEdits()) return;
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [hasUnsavedEdits]);
  return <UnsavedChangesModal opened={blocker.state === 'blocked'} onStay={() => blocker.reset?.()} onLeave={() => blocker.proceed?.()} />;
}

/** The same question for leaving that is not a navigation (an editor closed in place on its page). */
export function UnsavedChangesModal({ opened, onStay, onLeave }: { opened: boolean; onStay: () => void; onLeave: () => void }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onStay} title={t('form.unsavedTitle')} data-testid="unsaved-changes">
      <Stack>
        <Text size="sm">{t('form.unsavedText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onStay} data-autofocus>
            {t('form.unsavedStay')}
          </Button>
          <Button color="red" onClick={onLeave} data-testid="discard-changes">
            {t('form.unsavedLeave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
