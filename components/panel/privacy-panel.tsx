import { useEffect, useRef, type ReactNode } from 'react';
import { i18n } from '#i18n';
import { usePanelUi } from '@/lib/panel/ui-store';

export interface PrivacyPanelProps {
  /** Label of the tool the page belongs to, e.g. "Zendesk". */
  toolLabel: string;
  /** Whether the background service worker answered. */
  connection: 'pending' | 'connected' | 'disconnected';
  /** Called with the width the panel takes, so the page can make room for it. */
  onWidthChange?: (collapsed: boolean) => void;
  children?: ReactNode;
}

/** The panel's frame: the UI contract's landmark, collapsible to a small tab, keyboard operable. */
export function PrivacyPanel({ toolLabel, connection, onWidthChange, children }: PrivacyPanelProps) {
  const collapsed = usePanelUi((s) => s.collapsed);
  const setCollapsed = usePanelUi((s) => s.setCollapsed);
  const showButton = useRef<HTMLButtonElement>(null);
  const hideButton = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);
  const panel = useRef<HTMLElement>(null);

  // Escape anywhere in the panel collapses it (keyboard users get out of the panel in one key).
  useEffect(() => {
    const element = panel.current;
    if (!element) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setCollapsed(true);
    };
    element.addEventListener('keydown', onKeyDown);
    return () => element.removeEventListener('keydown', onKeyDown);
  }, [collapsed, setCollapsed]);

  useEffect(() => {
    onWidthChange?.(collapsed);
    // Move focus to the control that undoes the change, but not on first render (do not steal focus).
    if (firstRender.current) firstRender.current = false;
    else (collapsed ? showButton : hideButton).current?.focus();
  }, [collapsed, onWidthChange]);

  if (collapsed) {
    return (
      <button
        ref={showButton}
        type="button"
        className="pd-tab"
        aria-expanded="false"
        aria-controls="pd-panel"
        onClick={() => setCollapsed(false)}
      >
        <span aria-hidden="true">🛡</span>
        <span className="pd-visually-hidden">{i18n.t('panel.show')}</span>
      </button>
    );
  }

  return (
    // The explicit role keeps the landmark when the host page nests <body> content oddly (an <aside>
    // inside some page structures is exposed as a generic element).
    // eslint-disable-next-line jsx-a11y/no-redundant-roles
    <aside id="pd-panel" role="complementary" className="pd-panel" aria-label={i18n.t('panel.title')} ref={panel}>
      <header className="pd-header">
        <h2 className="pd-title">{i18n.t('panel.title')}</h2>
        <button
          ref={hideButton}
          type="button"
          className="pd-icon-button"
          aria-expanded="true"
          aria-controls="pd-panel"
          aria-label={i18n.t('panel.hide')}
          onClick={() => setCollapsed(true)}
        >
          <span aria-hidden="true">⟩</span>
        </button>
      </header>
      <p className="pd-muted">{i18n.t('panel.tool', [toolLabel])}</p>
      {connection === 'connected' && (
        <p className="pd-status" role="status">
          {i18n.t('panel.connected')}
        </p>
      )}
      {connection === 'disconnected' && (
        <p className="pd-status pd-status-error" role="alert">
          {i18n.t('panel.disconnected')}
        </p>
      )}
      {children}
    </aside>
  );
}
