import { Tabs } from '@mantine/core';
import { IconChartBar, IconLayoutKanban, IconSpeakerphone, IconUserSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { CampaignsTab } from './components/CampaignsTab';
import { ChannelReportTab } from './components/ChannelReportTab';
import { LeadsTab } from './components/LeadsTab';
import { OpportunityBoardTab } from './components/OpportunityBoardTab';

export type LeadsTabKey = 'leads' | 'board' | 'campaigns' | 'channels';

const TABS: { key: LeadsTabKey; path: string; icon: typeof IconUserSearch }[] = [
  { key: 'leads', path: '/leads', icon: IconUserSearch },
  { key: 'board', path: '/leads/board', icon: IconLayoutKanban },
  { key: 'campaigns', path: '/leads/campaigns', icon: IconSpeakerphone },
  { key: 'channels', path: '/leads/channels', icon: IconChartBar },
];

/** 线索与商机: leads, the opportunity kanban, campaigns and the channel ROI report, one route each. */
export function LeadsPage({ tab = 'leads' }: { tab?: LeadsTabKey }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader title={t('nav.leads')} />
      <Tabs value={tab} onChange={(value) => navigate(TABS.find((x) => x.key === value)?.path ?? '/leads')} keepMounted={false}>
        <Tabs.List mb="md">
          {TABS.map(({ key, icon: Icon }) => (
            <Tabs.Tab key={key} value={key} leftSection={<Icon size={16} />} data-testid={`leads-tab-${key}`}>
              {t(`leads.tabs.${key}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="leads">
          <LeadsTab />
        </Tabs.Panel>
        <Tabs.Panel value="board">
          <OpportunityBoardTab />
        </Tabs.Panel>
        <Tabs.Panel value="campaigns">
          <CampaignsTab />
        </Tabs.Panel>
        <Tabs.Panel value="channels">
          <ChannelReportTab />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
