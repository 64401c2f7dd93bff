import { hasAdequacyDecision, isInEea } from './countries';
import { toolProcessing, type ProcessingToolId, type TransferGround } from './tools';

export interface TransferAssessment {
  tool: ProcessingToolId;
  region: string;
  /** Countries where the conversation is held. */
  countries: string[];
  /** True when the data is held in a country outside the EEA. */
  outsideEu: boolean;
  /** The ground for the transfer ('eea' when there is none to make). */
  ground: TransferGround;
  /** The vendor's parent company is outside the EEA (remote access is a transfer too). */
  vendorOutsideEu: boolean;
  vendorCountry: string;
}

function groundFor(country: string, vendorGrounds: readonly TransferGround[]): TransferGround {
  if (isInEea(country)) return 'eea';
  if (hasAdequacyDecision(country)) return 'adequacy';
  if (country === 'US' && vendorGrounds.includes('dpf')) return 'dpf';
  return vendorGrounds.includes('sccs') ? 'sccs' : 'none';
}

const strength: Record<TransferGround, number> = { eea: 4, adequacy: 3, dpf: 2, sccs: 1, none: 0 };

/** Where a tool holds a conversation in the given account region, and on which ground. */
export function assessTransfer(tool: ProcessingToolId, region?: string): TransferAssessment {
  const facts = toolProcessing[tool];
  const chosen = facts.regions.find((r) => r.id === region) ?? facts.regions.find((r) => r.id === facts.defaultRegion);
  const countries = [...(chosen?.countries ?? [facts.vendorCountry])];
  // The weakest ground over all countries involved is the one that must hold.
  const ground = countries
    .map((c) => groundFor(c, facts.grounds))
    .reduce<TransferGround>((weakest, g) => (strength[g] < strength[weakest] ? g : weakest), 'eea');
  return {
    tool,
    region: chosen?.id ?? facts.defaultRegion,
    countries,
    outsideEu: countries.some((c) => !isInEea(c)),
    ground,
    vendorOutsideEu: !isInEea(facts.vendorCountry),
    vendorCountry: facts.vendorCountry,
  };
}

export { toolProcessing, type ProcessingToolId, type TransferGround };
