import type Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import { parse, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { patternRuleId } from '../engine/pattern-rule';
import type { Rule } from '../engine/types';
import { ConfigError } from './config-error';
import { AJV_OPTIONS, CONFIG_LIMITS } from './config-schema';
import { validate as validateStructure } from './structure-validator.generated';
import { formatJsonPath, locationOfOffset, locationOfPath, segmentsOfPointer, type JsonPathSegment } from './json-location';
import type { EnforcerConfigFile } from './types';

// The structure is checked by code compiled ahead of time; ajv itself is loaded only for a config
// that sets rule options (each rule's own schema).
let ajv: Ajv2020 | undefined;
const optionValidators = new WeakMap<Rule, ValidateFunction>();
const severities = ['off', 'warn', 'error'];

/**
 * Parses and validates the text of an `enforcer.config.json` (comments and trailing commas are
 * accepted). Every problem is a ConfigError naming the file, line:column, the JSON path and the
 * valid choices.
 */
export function parseConfig(
  rawText: string,
  source: string,
  knownRules: readonly Rule[] | ((config: EnforcerConfigFile) => readonly Rule[]),
): EnforcerConfigFile {
  // Editors on Windows save a byte-order mark: it is not part of the JSON.
  const text = rawText.replace(/^\uFEFF/, '');
  if (text.trim() === '') {
    throw new ConfigError({ code: 'config-syntax', file: source, location: '1:1', problem: 'the file is empty; write {} for the defaults' });
  }
  const depth = nestingDepth(text);
  if (depth > MAX_CONFIG_DEPTH) {
    throw new ConfigError({ code: 'config-invalid', file: source, problem: `the file nests ${depth} levels deep; a config needs at most ${MAX_CONFIG_DEPTH}` });
  }
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !tree) {
    const first = errors[0];
    throw new ConfigError({
      code: 'config-syntax',
      file: source,
      location: locationOfOffset(text, first?.offset ?? 0),
      problem: `invalid JSON (${first ? printParseErrorCode(first.error) : 'no value'})`,
    });
  }
  const fail = (segments: JsonPathSegment[], problem: string, code: ConfigError['code'] = 'config-invalid'): never => {
    throw new ConfigError({ code, file: source, path: formatJsonPath(segments) || undefined, location: locationOfPath(tree, text, segments), problem });
  };
  // `__proto__` would set the parsed object's prototype; `constructor` and `prototype` name no setting either.
  const unsafe = unsafeKeyPath(tree, []);
  if (unsafe) fail(unsafe, `the key "${String(unsafe[unsafe.length - 1])}" is not allowed in a config`);
  const config: unknown = parse(text, [], { allowTrailingComma: true });

  if (!validateStructure(config)) {
    const error = ((validateStructure as ValidateFunction).errors ?? [])[0] as ErrorObject;
    fail(segmentsOfPointer(error.instancePath), describeAjvError(error));
  }
  const typed = config as EnforcerConfigFile;
  // Each list is bounded by the schema; the sum over overrides is bounded here.
  const globCount = [typed.ignores, typed.testFiles, ...(typed.overrides ?? []).flatMap((override) => [override.files, override.excludedFiles])].reduce(
    (sum, list) => sum + (list?.length ?? 0),
    0,
  );
  if (globCount > CONFIG_LIMITS.globs)
    fail(
      [],
      `it holds ${globCount} globs in all; a config may hold at most ${CONFIG_LIMITS.globs} (ignores, testFiles and every ` +
        `override's files and excludedFiles together): use fewer, wider globs (\`gen/**\` rather than one per file)`,
    );
  // The rules a config may name can depend on the config itself (its rulesDirectory).
  const rules = typeof knownRules === 'function' ? knownRules(typed) : knownRules;
  const patternIds = checkPatterns(typed, fail);
  checkRuleSettings(typed.rules ?? {}, ['rules'], rules, patternIds, fail);
  (typed.overrides ?? []).forEach((override, index) => checkRuleSettings(override.rules, ['overrides', index, 'rules'], rules, patternIds, fail));
  return typed;
}

/** Deeper than any real config: deeper ones are refused before parsing, not with a stack overflow. */
const MAX_CONFIG_DEPTH = 64;
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The deepest `{`/`[` nesting of a JSON-with-comments text, strings and comments skipped. */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '"') {
      for (index++; index < text.length && text[index] !== '"'; index++) if (text[index] === '\\') index++;
    } else if (character === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? text.length : end;
    } else if (character === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      index = end === -1 ? text.length : end + 1;
    } else if (character === '{' || character === '[') {
      deepest = Math.max(deepest, ++depth);
    } else if (character === '}' || character === ']') {
      depth--;
    }
  }
  return deepest;
}

function unsafeKeyPath(node: JsonNode | undefined, at: JsonPathSegment[]): JsonPathSegment[] | undefined {
  if (!node?.children) return undefined;
  for (const [index, child] of node.children.entries()) {
    if (node.type === 'object' && child.type === 'property' && child.children) {
      const [key, value] = child.children;
      const name = String(key.value);
      if (UNSAFE_KEYS.has(name)) return [...at, name];
      const found = unsafeKeyPath(value, [...at, name]);
      if (found) return found;
    } else if (node.type === 'array') {
      const found = unsafeKeyPath(child, [...at, index]);
      if (found) return found;
    }
  }
  return undefined;
}

/** Pattern ids must be unique in a file and their expressions valid; returns their rule ids. */
function checkPatterns(config: EnforcerConfigFile, fail: Fail): string[] {
  const ids: string[] = [];
  (config.patterns ?? []).forEach((pattern, index) => {
    const ruleId = patternRuleId(pattern.id);
    if (ids.includes(ruleId)) fail(['patterns', index, 'id'], `duplicate pattern id "${pattern.id}"`);
    try {
      new RegExp(pattern.regex, pattern.flags ?? '');
    } catch (error) {
      fail(['patterns', index, 'regex'], `invalid regular expression: ${(error as Error).message}`);
    }
    ids.push(ruleId);
  });
  return ids;
}

type Fail = (segments: JsonPathSegment[], problem: string, code?: ConfigError['code']) => never;

function checkRuleSettings(settings: Record<string, unknown>, at: JsonPathSegment[], rules: readonly Rule[], patternIds: readonly string[], fail: Fail): void {
  for (const [ruleId, setting] of Object.entries(settings)) {
    const rule = rules.find((candidate) => candidate.id === ruleId);
    const path = [...at, ruleId];
    if (!rule && !patternIds.includes(ruleId)) {
      const valid = [...rules.map((r) => r.id), ...patternIds.filter((id) => !rules.some((r) => r.id === id))];
      fail(path, `unknown rule "${ruleId}". Valid rule ids: ${valid.join(', ')}`, 'config-unknown-rule');
      return;
    }
    const [severity, options, ...rest] = Array.isArray(setting) ? setting : [setting];
    const severityPath = Array.isArray(setting) ? [...path, 0] : path;
    if (typeof severity !== 'string' || !severities.includes(severity)) {
      fail(severityPath, `invalid severity ${JSON.stringify(severity)}; expected one of "off", "warn", "error" (or [severity, options])`);
    }
    if (rest.length > 0) fail([...path, 2], 'a rule setting has at most two items: [severity, options]');
    if (options !== undefined && rule) checkRuleOptions(rule, options, [...path, 1], fail);
    if (options !== undefined && !rule) fail([...path, 1], 'a pattern rule takes no options');
  }
}

/** Why `options` are not options `rule` accepts, in the words a config error would use; undefined when they are. */
export function ruleOptionsProblem(rule: Rule, options: unknown): string | undefined {
  let problem: string | undefined;
  const stop = new Error('invalid options');
  try {
    checkRuleOptions(rule, options, [], (segments, text) => {
      problem = segments.length > 0 ? `${formatJsonPath(segments)}: ${text}` : text;
      throw stop;
    });
  } catch (error) {
    if (error !== stop) throw error;
  }
  return problem;
}

function checkRuleOptions(rule: Rule, options: unknown, at: JsonPathSegment[], fail: Fail): void {
  let validate = optionValidators.get(rule);
  if (!validate) {
    ajv ??= new (require('ajv/dist/2020').default as typeof Ajv2020)(AJV_OPTIONS);
    validate = ajv.compile(rule.meta.schema);
    optionValidators.set(rule, validate);
  }
  if (!validate(options)) {
    const error = (validate.errors ?? [])[0] as ErrorObject;
    fail([...at, ...segmentsOfPointer(error.instancePath)], describeAjvError(error), 'config-invalid-options');
  }
}

function describeAjvError(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown property "${String(params.additionalProperty)}"${describeAllowed(error)}`;
    case 'enum':
      return `must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'required':
      return `missing required property "${String(params.missingProperty)}"`;
    default:
      return error.message ?? 'invalid value';
  }
}

function describeAllowed(error: ErrorObject): string {
  const properties = (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties;
  return properties ? `; allowed: ${Object.keys(properties).join(', ')}` : '';
}
