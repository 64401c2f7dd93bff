/** How the retention settings name a policy's tool, kind and period (from the locale, not the stored label). */
import { i18n } from '#i18n';
import type { RetentionPolicy } from '@/lib/register/schemas';
import { CHAT_TOOLS } from '@/lib/retention/presets';
import { toolLabel } from './sections/format';

export function kindLabel(kind: RetentionPolicy['kind']): string {
  if (kind === 'conversation') return i18n.t('retention.settings.kindConversation');
  if (kind === 'message') return i18n.t('retention.settings.kindMessage');
  if (kind === 'attachment') return i18n.t('retention.settings.kindAttachment');
  if (kind === 'contact') return i18n.t('retention.settings.kindContact');
  return i18n.t('retention.settings.kindAny');
}

/** A policy's items: a chat tool's conversations are its chat transcripts. */
export function policyItemsLabel(policy: Pick<RetentionPolicy, 'tool' | 'kind'>): string {
  const chat = (CHAT_TOOLS as readonly string[]).includes(policy.tool) && policy.kind === 'conversation';
  return chat ? i18n.t('retention.settings.kindChat') : kindLabel(policy.kind);
}

export function policyToolLabel(tool: string): string {
  return tool === '*' ? i18n.t('retention.settings.allTools') : toolLabel(tool);
}

export function monthsLabel(months: number): string {
  return months % 12 === 0
    ? i18n.t('retention.settings.years', [String(months), String(months / 12)])
    : i18n.t('retention.settings.months', [String(months)]);
}

/** The periods offered in the picker; any other whole number of months is "Other period…". */
export const PERIOD_PRESETS = [3, 6, 12, 24, 36, 60, 84] as const;
