import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { siteForUrl } from '@/lib/sites/site-for-url';

/** The action popup: which tool this tab is, and the way to the dashboard. */
export function PopupApp() {
  const [siteLabel, setSiteLabel] = useState<string | null | undefined>(undefined);
  const [tabId, setTabId] = useState<number | undefined>(undefined);
  const [reading, setReading] = useState<'idle' | 'started' | 'failed'>('idle');

  useEffect(() => {
    let live = true;
    browser.tabs.query({ active: true, currentWindow: true }).then(
      ([tab]) => {
        if (!live) return;
        setTabId(tab?.id);
        setSiteLabel(tab?.url ? (siteForUrl(tab.url)?.label ?? null) : null);
      },
      () => live && setSiteLabel(null),
    );
    return () => {
      live = false;
    };
  }, []);

  return (
    <main className="pd-popup">
      <h1>{i18n.t('popup.title')}</h1>
      <section aria-labelledby="pd-this-tab">
        <h2 id="pd-this-tab">{i18n.t('popup.thisTab')}</h2>
        {siteLabel === undefined ? null : (
          <p>{siteLabel ? i18n.t('popup.onSite', [siteLabel]) : i18n.t('popup.noSite')}</p>
        )}
        {siteLabel === null && tabId !== undefined && (
          <button
            type="button"
            onClick={() => {
              // activeTab: opening this popup granted access to this tab only, until it navigates.
              browser.scripting
                .executeScript({
                  target: { tabId },
                  // The reader and the panel's UI (entrypoints/reader.content, entrypoints/panel-ui.content).
                  files: ['/content-scripts/reader.js', '/content-scripts/panel-ui.js'],
                })
                .then(
                  () => setReading('started'),
                  () => setReading('failed'),
                );
            }}
          >
            {i18n.t('popup.readPage')}
          </button>
        )}
        {reading !== 'idle' && (
          <p role="status">{i18n.t(reading === 'started' ? 'popup.readStarted' : 'popup.readFailed')}</p>
        )}
      </section>
      <button
        type="button"
        onClick={() => {
          void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
          window.close();
        }}
      >
        {i18n.t('popup.openDashboard')}
      </button>
    </main>
  );
}
