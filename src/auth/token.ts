import { randomBytes, randomUUID } from 'node:crypto';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { jwtVerify, SignJWT } from 'jose';

const ISSUER = 'dangjian-graphql';
export const TOKEN_TTL_SECONDS = 12 * 60 * 60;

export interface TokenClaims {
  accountId: string;
  tokenVersion: number;
}

/** a verified token: its claims plus its id (jti, what logout revokes) and expiry */
export interface VerifiedToken extends TokenClaims {
  jti: string;
  expiresAt: Date;
}

/** how many verified tokens an instance remembers (a few bytes each; a logged-in user reuses one token) */
const VERIFIED_CACHE_SIZE = 10_000;

export class TokenService {
  // WebCrypto's import of the raw secret cost as much as the signature check itself, per request
  private readonly cryptoKey: Promise<CryptoKey>;
  // A signature that verified once verifies forever, so only the clock-dependent claim (exp) is checked
  // again on a hit; revocation, disabling and tokenVersion are the database's part of every request.
  private readonly verified = new Map<string, VerifiedToken>();

  constructor(key: Uint8Array) {
    this.cryptoKey = crypto.subtle.importKey('raw', new Uint8Array(key), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ]);
  }

  async sign(claims: TokenClaims, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const iat = Math.floor(now.getTime() / 1000);
    const token = await new SignJWT({ ver: claims.tokenVersion })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.accountId)
      .setIssuer(ISSUER)
      .setIssuedAt(iat)
      .setJti(randomUUID())
      .setExpirationTime(iat + TOKEN_TTL_SECONDS)
      .sign(await this.cryptoKey);
    return { token, expiresAt: new Date((iat + TOKEN_TTL_SECONDS) * 1000) };
  }

  /** null for anything invalid or expired: the request then runs anonymously and auth checks refuse */
  async verify(token: string, now = new Date()): Promise<VerifiedToken | null> {
    const known = this.verified.get(token);
    if (known) return known.expiresAt.getTime() > now.getTime() ? known : null;
    const checked = await this.check(token, now);
    if (checked) {
      if (this.verified.size >= VERIFIED_CACHE_SIZE) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, checked);
    }
    return checked;
  }

  private async check(token: string, now: Date): Promise<VerifiedToken | null> {
    try {
      const { payload } = await jwtVerify(token, await this.cryptoKey, {
        issuer: ISSUER,
        algorithms: ['HS256'],
        currentDate: now,
      });
      const { sub, ver, jti, exp } = payload;
      // a token without an id cannot be revoked by logout, so it is not accepted
      if (typeof sub !== 'string' || typeof ver !== 'number') return null;
      if (typeof jti !== 'string' || typeof exp !== 'number') return null;
      return { accountId: sub, tokenVersion: ver, jti, expiresAt: new Date(exp * 1000) };
    } catch {
      return null;
    }
  }
}

/**
 * JWT_SECRET when set (required when several instances share one database); otherwise a random
 * secret generated once and kept in the data folder, so tokens survive restarts.
 */
export async function loadSecret(dataDir: string): Promise<Uint8Array> {
  const fromEnv = process.env.JWT_SECRET;
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('JWT_SECRET must be at least 32 characters');
    return new TextEncoder().encode(fromEnv);
  }
  const file = path.join(dataDir, 'jwt-secret');
  try {
    return new TextEncoder().encode((await readFile(file, 'utf8')).trim());
  } catch {
    await mkdir(dataDir, { recursive: true });
    const secret = randomBytes(48).toString('base64url');
    await writeFile(file, secret, { mode: 0o600, flag: 'wx' }).catch(async () => undefined);
    await chmod(file, 0o600).catch(() => undefined);
    return new TextEncoder().encode((await readFile(file, 'utf8')).trim());
  }
}
