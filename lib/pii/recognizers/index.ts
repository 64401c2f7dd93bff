// The registry: one import per file in this folder. tests/unit/pii/registry.test.ts fails when a file here is
// missing from the list or a recognizer's id differs from its file name (import.meta.glob is not available in
// the Node scripts that evaluate and benchmark the engine).
import type { Recognizer } from '../types';
import { address } from './address';
import { biometric } from './biometric';
import { creditCard } from './credit-card';
import { criminal } from './criminal';
import { dateOfBirth } from './date-of-birth';
import { email } from './email';
import { ethnicity } from './ethnicity';
import { genetic } from './genetic';
import { health } from './health';
import { iban } from './iban';
import { idCard } from './id-card';
import { ipAddress } from './ip-address';
import { licensePlate } from './license-plate';
import { nlBsn } from './nl-bsn';
import { passport } from './passport';
import { person } from './person';
import { phone } from './phone';
import { politics } from './politics';
import { postcode } from './postcode';
import { religion } from './religion';
import { sexualOrientation } from './sexual-orientation';
import { tradeUnion } from './trade-union';

export const RECOGNIZERS: readonly Recognizer[] = [
  address,
  biometric,
  creditCard,
  criminal,
  dateOfBirth,
  email,
  ethnicity,
  genetic,
  health,
  iban,
  idCard,
  ipAddress,
  licensePlate,
  nlBsn,
  passport,
  person,
  phone,
  politics,
  postcode,
  religion,
  sexualOrientation,
  tradeUnion,
];
