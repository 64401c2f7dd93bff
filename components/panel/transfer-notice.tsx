import { memo } from 'react';
import { i18n } from '#i18n';
import type { TransferAssessment } from '@/lib/transfers/assess';
import { countryLabel } from '@/lib/panel/country-label';

/**
 * Where the open conversation is held; flagged (UI contract: data-transfer="outside-eu") outside the EU. Country
 * names come from the extension's strings (see lib/panel/country-label.ts); memoised all the same.
 */
export const TransferNotice = memo(function TransferNotice({
  assessment,
  locale,
}: {
  assessment: TransferAssessment;
  locale: string;
}) {
  const countries = assessment.countries.map((c) => countryLabel(c, locale)).join(', ');
  if (!assessment.outsideEu) {
    return <p className="pd-transfer pd-transfer-eu">{i18n.t('panel.heldInEu', [countries])}</p>;
  }
  return (
    <p className="pd-transfer pd-transfer-outside" data-transfer="outside-eu" role="note">
      {i18n.t('panel.heldOutsideEu', [countries, i18n.t(`transferGround.${assessment.ground}`)])}
    </p>
  );
});
