/**
 * Where each tool and channel holds the data it processes for you, per account region where the tool
 * offers a choice, and the ground its vendor relies on for transfers out of the EEA. Facts from the
 * vendors' published data-processing terms and the Data Privacy Framework list (dataprivacyframework.gov).
 */
export type TransferGround = 'eea' | 'adequacy' | 'dpf' | 'sccs' | 'none';

export interface Region {
  id: string;
  /** ISO 3166 countries where the data is held in this region. */
  countries: readonly string[];
}

export interface ToolProcessing {
  tool: string;
  vendor: string;
  /** Country of the vendor's parent company (remote access and support come from there). */
  vendorCountry: string;
  regions: readonly Region[];
  defaultRegion: string;
  /** Grounds the vendor offers for transfers out of the EEA, strongest first. */
  grounds: readonly TransferGround[];
}

export const toolProcessing = {
  zendesk: {
    tool: 'zendesk',
    vendor: 'Zendesk, Inc.',
    vendorCountry: 'US',
    regions: [
      { id: 'us', countries: ['US'] },
      { id: 'eu', countries: ['DE', 'IE'] },
    ],
    defaultRegion: 'us',
    grounds: ['dpf', 'sccs'],
  },
  freshdesk: {
    tool: 'freshdesk',
    vendor: 'Freshworks Inc.',
    vendorCountry: 'US',
    regions: [
      { id: 'us', countries: ['US'] },
      { id: 'eu', countries: ['DE'] },
      { id: 'in', countries: ['IN'] },
      { id: 'au', countries: ['AU'] },
    ],
    defaultRegion: 'us',
    grounds: ['dpf', 'sccs'],
  },
  helpscout: {
    tool: 'helpscout',
    vendor: 'Help Scout PBC',
    vendorCountry: 'US',
    regions: [{ id: 'us', countries: ['US'] }],
    defaultRegion: 'us',
    grounds: ['dpf', 'sccs'],
  },
  front: {
    tool: 'front',
    vendor: 'FrontApp, Inc.',
    vendorCountry: 'US',
    regions: [
      { id: 'us', countries: ['US'] },
      { id: 'eu', countries: ['IE'] },
    ],
    defaultRegion: 'us',
    grounds: ['dpf', 'sccs'],
  },
  intercom: {
    tool: 'intercom',
    vendor: 'Intercom, Inc.',
    vendorCountry: 'US',
    regions: [
      { id: 'us', countries: ['US'] },
      { id: 'eu', countries: ['IE'] },
      { id: 'au', countries: ['AU'] },
    ],
    defaultRegion: 'us',
    grounds: ['dpf', 'sccs'],
  },
  gmail: {
    tool: 'gmail',
    vendor: 'Google LLC',
    vendorCountry: 'US',
    regions: [
      { id: 'global', countries: ['US'] },
      { id: 'eu', countries: ['IE', 'NL', 'BE', 'FI', 'DE'] },
    ],
    defaultRegion: 'global',
    grounds: ['dpf', 'sccs'],
  },
  outlook: {
    tool: 'outlook',
    vendor: 'Microsoft Corporation',
    vendorCountry: 'US',
    regions: [
      { id: 'eu', countries: ['NL', 'IE', 'AT', 'FI'] },
      { id: 'us', countries: ['US'] },
    ],
    defaultRegion: 'eu',
    grounds: ['dpf', 'sccs'],
  },
  meta: {
    tool: 'meta',
    vendor: 'Meta Platforms, Inc.',
    vendorCountry: 'US',
    regions: [{ id: 'us', countries: ['US'] }],
    defaultRegion: 'us',
    grounds: ['dpf', 'sccs'],
  },
} as const satisfies Record<string, ToolProcessing>;

export type ProcessingToolId = keyof typeof toolProcessing;
