import { i18n } from '#i18n';
import type { Conversation } from '@/lib/sites/site-adapter';

export interface PanelActionsProps {
  conversation: Conversation;
  onForget?: () => void;
  onExport?: () => void;
}

/** The panel's two actions on the open conversation's customer. */
export function PanelActions({ onForget, onExport }: PanelActionsProps) {
  return (
    <div className="pd-actions">
      <button type="button" className="pd-button pd-button-danger" onClick={onForget} disabled={!onForget}>
        {i18n.t('panel.forget')}
      </button>
      <button type="button" className="pd-button" onClick={onExport} disabled={!onExport}>
        {i18n.t('panel.export')}
      </button>
    </div>
  );
}
