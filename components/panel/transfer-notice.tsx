import { memo } from 'react';
import { i18n } from '#i18n';
import type { TransferAssessment } from '@/lib/transfers/assess';
import { countryName } from '@/lib/transfers/countries';

/**
 * Where the open conversation is held; flagged (UI contract: data-transfer="outside-eu") outside the EU. Memoised:
 * country names come from Intl.DisplayNames, which is costly to build on every render of the panel.
 */
export const TransferNotice = memo(function TransferNotice({
  assessment,
  locale,
}: {
  assessment: TransferAssessment;
  locale: string;
}) {
  const countries = assessment.countries.map((c) => countryName(c, locale)).join(', ');
  if (!assessment.outsideEu) {
    return <p className="pd-transfer pd-transfer-eu">{i18n.t('panel.heldInEu', [countries])}</p>;
  }
  return (
    <p className="pd-transfer pd-transfer-outside" data-transfer="outside-eu" role="note">
      {i18n.t('panel.heldOutsideEu', [countries, i18n.t(`transferGround.${assessment.ground}`)])}
    </p>
  );
});
