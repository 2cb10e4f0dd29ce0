import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LeadStatus, OpportunityStage } from '../../../../src-main/domain/leads/leads.contract';

export const STATUS_COLORS: Record<LeadStatus, string> = { new: 'blue', contacted: 'cyan', qualified: 'grape', converted: 'teal', lost: 'gray' };
export const STAGE_COLORS: Record<OpportunityStage, string> = { contact: 'gray', needs: 'blue', proposal: 'indigo', negotiation: 'orange', won: 'teal', lost: 'red' };

export function LeadStatusBadge({ status }: { status: LeadStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" data-testid="lead-status">
      {t(`leads.status.${status}`)}
    </Badge>
  );
}
