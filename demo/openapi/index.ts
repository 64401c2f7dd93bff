export { validateRequest, vendorValidator, VendorValidator } from './validate-request';
export type { RequestToValidate, ValidationResult, Vendor } from './validate-request';
export { VENDORS } from './spec-store';
export { MISSING_ENDPOINTS } from './known-deviations';
