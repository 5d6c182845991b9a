/** A kind of credential recognisable by its shape alone. */
export interface TokenPattern {
  kind: string;
  /** Global: every match in a text. */
  regex: RegExp;
}

/** Tokens recognisable by their shape alone (`security/no-secrets` reports them; every output masks them). */
export const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { kind: 'AWS access key id', regex: /\b(?:AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}\b/g },
  { kind: 'private key', regex: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/g },
  { kind: 'GitHub token', regex: /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g },
  { kind: 'Slack token', regex: /\bxox[abposr]-[A-Za-z0-9-]{10,}/g },
  { kind: 'Google API key', regex: /\bAIza[0-9A-Za-z_-]{35}\b/g },
  { kind: 'Stripe live key', regex: /\b[sr]k_live_[0-9a-zA-Z]{24,}\b/g },
  { kind: 'JSON Web Token', regex: /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/g },
];

/** At most the first four characters of a secret, so no output ever holds it in full. */
export function redact(secret: string): string {
  return `${secret.slice(0, Math.min(4, Math.floor(secret.length / 3)))}…`;
}

/** Bits of information per character: random keys score high, words and identifiers low. */
export function shannonEntropy(text: string): number {
  const counts = new Map<string, number>();
  for (const char of text) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / text.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

// A run of key characters long enough to be a credential. Paths, identifiers and sentences break
// on `/`, `.` and spaces or score low; a 20-character random key scores above 4 bits a character.
const LONG_TOKEN = /[A-Za-z0-9+_-]{20,}/g;
const MIN_TOKEN_ENTROPY = 4;

/**
 * The text with every secret-looking token masked to its first characters (`AKIA…`): known token
 * formats, and long random-looking runs (letters and digits mixed, high entropy). Every message,
 * hint and notice passes through it before it is stored or printed, whatever produced the text: a
 * suppression comment quoted back, a parse error that quotes source, a rule's own error.
 */
export function maskSecrets(text: string): string {
  let masked = text;
  for (const { regex } of TOKEN_PATTERNS) masked = masked.replace(regex, (token) => redact(token));
  return masked.replace(LONG_TOKEN, (token) => (looksRandom(token) ? redact(token) : token));
}

function looksRandom(token: string): boolean {
  return /[A-Za-z]/.test(token) && /[0-9]/.test(token) && !isMadeOfWords(token) && shannonEntropy(token) >= MIN_TOKEN_ENTROPY;
}

// Chunks of an identifier: a capitalised or lower-case word, a run of capitals, digits, separators.
const CHUNK = /[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+|[_-]+/g;

/**
 * An identifier made of words, acronyms and numbers (`CreateUser2FactorAuthDto`, `OAUTH2_CLIENT_V3`)
 * is named, not random: every lower-case chunk is a word of two letters or more. Random keys are
 * full of one-letter chunks (`x9Qm2Lk7`). Chunked by one linear pass, never by backtracking.
 */
function isMadeOfWords(token: string): boolean {
  let covered = 0;
  for (const [chunk] of token.matchAll(CHUNK)) {
    if (/[a-z]/.test(chunk) && chunk.replace(/^[A-Z]/, '').length < 2) return false;
    covered += chunk.length;
  }
  return covered === token.length;
}
