import { useCallback, useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { i18n } from '#i18n';
import { CustomerCard } from '@/components/panel/customer-card';
import { FindingsList } from '@/components/panel/findings-list';
import { ForgetDialog, type PlanRequest } from '@/components/panel/forget-dialog';
import { LayoutNotRecognised } from '@/components/panel/layout-not-recognised';
import { MessageHolds } from '@/components/panel/message-holds';
import { PanelActions } from '@/components/panel/panel-actions';
import { PrivacyPanel } from '@/components/panel/privacy-panel';
import { RetentionBadge } from '@/components/panel/retention-badge';
import { TransferNotice } from '@/components/panel/transfer-notice';
import { sendMessage } from '@/lib/messaging/messenger';
import type { FindingEntry } from '@/lib/panel/group-findings';
import type { ConversationFeed } from '@/lib/panel/conversation-feed';
import { formatPanelDate } from '@/lib/panel/format-date';
import { afterNextFrame } from '@/lib/panel/after-next-frame';
import { markPhase } from '@/lib/panel/phase-mark';
import { findTextRange, showRange } from '@/lib/panel/page-highlight';
import { PANEL_WIDTH_PX, TAB_WIDTH_PX, type ReservedSpace } from '@/lib/panel/reserved-space';
import { useFindings } from '@/lib/panel/use-findings';
import { useOpenConversation } from '@/lib/panel/use-open-conversation';
import { useRegister } from '@/lib/panel/use-register';
import { maskValue } from '@/lib/pii/mask-value';
import type { Conversation, ConversationMessage, SiteAdapter } from '@/lib/sites/site-adapter';
import type { WatchContext } from '@/lib/sites/watch-conversation';
import { yieldToPage } from '@/lib/sites/yield-to-page';
import { assessTransfer, toolProcessing, type ProcessingToolId } from '@/lib/transfers/assess';

const locale = browser.i18n.getUILanguage();
const formatDate = (value: string | number) => formatPanelDate(value);

/**
 * The panel's sections appear over a few tasks when a conversation is first shown: measured with `npm run
 * bench:page`, rendering the whole panel at once (the card, the actions, the list, 50 message toggles, and the
 * first run of each component's code) was a long task of ~0.1 s on a loaded machine. Stage 0 shows the panel's
 * frame, 1 adds the card and notices, 2 the actions and the findings, 3 the message toggles.
 */
const LAST_STAGE = 3;

export interface PanelAppProps {
  ctx: WatchContext;
  adapter: SiteAdapter;
  space: ReservedSpace;
  /** The reads started before the panel loaded (the panel bundle starts them); without one the panel reads itself. */
  feed: ConversationFeed;
}

/** The panel on a tool's page: reads the open conversation, shows what it holds, and acts on it. */
export function PanelApp({ ctx, adapter, space, feed }: PanelAppProps) {
  const [connection, setConnection] = useState<'pending' | 'connected' | 'disconnected'>('pending');
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

  const open = useOpenConversation(ctx, feed);
  const read = open?.result ?? null;
  const conversation = read?.ok ? read.conversation : null;
  const key = open?.readKey ?? null;
  const findings = useFindings(conversation, key);
  const groups = findings?.groups ?? null;
  const register = useRegister(conversation, findings?.complete ? findings.findings : null);
  const held = useMemo(() => new Set(register.state?.heldMessageIds ?? []), [register.state]);
  const transfer = useMemo(
    () => (adapter.id in toolProcessing ? assessTransfer(adapter.id as ProcessingToolId) : null),
    [adapter],
  );

  const onWidthChange = useCallback(
    (collapsed: boolean) => space.set(collapsed ? TAB_WIDTH_PX : PANEL_WIDTH_PX),
    [space],
  );
  const forgetKey = conversation ? JSON.stringify(forgetRequestOf(conversation)) : null;
  const forgetRequest = useMemo(() => (forgetKey ? (JSON.parse(forgetKey) as PlanRequest | null) : null), [forgetKey]);
  const [forgetOpen, setForgetOpen] = useState(false);
  useEffect(() => setForgetOpen(false), [key]);
  // The dialog's backdrop covers the window: so must the panel's dock while it is open (lib/panel/reserved-space.ts).
  useLayoutEffect(() => {
    if (!forgetOpen) return;
    space.cover(true);
    return () => space.cover(false);
  }, [forgetOpen, space]);

  const { setKeep } = register;
  const onKeep = useCallback((message: ConversationMessage, keep: boolean) => void setKeep(message, keep), [setKeep]);

  const showInPage = useCallback((entry: FindingEntry) => {
    const range = findTextRange(document.body, entry.value);
    if (range) showRange(document, range);
  }, []);

  // One more stage per task, after each render (a layout effect: not held back until the next frame). The message
  // list (stage 3) waits for the frame that lays out the findings, so the two are laid out apart
  // (lib/panel/after-next-frame).
  const [stage, setStage] = useState(0);
  useLayoutEffect(() => markPhase(`stage-${stage}`), [stage]);
  useLayoutEffect(() => {
    if (groups && stage >= 2) markPhase(`findings-shown-${groups.length}`);
  }, [groups, stage]);
  useLayoutEffect(() => {
    if (!conversation || stage >= LAST_STAGE) return;
    let live = true;
    void (stage < 2 ? yieldToPage() : afterNextFrame()).then(() => live && setStage((s) => s + 1));
    return () => void (live = false);
  }, [conversation, stage]);

  let body;
  if (!read) body = <p className="pd-muted">{i18n.t('panel.scanning')}</p>;
  else if (!read.ok && read.reason === 'layout-not-recognised')
    body = <LayoutNotRecognised diagnostics={read.diagnostics} copy={(text) => navigator.clipboard.writeText(text)} />;
  else if (!conversation) body = <p className="pd-muted">{i18n.t('panel.noConversation')}</p>;
  else if (stage === 0) body = <p className="pd-muted">{i18n.t('panel.scanning')}</p>;
  else
    body = (
      <>
        <CustomerCard
          customer={conversation.customer}
          summary={
            register.summary && {
              tools: register.summary.tools.length,
              conversations: register.summary.conversations,
              forgottenOn: register.summary.forgottenOn ? new Date(register.summary.forgottenOn).toISOString() : null,
            }
          }
          formatDate={formatDate}
        />
        <RetentionBadge
          state={register.state?.retention?.state ?? null}
          date={register.state?.retention ? new Date(register.state.retention.dueAt).toISOString() : null}
          estimated={register.state?.retention?.estimated ?? false}
          formatDate={formatDate}
        />
        {transfer && <TransferNotice assessment={transfer} locale={locale} />}
        {stage >= 2 && (
          <PanelActions
            conversation={conversation}
            onForget={forgetRequest ? () => setForgetOpen(true) : undefined}
            onExport={
              forgetRequest
                ? () => void sendMessage('export.open', { identities: forgetRequest.identities })
                : undefined
            }
          />
        )}
        {forgetOpen && forgetRequest && (
          <ForgetDialog request={forgetRequest} onClose={() => setForgetOpen(false)} formatDate={formatDate} />
        )}
        {stage >= 2 && <FindingsList groups={groups} mask={maskValue} onSelect={showInPage} />}
        {stage >= 3 && (
          <MessageHolds messages={conversation.messages} held={held} onToggle={onKeep} formatDate={formatDate} />
        )}
      </>
    );

  return (
    <PrivacyPanel toolLabel={adapter.label} connection={connection} onWidthChange={onWidthChange}>
      {body}
    </PrivacyPanel>
  );
}

/** What the Forget dialog plans for: the customer's identities on this page and the conversation. */
function forgetRequestOf(conversation: Conversation): PlanRequest | null {
  const { emails, phones, handles } = conversation.customer;
  const identities = [
    ...emails.map((value) => ({ kind: 'email' as const, value })),
    ...phones.map((value) => ({ kind: 'phone' as const, value })),
    ...handles.map((value) => ({ kind: 'handle' as const, value, channel: conversation.tool })),
  ].slice(0, 50);
  if (identities.length === 0) return null;
  return { identities, conversation: { tool: conversation.tool, conversationId: conversation.conversationId } };
}
