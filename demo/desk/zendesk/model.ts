/** Zendesk Support records as the stand-in holds them, and their JSON as the API returns it. */
import { isoDate } from '../core/types';

export interface ZdAttachment {
  id: number;
  fileName: string;
  contentType: string;
  content: string;
}

export interface ZdComment {
  id: number;
  authorId: number;
  body: string;
  public: boolean;
  createdAt: number;
  attachments: ZdAttachment[];
}

export type ZdStatus = 'new' | 'open' | 'pending' | 'hold' | 'solved' | 'closed';
export const STATUS_ORDER: ZdStatus[] = ['new', 'open', 'pending', 'hold', 'solved', 'closed'];

export interface ZdTicket {
  id: number;
  subject: string;
  status: ZdStatus;
  requesterId: number;
  collaboratorIds: number[];
  tags: string[];
  createdAt: number;
  updatedAt: number;
  comments: ZdComment[];
  /** Set when soft-deleted (destroy_many): listed under deleted_tickets until destroyed permanently. */
  deletedAt?: number;
}

export interface ZdUser {
  id: number;
  name: string;
  email: string;
  phone?: string;
  /** Further email identities on the user record (users/{id}/identities). */
  otherEmails?: string[];
  role: 'end-user' | 'agent';
  createdAt: number;
  updatedAt: number;
  tags: string[];
  deletedAt?: number;
}

export function userJson(host: string, u: ZdUser) {
  return {
    id: u.id,
    url: `https://${host}/api/v2/users/${u.id}.json`,
    name: u.name,
    email: u.deletedAt ? null : u.email,
    phone: u.phone ?? null,
    role: u.role,
    active: !u.deletedAt,
    verified: true,
    locale: 'en-US',
    time_zone: 'Amsterdam',
    tags: u.tags,
    organization_id: null,
    created_at: isoDate(u.createdAt),
    updated_at: isoDate(u.updatedAt),
  };
}

export function ticketJson(host: string, t: ZdTicket) {
  return {
    id: t.id,
    url: `https://${host}/api/v2/tickets/${t.id}.json`,
    external_id: null,
    via: { channel: 'email' },
    created_at: isoDate(t.createdAt),
    updated_at: isoDate(t.updatedAt),
    type: null,
    subject: t.subject,
    raw_subject: t.subject,
    description: t.comments[0]?.body ?? '',
    priority: null,
    status: t.status,
    requester_id: t.requesterId,
    submitter_id: t.requesterId,
    assignee_id: null,
    organization_id: null,
    group_id: null,
    collaborator_ids: t.collaboratorIds,
    follower_ids: [],
    email_cc_ids: t.collaboratorIds,
    has_incidents: false,
    is_public: true,
    due_at: null,
    tags: t.tags,
    custom_fields: [],
    satisfaction_rating: null,
    brand_id: 1,
  };
}

export function deletedTicketJson(t: ZdTicket, users: Map<number, ZdUser>) {
  const requester = users.get(t.requesterId);
  return {
    id: t.id,
    subject: t.subject,
    description: t.comments[0]?.body ?? '',
    actor: { id: 1, name: 'API' },
    deleted_at: isoDate(t.deletedAt ?? 0),
    previous_state: t.status,
    requester: requester ? { id: requester.id, name: requester.name } : null,
  };
}

export function commentJson(host: string, c: ZdComment) {
  return {
    id: c.id,
    type: 'Comment',
    author_id: c.authorId,
    body: c.body,
    html_body: `<div class="zd-comment"><p>${escapeHtml(c.body)}</p></div>`,
    plain_body: c.body,
    public: c.public,
    created_at: isoDate(c.createdAt),
    via: { channel: 'email' },
    metadata: {},
    attachments: c.attachments.map((a) => ({
      id: a.id,
      file_name: a.fileName,
      content_url: `https://${host}/attachments/token/att${a.id}/?name=${encodeURIComponent(a.fileName)}`,
      mapped_content_url: `https://${host}/attachments/token/att${a.id}/?name=${encodeURIComponent(a.fileName)}`,
      content_type: a.contentType,
      size: Buffer.byteLength(a.content),
      inline: false,
      deleted: false,
      thumbnails: [],
    })),
  };
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}
