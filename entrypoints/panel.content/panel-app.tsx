import { useCallback, useEffect, useState } from 'react';
import { PrivacyPanel } from '@/components/panel/privacy-panel';
import { sendMessage } from '@/lib/messaging/messenger';
import { PANEL_WIDTH_PX, TAB_WIDTH_PX, type ReservedSpace } from '@/lib/panel/reserved-space';
import { siteForUrl } from '@/lib/sites/site-for-url';

export function PanelApp({ url, space }: { url: string; space: ReservedSpace }) {
  const [connection, setConnection] = useState<'pending' | 'connected' | 'disconnected'>('pending');
  const site = siteForUrl(url);

  useEffect(() => {
    let live = true;
    sendMessage('ping', { from: 'content' }).then(
      () => live && setConnection('connected'),
      () => live && setConnection('disconnected'),
    );
    return () => {
      live = false;
    };
  }, []);

  const onWidthChange = useCallback(
    (collapsed: boolean) => space.set(collapsed ? TAB_WIDTH_PX : PANEL_WIDTH_PX),
    [space],
  );

  return (
    <PrivacyPanel toolLabel={site?.label ?? location.hostname} connection={connection} onWidthChange={onWidthChange} />
  );
}
