import { Button, Center, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { ApiCallError } from '../api/client';
import { errorMessage } from '../api/hooks';

/**
 * A screen whose data did not load. A record that is not there (deleted, merged, or outside the
 * caller's scope, which answers the same) comes back no more for retrying: the way back instead.
 */
export function LoadFailed({ error, onRetry, back }: { error: unknown; onRetry: () => void; back?: { to: string; label: string } }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const missing = error instanceof ApiCallError && error.code === 'NOT_FOUND';
  return (
    <Center mih={240}>
      <Stack align="center" gap="sm">
        <Text c={missing ? undefined : 'red'}>{errorMessage(error)}</Text>
        {missing && back ? (
          <Button component={Link} to={back.to} variant="light">
            {back.label}
          </Button>
        ) : missing ? (
          // Opened from a link or typed: back where the user came from, or the workbench when nothing is behind.
          <Button variant="light" onClick={() => (window.history.length > 1 ? navigate(-1) : navigate('/'))} data-testid="load-failed-back">
            {t('common.goBack')}
          </Button>
        ) : (
          <Button variant="light" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Center>
  );
}
