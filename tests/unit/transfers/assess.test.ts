import { describe, expect, it } from 'vitest';
import { assessTransfer, toolProcessing, type ProcessingToolId } from '@/lib/transfers/assess';
import { countryName, hasAdequacyDecision, isInEea } from '@/lib/transfers/countries';

describe('assessTransfer', () => {
  it('flags the Meta inbox as held in the US under the Data Privacy Framework', () => {
    const a = assessTransfer('meta');
    expect(a).toMatchObject({ outsideEu: true, countries: ['US'], ground: 'dpf' });
  });

  it('a Zendesk account in the EU region holds data in the EU, though the vendor is American', () => {
    expect(assessTransfer('zendesk', 'eu')).toMatchObject({ outsideEu: false, ground: 'eea', vendorOutsideEu: true });
    expect(assessTransfer('zendesk', 'us')).toMatchObject({ outsideEu: true, ground: 'dpf' });
  });

  it('uses the tool default region when none or an unknown one is given', () => {
    expect(assessTransfer('intercom').region).toBe('us');
    expect(assessTransfer('intercom', 'mars').region).toBe('us');
    expect(assessTransfer('outlook').outsideEu).toBe(false);
  });

  it('an Australian or Indian region needs SCCs (no adequacy decision, no DPF)', () => {
    expect(assessTransfer('freshdesk', 'in')).toMatchObject({ outsideEu: true, ground: 'sccs' });
    expect(assessTransfer('intercom', 'au')).toMatchObject({ outsideEu: true, ground: 'sccs' });
  });

  it('every tool has its default region among its regions', () => {
    for (const tool of Object.keys(toolProcessing) as ProcessingToolId[]) {
      const facts = toolProcessing[tool];
      expect(facts.regions.map((r) => r.id)).toContain(facts.defaultRegion);
    }
  });
});

describe('countries', () => {
  it('knows the EEA and the adequacy list', () => {
    expect(isInEea('nl')).toBe(true);
    expect(isInEea('NO')).toBe(true);
    expect(isInEea('CH')).toBe(false);
    expect(hasAdequacyDecision('CH')).toBe(true);
    expect(hasAdequacyDecision('US')).toBe(false);
  });

  it('names countries in the UI language', () => {
    expect(countryName('US', 'en')).toBe('United States');
    expect(countryName('US', 'nl')).toBe('Verenigde Staten');
  });
});
