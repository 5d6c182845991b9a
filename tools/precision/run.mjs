// @ts-check
/**
 * The precision harness: runs the enforcer with its built-in defaults over each pinned repository
 * snapshot, draws a seeded sample of up to 25 findings per rule per repository, and grades them with
 * the committed hand labels; recall comes from labelled candidates of independent checks. Prints
 * the per-rule table and writes it to results/.
 *
 *   node tools/precision/run.mjs <snapshots-dir> [--round N] [--repo owner/name] [--write-pending] [--cli <enforcer.js>] [--out <file>] [--dump <file>]
 *
 * <snapshots-dir> holds one folder per repository (`owner+name`), made by snapshot.mjs at the
 * pinned commit. No network is needed. --write-pending writes the sampled findings and candidates
 * that have no label yet to results/pending/, for labelling. The round (default: the newest in the
 * labels) seeds the sample: after changing a rule, label round N+1, a sample the change never saw.
 * --cli measures another build of the enforcer (an older checkout's, for a before/after figure);
 * --out names the results file (default results/precision.md); --config <file> runs with that
 * enforcer config instead of the built-in defaults (all-rules.json: every rule that is off by
 * default too, to measure what turning it on would give). --domain measures the domain packs
 * (`nestjs/*`, `security/tenant-isolation`) on the repositories that have a config in domain/, as
 * their team would write it, and lists what those rules examined and could not verify.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { independentCandidates } from './independent-checks.mjs';
import { drawSample, indexLabels, locationKey, precisionOf, ratio, recallOf } from './precision-lib.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO_ROOT = resolve(HERE, '..', '..');
const DEFAULT_CLI = join(REPO_ROOT, 'packages', 'core', 'bin', 'enforcer.js');
/** @type {{ repos: Array<{ repo: string, commit: string, kind: string }> }} */
const { repos } = JSON.parse(readFileSync(join(HERE, 'repos.json'), 'utf8'));

const args = process.argv.slice(2);
const option = (name) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const snapshots = args.find((arg, index) => !arg.startsWith('--') && !['--round', '--repo', '--cli', '--out', '--config', '--dump'].includes(args[index - 1]));
if (!snapshots) {
  console.error('usage: node tools/precision/run.mjs <snapshots-dir> [--round N] [--repo owner/name] [--write-pending]');
  process.exit(2);
}
const onlyRepo = option('--repo');
const writePending = args.includes('--write-pending');
const CLI = resolve(option('--cli') ?? DEFAULT_CLI);
const outFile = resolve(option('--out') ?? join(HERE, 'results', args.includes('--domain') ? 'precision-domain.md' : 'precision.md'));
const configFile = option('--config') === undefined ? undefined : resolve(option('--config'));
const domain = args.includes('--domain');
const DOMAIN_RULE = /^(?:nestjs\/|security\/tenant-isolation$)/;
const domainConfig = (repo) => join(HERE, 'domain', `${folderName(repo)}.json`);

const folderName = (repo) => repo.replace('/', '+');
const labelsPath = (repo) => join(HERE, 'labels', `${folderName(repo)}.json`);
/** @returns {Array<import('./precision-lib.mjs').Label>} */
const readLabels = (repo) => (existsSync(labelsPath(repo)) ? JSON.parse(readFileSync(labelsPath(repo), 'utf8')).labels : []);
const round = Number(option('--round') ?? Math.max(1, ...repos.flatMap(({ repo }) => readLabels(repo).map((label) => label.round))));

if (!existsSync(join(dirname(CLI), '..', 'dist', 'index.js'))) {
  console.error(`Build the engine first (npx nx run @nx-enforcer/core:build): ${CLI} has no dist/ beside it.`);
  process.exit(2);
}

/** Per rule, over every repository: counts to print. */
const totals = new Map();
const perRepo = [];
/** `--domain`: per repository and rule, what the rule examined and could not verify. */
const coverageRows = [];
const pendingDir = join(HERE, 'results', 'pending');
/** `--dump <file>`: every finding of this run with its label (or null), to read the false positives. */
const dumpFile = option('--dump');
const dumped = [];
if (writePending) rmSync(pendingDir, { recursive: true, force: true });

for (const { repo, commit } of repos) {
  if (onlyRepo && repo !== onlyRepo) continue;
  if (domain && !existsSync(domainConfig(repo))) continue;
  const root = join(resolve(snapshots), folderName(repo));
  const marker = join(root, '.precision-commit');
  if (!existsSync(marker) || readFileSync(marker, 'utf8').trim() !== commit) {
    console.error(`${root}: no snapshot of ${repo} at ${commit} (make it with tools/precision/snapshot.mjs)`);
    process.exit(2);
  }
  const run = runEnforcer(root, domain ? domainConfig(repo) : configFile);
  const findings = domain ? run.violations.filter((finding) => DOMAIN_RULE.test(finding.ruleId)) : run.violations;
  for (const entry of domain ? (run.coverage ?? []) : []) {
    if (DOMAIN_RULE.test(entry.ruleId) && entry.examined !== undefined)
      coverageRows.push(`| ${repo} | \`${entry.ruleId}\` | ${entry.files} | ${entry.examined ?? '–'} | ${entry.couldNotVerify ?? 0} |`);
  }
  const labels = indexLabels(readLabels(repo));
  if (dumpFile)
    dumped.push(
      ...findings.map((finding) => ({
        repo,
        ...findingRow(finding),
        label: labels.get(locationKey({ file: finding.file, line: finding.line, rule: finding.ruleId })) ?? null,
      })),
    );
  const candidates = domain ? {} : independentCandidates(root);
  const byRule = new Map();
  for (const finding of findings) byRule.set(finding.ruleId, [...(byRule.get(finding.ruleId) ?? []), finding]);
  const blocking = findings.filter((finding) => finding.severity === 'error').length;
  perRepo.push({
    repo,
    files: new Set(findings.map((finding) => finding.file)).size,
    findings: findings.length,
    blocking,
    blockingByRule: countBy(
      findings.filter((f) => f.severity === 'error'),
      (f) => f.ruleId,
    ),
  });
  const pending = { repo, commit, round, findings: [], candidates: [] };
  for (const rule of new Set([...byRule.keys(), ...Object.keys(candidates)])) {
    const ruleFindings = byRule.get(rule) ?? [];
    const sample = drawSample(ruleFindings, (finding) => `${locationKey(finding)}:${finding.column}`, `${repo}@${commit}:${rule}:round-${round}`);
    const precision = precisionOf(sample, labels);
    // Every finding with a label, from any round: once all are labelled this is the rule's exact precision on the corpus.
    const census = precisionOf(ruleFindings, labels);
    const reported = new Set(ruleFindings.map(locationKey));
    // One candidate per line: two matches on a line are one place to label.
    const uniqueCandidates = [...new Map((candidates[rule] ?? []).map((candidate) => [locationKey(candidate), candidate])).values()];
    const drawn = drawSample(uniqueCandidates, locationKey, `${repo}@${commit}:${rule}:candidates:round-${round}`);
    const recall = recallOf(drawn, labels, rule, reported, (candidate) => underTeamSuppression(root, candidate));
    const total = totals.get(rule) ?? {
      findings: 0,
      sampled: 0,
      tp: 0,
      labelled: 0,
      censusTp: 0,
      censusLabelled: 0,
      real: 0,
      found: 0,
      suppressed: 0,
      missed: [],
      severity: ruleFindings[0]?.severity,
    };
    total.censusTp += census.tp;
    total.censusLabelled += census.labelled;
    total.suppressed += recall.suppressed;
    total.findings += ruleFindings.length;
    total.sampled += sample.length;
    total.tp += precision.tp;
    total.labelled += precision.labelled;
    total.real += recall.real;
    total.found += recall.found;
    total.missed.push(...recall.missed.map((miss) => `${repo} ${miss.file}:${miss.line}`));
    total.severity ??= ruleFindings[0]?.severity;
    totals.set(rule, total);
    pending.findings.push(...precision.pending.map((finding) => ({ ...findingRow(finding), text: lineOf(root, finding.file, finding.line) })));
    pending.candidates.push(
      ...recall.pending.map(({ file, line, text }) => ({ file, line, rule, text, reported: reported.has(locationKey({ file, line, rule })) })),
    );
  }
  if (writePending && (pending.findings.length > 0 || pending.candidates.length > 0)) {
    mkdirSync(pendingDir, { recursive: true });
    writeFileSync(join(pendingDir, `${folderName(repo)}.json`), `${JSON.stringify(pending, null, 2)}\n`);
  }
}

const rows = [...totals]
  .filter(([, total]) => total.findings > 0 || total.real > 0 || total.labelled > 0)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([rule, total]) => {
    const precision = ratio(total.tp, total.labelled);
    const census = `${ratio(total.censusTp, total.censusLabelled)}${total.findings > 0 ? `, ${total.censusLabelled} of ${total.findings} labelled` : ''}`;
    const recall = total.severity === undefined ? 'off by default' : ratio(total.found, total.real);
    return `| \`${rule}\` | ${total.severity ?? '–'} | ${total.findings} | ${total.sampled} | ${precision} | ${census} | ${recall} | ${total.suppressed} |`;
  });
const repoRows = perRepo.map(
  ({ repo, files, findings, blocking, blockingByRule }) =>
    `| ${repo} | ${files} | ${findings} | ${blocking} | ${
      Object.entries(blockingByRule)
        .map(([rule, count]) => `${rule} ${count}`)
        .join(', ') || '–'
    } |`,
);
const configuration = domain
  ? 'Domain packs, each repository with its config in tools/precision/domain/'
  : configFile === undefined
    ? 'Built-in defaults'
    : `Config ${configFile.slice(REPO_ROOT.length + 1)}`;
const report = [
  `# Precision on real repositories (round ${round})`,
  '',
  `${configuration}, pinned snapshots (tools/precision/repos.json). ` +
    'Precision: real violations among the labelled sample (up to 25 findings per rule per repository); ' +
    '"every labelled finding" counts every finding reported now that has a label from any round ' +
    "(all of them labelled: the rule's exact precision on these repositories). " +
    'Recall: of the candidates an independent check found and a person labelled as real violations, the share the rule reported; ' +
    'real ones the team already suppressed with an eslint-disable/noqa comment are counted apart ("team-suppressed"), ' +
    'since not reporting them is the point.',
  '',
  "| rule | severity | findings | sampled | precision (this round's sample) | every labelled finding | recall | team-suppressed |",
  '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ...rows,
  '',
  '| repository | files with findings | findings | blocking errors | blocking by rule |',
  '| --- | ---: | ---: | ---: | --- |',
  ...repoRows,
  '',
  ...(coverageRows.length > 0
    ? ['| repository | rule | files | examined | could not verify |', '| --- | --- | ---: | ---: | ---: |', ...coverageRows, '']
    : []),
].join('\n');
// A rule that is off misses everything by definition: only the rules that ran list their misses.
const missed = [...totals]
  .filter(([, total]) => total.severity !== undefined)
  .flatMap(([rule, total]) => total.missed.map((miss) => `- \`${rule}\` missed ${miss}`));
const text = missed.length > 0 ? `${report}\nLabelled real violations the rules missed:\n\n${missed.join('\n')}\n` : report;
if (!onlyRepo) {
  mkdirSync(dirname(outFile), { recursive: true });
  writeFileSync(outFile, text);
  if (dumpFile) writeFileSync(resolve(dumpFile), `${JSON.stringify(dumped, null, 2)}\n`);
}
console.log(text);

/**
 * @typedef {{ ruleId: string, files: number, examined?: number, couldNotVerify?: number }} RuleCoverage
 * @typedef {{ violations: import('./precision-lib.mjs').Finding[], coverage?: RuleCoverage[] }} EnforcerReport
 */

/** The enforcer CLI over one snapshot (its defaults, or `configFile`): report.json's findings and coverage. */
function runEnforcer(root, configFile) {
  const work = mkdtempSync(join(tmpdir(), 'precision-'));
  const output = join(work, 'report.json');
  // The CLI reads configs from inside the workspace: a copy goes into the snapshot, a scratch folder.
  const config = configFile === undefined ? [] : ['--config', '.precision-config.json'];
  if (configFile !== undefined) writeFileSync(join(root, '.precision-config.json'), readFileSync(configFile));
  try {
    try {
      execFileSync(process.execPath, [CLI, 'check', ...config, '--format', `json:${output}`], {
        cwd: root,
        stdio: ['ignore', 'ignore', 'pipe'],
        maxBuffer: 64 * 1024 * 1024,
      });
    } catch (error) {
      // Exit 1 means "violations found"; anything else, or no report, is a failure of the run.
      if (/** @type {{ status?: number }} */ (error).status !== 1 || !existsSync(output)) throw error;
    }
    return /** @type {EnforcerReport} */ (JSON.parse(readFileSync(output, 'utf8')));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The line, or one of the five above it, carries another linter's suppression, or the file disables it at the top. */
function underTeamSuppression(root, { file, line }) {
  let lines;
  try {
    lines = readFileSync(join(root, file), 'utf8').split('\n');
  } catch {
    return false;
  }
  const directive = /(?:eslint|oxlint)-disable|#\s*noqa|pylint:\s*disable/;
  if (lines.slice(Math.max(0, line - 6), line).some((text) => directive.test(text))) return true;
  return lines.slice(0, 20).some((text) => /\/\*\s*(?:eslint|oxlint)-disable(?!-)/.test(text));
}

function lineOf(root, file, line) {
  try {
    return (readFileSync(join(root, file), 'utf8').split('\n')[line - 1] ?? '').trim().slice(0, 200);
  } catch {
    return '';
  }
}

function countBy(items, keyOf) {
  const counts = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

/**
 * A finding as the dump and the pending-labels file write it: the rule id under `rule`, as labels name it.
 * @param {{ file: string, line: number, column: number, ruleId: string, severity: string, message: string }} finding
 */
function findingRow({ file, line, column, ruleId, severity, message }) {
  return { file, line, column, rule: ruleId, severity, message };
}
