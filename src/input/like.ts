// Search terms are literal text: Prisma hands `contains`/`startsWith` to SQL LIKE without escaping, so `%`
// matched everyone and `_` any character. Every filter built from user input goes through these helpers.

/** the term with LIKE's wildcards and escape character (`\`, PostgreSQL's default) escaped */
export const escapeLike = (term: string) => term.replace(/[\\%_]/g, (c) => `\\${c}`);

/** `{ contains }` matching the term literally */
export const containsText = (term: string) => ({ contains: escapeLike(term) });

/** `{ startsWith }` matching the term literally */
export const startsWithText = (term: string) => ({ startsWith: escapeLike(term) });
