import { createHash } from 'node:crypto';
import { printable } from '../engine/printable';
import { compareViolations, type ReportedViolation, type RunReport } from '../runner/run-report';

/** One issue of a GitLab Code Quality report (the subset of the Code Climate issue GitLab reads, and `type`). */
export interface GitlabCodeQualityIssue {
  type: 'issue';
  description: string;
  check_name: string;
  fingerprint: string;
  severity: 'major' | 'minor';
  location: { path: string; lines: { begin: number; end: number } };
}

/**
 * A GitLab Code Quality report (`artifacts: reports: codequality`): every violation, new and
 * historical. GitLab compares the merge request's report with the target branch's by fingerprint
 * and shows what the change introduced or resolved, so the baseline is not applied here: dropping
 * historical violations would make them look resolved. Deterministic (sorted, no timestamps, no
 * absolute paths), so a cached or replayed report is byte-identical.
 */
export function formatGitlab(report: RunReport): string {
  const seen = new Map<string, number>();
  const issues = [...report.violations].sort(compareViolations).map((violation): GitlabCodeQualityIssue => {
    const base = fingerprintOf(violation);
    // Equal inputs would collide, and GitLab keeps only the first issue of a fingerprint: the
    // second and later get their ordinal (in file order) hashed in; the first keeps the plain one.
    const ordinal = seen.get(base) ?? 0;
    seen.set(base, ordinal + 1);
    return {
      type: 'issue',
      // Control characters written out, as in every other format; the path stays exact: GitLab
      // matches it against the repository's files (JSON escapes its C0 characters anyway).
      description: printable(violation.message),
      check_name: violation.ruleId,
      fingerprint: ordinal === 0 ? base : sha256(`${base}\0${ordinal}`),
      severity: violation.severity === 'error' ? 'major' : 'minor',
      location: { path: violation.file, lines: { begin: violation.line, end: violation.endLine } },
    };
  });
  return `${JSON.stringify(issues, null, 2)}\n`;
}

/**
 * From the enforcer's own fingerprint (the rule, the file and the line's normalised text, not its
 * number), so an issue keeps its GitLab fingerprint when code above it moves it to another line;
 * rule and file are hashed in again so that fingerprints from other sources cannot collide.
 */
export function fingerprintOf(violation: Pick<ReportedViolation, 'ruleId' | 'file' | 'fingerprint'>): string {
  return sha256(`${violation.ruleId}\0${violation.file}\0${violation.fingerprint}`);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
