/**
 * The weekly digest switch. Switching it on asks for the optional `notifications` permission (this click
 * is the user gesture the browser needs); when the browser refuses, the switch stays off and says why.
 */
import { useState } from 'react';
import { i18n } from '#i18n';

export interface DigestSwitchProps {
  on: boolean;
  /** Resolves to whether the digest is on afterwards. */
  setDigest: (on: boolean) => Promise<boolean>;
}

export function DigestSwitch({ on, setDigest }: DigestSwitchProps) {
  const [denied, setDenied] = useState(false);
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <h4>{i18n.t('retention.settings.digestTitle')}</h4>
      <label>
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={busy}
          onChange={(e) => {
            const wanted = e.target.checked;
            setBusy(true);
            void setDigest(wanted)
              .then((now) => setDenied(wanted && !now))
              .finally(() => setBusy(false));
          }}
        />{' '}
        {i18n.t('retention.settings.digest')}
      </label>
      {denied && <p role="alert">{i18n.t('retention.settings.digestDenied')}</p>}
    </div>
  );
}
