/** The tool-neutral seed the stand-ins load: customers and their conversations in one tool each. */
import type { ToolId } from './types';

export interface SeedCustomer {
  name: string;
  email: string;
  phone?: string;
  lang: 'nl' | 'en';
}

export interface SeedAttachment {
  name: string;
  contentType: string;
  content: string;
}

export interface SeedMessage {
  fromCustomer: boolean;
  authorName: string;
  authorEmail: string;
  body: string;
  at: number;
  attachments: SeedAttachment[];
}

export interface SeedConversation {
  tool: ToolId;
  customerEmail: string;
  ccEmails: string[];
  subject: string;
  /** closed: finished (Zendesk closed, Gmail read, Front archived, …). */
  status: 'open' | 'closed';
  createdAt: number;
  updatedAt: number;
  held: boolean;
  messages: SeedMessage[];
}

export interface SeedData {
  now: number;
  customers: SeedCustomer[];
  conversations: SeedConversation[];
}

export const HOLD_TAG = 'privacy-keep';
export const AGENT = { name: 'Sanne de Vries', email: 'support@acme.example' } as const;
