/**
 * GB 11643-1999 citizen identity number: the ISO 7064 MOD 11-2 check character over the first 17
 * digits. One implementation for validation (R.29 intake), the sensitive-content scan, and demo and
 * test data.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The check character of the first 17 digits (`X` for ten). */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

/** Builds a valid 18-character number from its first 17 digits (demo and synthetic data). */
export function completeResidentId(first17: string): string {
  return first17 + residentIdCheckChar(first17);
}
