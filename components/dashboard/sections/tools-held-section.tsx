import { useLiveQuery } from 'dexie-react-hooks';
import { i18n } from '#i18n';
import type { RegisterDb } from '@/lib/register/db';
import { itemCountsByTool } from '@/lib/register/tool-counts';
import { knownTools, toolLabel } from './format';

/**
 * What the register holds per tool. Transfers and connections are configured elsewhere; until then
 * these sections show this list with a hint (`hint` is a locale key).
 */
export function ToolsHeldSection({
  db,
  hint,
}: {
  db: RegisterDb;
  hint: 'register.transfersHint' | 'register.connectionsHint';
}) {
  const counts = useLiveQuery(() => itemCountsByTool(db, knownTools), [db]);
  return (
    <div>
      <p className="pd-muted">{i18n.t(hint)}</p>
      {counts && counts.length === 0 ? <p className="pd-muted">{i18n.t('register.noTools')}</p> : null}
      <ul>
        {(counts ?? []).map((c) => (
          <li key={c.tool} data-tool={c.tool}>
            {i18n.t('register.toolItems', [toolLabel(c.tool), String(c.items)])}
          </li>
        ))}
      </ul>
    </div>
  );
}
