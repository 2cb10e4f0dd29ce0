import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LifecycleStage } from '../../../../src-main/domain/customers/customers.dto';
import { STAGE_COLORS } from '../labels';

export function StageBadge({ stage, size = 'sm' }: { stage: LifecycleStage; size?: 'xs' | 'sm' | 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Badge size={size} color={STAGE_COLORS[stage]} variant="light" tt="none" style={{ flexShrink: 0, overflow: 'visible' }}>
      {t(`customers.stage.${stage}`)}
    </Badge>
  );
}
