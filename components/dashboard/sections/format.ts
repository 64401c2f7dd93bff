import { i18n } from '#i18n';
import { supportedSites } from '@/lib/sites/host-patterns';
import type { DataSubjectRequest } from '@/lib/register/schemas';

export const formatDate = (t: number): string => new Date(t).toLocaleDateString();
export const formatDateTime = (t: number): string => new Date(t).toLocaleString();

const labels = new Map<string, string>(supportedSites.map((s) => [s.tool, s.label]));
export const toolLabel = (tool: string): string => labels.get(tool) ?? tool;
export const knownTools: string[] = supportedSites.map((s) => s.tool);

export function requestKindLabel(kind: DataSubjectRequest['kind']): string {
  if (kind === 'access') return i18n.t('register.kindAccess');
  if (kind === 'erasure') return i18n.t('register.kindErasure');
  return i18n.t('register.kindPortability');
}

export function requestStatusLabel(status: DataSubjectRequest['status']): string {
  if (status === 'open') return i18n.t('register.statusOpen');
  if (status === 'extended') return i18n.t('register.statusExtended');
  return i18n.t('register.statusClosed');
}
