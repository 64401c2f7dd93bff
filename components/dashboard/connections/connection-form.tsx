import { useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { requestHostAccess } from '@/lib/connections/host-access';
import { secretFieldsOf, isSecretField } from '@/lib/connections/fields';
import { saveConnection } from '@/lib/connections/store';
import { connectors } from '@/lib/connectors/registry';
import { toolProcessing } from '@/lib/transfers/tools';

const tools = Object.values(connectors).filter((c) => c.auth.kind !== 'none');

/** Connect one tool: account, region, credentials; asks for the tool's API host access on submit. */
export function ConnectionForm({ onSaved }: { onSaved: (tool: string, granted: boolean) => void }) {
  const [tool, setTool] = useState(tools[0]?.id ?? 'zendesk');
  const connector = connectors[tool];
  const regions = (toolProcessing as Record<string, { regions: readonly { id: string }[] }>)[tool]?.regions ?? [];

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    // Ask first, while the click still counts as a user gesture; save whatever the answer.
    const granted = await requestHostAccess(tool);
    const secret = Object.fromEntries(
      secretFieldsOf(connector!)
        .map((f) => [f, text(`secret.${f}`)])
        .filter(([, v]) => v),
    );
    await saveConnection({
      tool,
      account: text('account'),
      region: text('region') || undefined,
      secret,
      connectedAt: Date.now(),
    });
    onSaved(tool, granted);
  }

  if (!connector) return null;
  return (
    <form className="pd-form" onSubmit={(e) => void submit(e)} aria-label={i18n.t('connections.connectTitle')}>
      <label>
        {i18n.t('connections.tool')}
        <select value={tool} onChange={(e) => setTool(e.target.value)}>
          {tools.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        {i18n.t('connections.account')}
        <input name="account" required maxLength={200} />
      </label>
      {regions.length > 1 && (
        <label>
          {i18n.t('connections.region')}
          <select name="region">
            {regions.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id.toUpperCase()}
              </option>
            ))}
          </select>
        </label>
      )}
      {secretFieldsOf(connector).map((field) => (
        <label key={field}>
          {field}
          <input
            name={`secret.${field}`}
            type={isSecretField(field) ? 'password' : 'text'}
            autoComplete="off"
            required
          />
        </label>
      ))}
      <button type="submit">{i18n.t('connections.connect')}</button>
    </form>
  );
}
