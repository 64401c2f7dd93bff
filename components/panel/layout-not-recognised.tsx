import { useState } from 'react';
import { i18n } from '#i18n';

/** Shown when the site's layout changed under us: say so, and let the user copy safe diagnostics. */
export function LayoutNotRecognised({
  diagnostics,
  copy,
}: {
  diagnostics: string;
  copy: (text: string) => Promise<void>;
}) {
  const [copied, setCopied] = useState(false);
  return (
    <section className="pd-section" role="alert">
      <p className="pd-section-title">{i18n.t('panel.layoutNotRecognised')}</p>
      <button
        type="button"
        onClick={() => {
          void copy(diagnostics).then(() => setCopied(true));
        }}
      >
        {i18n.t('panel.copyDiagnostics')}
      </button>
      {copied && <p role="status">{i18n.t('panel.diagnosticsCopied')}</p>}
    </section>
  );
}
