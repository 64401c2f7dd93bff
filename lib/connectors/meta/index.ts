/**
 * Meta business inbox (Facebook Page and Instagram messages). No API deletes a customer's messages
 * from a Page inbox, so erasure here is a guided manual step: a deep link to the inbox and a
 * checklist; the agent confirms it is done and the confirmation is recorded in the audit log.
 */
import { defineConnector } from '../define-connector';
import type { FoundItem } from '../types';

const INBOX = 'https://business.facebook.com/latest/inbox/all';

export const meta = defineConnector({
  id: 'meta',
  label: 'Meta business inbox',
  auth: { kind: 'none' },
  processing: { regions: ['US'], legalGround: 'dpf', backupHorizonDays: 90 },
  limits: { requestsPerMinute: 1, bulk: { checklist: 1000 } },
  capabilities: { find: false, collect: false, erase: 'manual', holds: false, retention: false },
  apiHosts: [],
  baseUrl: () => INBOX,
  authHeaders: () => ({}),

  async find(_ctx, identities) {
    const handle = identities.find((i) => i.kind === 'handle')?.value ?? identities[0]?.value ?? '';
    const item: FoundItem = { tool: 'meta', kind: 'manual', id: 'inbox', role: 'contact', held: false, title: handle };
    return { tool: 'meta', items: [item] };
  },
  collect: async () => [],
  planErasure(found) {
    return {
      tool: 'meta',
      steps: [
        {
          tool: 'meta',
          action: 'manual.confirm',
          kind: 'manual',
          ids: found.items.length ? found.items.map((i) => i.id) : ['inbox'],
          checkHolds: false,
          requiresNoHolds: false,
          permanence: 'manual',
        },
      ],
      kept: [],
      erase: found.items,
      permanenceNote:
        'Meta offers no way to delete a customer’s messages from a Page inbox through its API; this is done by hand and recorded.',
      manual: {
        deepLink: INBOX,
        checklist: [
          'Open the business inbox and search for the customer',
          'Delete each conversation with them (Facebook and Instagram)',
          'Remove any labels or notes you added about them',
          'Confirm here that it is done',
        ],
      },
    };
  },
  eraseStep: async () => ({ erased: [], alreadyGone: [] }),
  readHolds: async () => new Set<string>(),
  writeHold: async () => undefined,
  verify: async () => ({ remaining: [] }),
  listExpired: async () => [],
});
