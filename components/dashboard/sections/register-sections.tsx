import type { ReactNode } from 'react';
import { sendMessage } from '@/lib/messaging/messenger';
import type { RegisterDb } from '@/lib/register/db';
import type { DashboardSectionId } from '../sections';
import { AuditSection } from './audit-section';
import { CustomersSection } from './customers-section';
import { JobsSection } from './jobs-section';
import { RetentionSettingsLive } from '../retention-settings';
import { RetentionDueLive } from './retention-due';
import { ToolsHeldSection } from './tools-held-section';

/** The dashboard's section bodies on top of the register, for `<DashboardApp sections={…}>`. */
export function registerSections(db: RegisterDb): Partial<Record<DashboardSectionId, ReactNode>> {
  return {
    customers: <CustomersSection db={db} />,
    'retention-due': (
      <>
        <RetentionDueLive
          onCheckNow={async () => void (await sendMessage('retention.checkNow', {}))}
          onCleanUp={async (items) => (await sendMessage('retention.cleanUp', { items })).jobIds.length}
        />
        <RetentionSettingsLive db={db} />
      </>
    ),
    jobs: <JobsSection db={db} />,
    'audit-log': <AuditSection db={db} />,
    transfers: <ToolsHeldSection db={db} hint="register.transfersHint" />,
    connections: <ToolsHeldSection db={db} hint="register.connectionsHint" />,
  };
}
