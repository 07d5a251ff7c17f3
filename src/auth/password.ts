import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import { COMMON_PASSWORDS } from './common-passwords.js';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const N = 16384;
const R = 8;
const P = 1;
const KEY_LEN = 32;

/** scrypt, parameters stored with the hash so they can be raised later without breaking logins */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEY_LEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return timingSafeEqual(actual, expected);
}

// A valid hash of a random password: verifying against it costs the same as a real account,
// so response time does not reveal whether a username exists.
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword(randomBytes(12).toString('hex')));

export const PASSWORD_POLICY = { minLength: 10, maxLength: 128 };

/**
 * 密码规则 (NIST SP 800-63B style: length and a blocklist, no composition rules): 10–128 characters,
 * not the username nor containing it, not a common password (case-insensitive). Null when acceptable.
 */
export function passwordProblem(password: string, username: string): string | null {
  const { minLength, maxLength } = PASSWORD_POLICY;
  const length = [...password].length;
  if (length < minLength) return `密码至少 ${minLength} 位 (at least ${minLength} characters)`;
  if (length > maxLength) return `密码最多 ${maxLength} 位 (at most ${maxLength} characters)`;
  const lower = password.toLowerCase();
  const name = username.trim().toLowerCase();
  if (name && lower.includes(name)) return '密码不能包含用户名 (must not contain the username)';
  if (COMMON_PASSWORDS.has(lower)) return '密码过于常见 (too common, choose another)';
  return null;
}
