/** Password hashing with argon2id (OWASP's first choice); parameters are the library defaults (m=64 MiB, t=3, p=4). */
import argon2 from 'argon2';

export async function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

/** At least 10 characters with letters and digits (GB/T 22239 level 3 asks for complexity). */
export function isStrongEnough(plain: string): boolean {
  return plain.length >= 10 && /[A-Za-z]/.test(plain) && /\d/.test(plain) && plain.length <= 200;
}

/** A dummy hash to verify against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('dummy-password-for-timing-0');
  return dummyHash;
}
