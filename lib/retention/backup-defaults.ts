/** Each connector's stated backup horizon (days), the default the user may override per tool. */
import { connectors } from '../connectors/registry';
import type { BackupHorizons } from './backups';

export const connectorBackupDefaults: BackupHorizons = Object.fromEntries(
  Object.entries(connectors).map(([tool, c]) => [tool, c.processing.backupHorizonDays]),
);
