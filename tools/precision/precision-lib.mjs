// @ts-check
/**
 * The pure parts of the precision harness: seeded sampling, label look-up and the per-rule figures.
 * Kept apart from run.mjs (which runs the enforcer over snapshots) so that they are unit-tested.
 */
import { createHash } from 'node:crypto';

/** Findings drawn per rule per repository, for labelling. */
export const SAMPLE_SIZE = 25;

/** Verdicts a label may carry: a real violation, a false positive, or a finding that is true but not worth a user's time. */
export const VERDICTS = ['TP', 'FP', 'NOISE'];

/**
 * @typedef {{ file: string, line: number, column?: number, ruleId: string, severity: string, message: string }} Finding
 * @typedef {{ round: number, file: string, line: number, rule: string, verdict: string, reason: string, kind?: 'finding' | 'candidate' }} Label
 */

/** A deterministic pseudo-random generator (mulberry32) seeded from text. */
export function seededRandom(seedText) {
  let state = createHash('sha256').update(seedText).digest().readUInt32LE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Up to `size` items drawn without replacement, the same ones for the same seed and items whatever
 * order they came in. A new round draws a new sample, so a rule is graded on cases nobody tuned it to.
 * @template T
 * @param {T[]} items
 * @param {(item: T) => string} keyOf
 * @param {string} seed
 * @param {number} [size]
 * @returns {T[]}
 */
export function drawSample(items, keyOf, seed, size = SAMPLE_SIZE) {
  const sorted = [...items].sort((a, b) => (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0));
  const random = seededRandom(seed);
  for (let index = sorted.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [sorted[index], sorted[other]] = [sorted[other], sorted[index]];
  }
  return sorted.slice(0, size);
}

/** The key a label and a finding share: where it is and which rule. */
export const locationKey = (/** @type {{ file: string, line: number, rule?: string, ruleId?: string }} */ item) =>
  `${item.file}:${item.line}:${item.rule ?? item.ruleId}`;

/**
 * Precision of one rule on one repository's sample: the share of labelled findings that are real
 * violations. Unlabelled findings of the sample are counted as pending, never guessed.
 * @param {Finding[]} sample
 * @param {Map<string, Label>} labels  by locationKey
 */
export function precisionOf(sample, labels) {
  let tp = 0;
  let labelled = 0;
  const pending = [];
  for (const finding of sample) {
    const label = labels.get(locationKey(finding));
    if (label === undefined) {
      pending.push(finding);
      continue;
    }
    labelled++;
    if (label.verdict === 'TP') tp++;
  }
  return { tp, labelled, pending };
}

/**
 * Recall of one rule from labelled candidates that an independent check found: of the candidates a
 * person labelled as real violations, the share the rule reported.
 * @param {Array<{ file: string, line: number }>} candidates  the drawn candidates
 * @param {Map<string, Label>} labels
 * @param {string} rule
 * @param {Set<string>} reported  locationKeys of the rule's findings
 * @param {(candidate: { file: string, line: number }) => boolean} [suppressedByTeam]  lines under the
 *   team's own eslint-disable / noqa comment: not reporting them is the point, not a miss
 */
export function recallOf(candidates, labels, rule, reported, suppressedByTeam = () => false) {
  let real = 0;
  let found = 0;
  let suppressed = 0;
  const pending = [];
  const missed = [];
  for (const candidate of candidates) {
    const key = locationKey({ ...candidate, rule });
    const label = labels.get(`candidate:${key}`);
    if (label === undefined) {
      pending.push(candidate);
      continue;
    }
    if (label.verdict !== 'TP') continue;
    if (!reported.has(key) && suppressedByTeam(candidate)) {
      suppressed++;
      continue;
    }
    real++;
    if (reported.has(key)) found++;
    else missed.push(candidate);
  }
  return { real, found, suppressed, pending, missed };
}

/** `12/13 (92%)`, or `–` when nothing is labelled. */
export function ratio(part, whole) {
  return whole === 0 ? '–' : `${part}/${whole} (${Math.round((100 * part) / whole)}%)`;
}

/**
 * Labels by key: findings' labels under locationKey, candidates' under `candidate:` + locationKey.
 * A later label for the same place wins (a relabel after a closer look).
 * @param {Label[]} labels
 */
export function indexLabels(labels) {
  const byKey = new Map();
  for (const label of labels) {
    if (!VERDICTS.includes(label.verdict)) throw new Error(`label ${locationKey(label)}: verdict "${label.verdict}" is not one of ${VERDICTS.join(', ')}`);
    if (typeof label.reason !== 'string' || label.reason.trim() === '') throw new Error(`label ${locationKey(label)}: a reason is required`);
    byKey.set(label.kind === 'candidate' ? `candidate:${locationKey(label)}` : locationKey(label), label);
  }
  return byKey;
}
