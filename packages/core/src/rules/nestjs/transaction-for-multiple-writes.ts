import { ts } from '../../../lazy/typescript';
import { syntaxKindSet } from '../../engine/syntax-kind-set';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import type { ModuleBindings } from '../rule-utils/qualified-call-name';
import { classOfMember, hasNestDecorator, listForMessage, NEST_KEYWORDS, fileNestBindings, thisPropertyName } from './nestjs-utils/nest-decorators';
import { containsThrow, exits } from '../rule-utils/throws';

export const DEFAULT_PRISMA_CLIENT_NAMES = ['prisma', 'prismaService', 'db'];
export const DEFAULT_WRITE_METHODS = [
  'create',
  'createMany',
  'createManyAndReturn',
  'update',
  'updateMany',
  'updateManyAndReturn',
  'upsert',
  'delete',
  'deleteMany',
  '$executeRaw',
  '$executeRawUnsafe',
];

interface Write {
  call: ts.CallExpression | ts.TaggedTemplateExpression;
  /** `user.create`, or `$executeRaw`. */
  label: string;
  /** `user`; none for a client operation (`$executeRaw`). */
  model?: string;
  operation: string;
  client: string;
}

const loopKinds = syntaxKindSet(() => [
  ts.SyntaxKind.ForStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
]);
const iterationMethods = new Set(['map', 'forEach', 'flatMap']);

/**
 * Two writes that belong together (an order and its lines, a transfer's debit and credit) must
 * succeed or fail together; without a transaction a failure between them leaves half the change
 * in the database.
 */
export default defineRule({
  id: 'nestjs/transaction-for-multiple-writes',
  meta: {
    category: 'nestjs',
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Require a Prisma `$transaction` around two or more writes in one method of a NestJS `@Injectable()` service.',
      rationale:
        'Writes that belong together must succeed or fail together: without a transaction a failure between them leaves a ' +
        'partial change in the database that nothing rolls back.',
    },
    messages: {
      writesWithoutTransaction:
        'Method "{{method}}" writes with Prisma more than once outside a transaction ({{operations}}): wrap the writes in ' +
        'this.{{client}}.$transaction(...) so they succeed or fail together.',
    },
    hints: {
      writesWithoutTransaction:
        'Run the writes in `await this.{{client}}.$transaction(async (tx) => { … })`, calling them on `tx` instead of ' +
        'this.{{client}}, or pass them as an array: `this.{{client}}.$transaction([...])`.',
    },
    options: defineOptions({
      clientNames: option.stringArray({
        default: DEFAULT_PRISMA_CLIENT_NAMES,
        description: 'Property names under which the Prisma client is injected (`this.prisma`).',
      }),
      writeMethods: option.stringArray({
        default: DEFAULT_WRITE_METHODS,
        description: 'Operations that write: model operations (`create`) and client operations starting with `$` (`$executeRaw`).',
      }),
    }),
    keywords: NEST_KEYWORDS,
  },
  create(context) {
    const clients = new Set(context.options.clientNames);
    const writeMethods = new Set(context.options.writeMethods);
    let bindings: ModuleBindings | undefined;
    const check = (member: ts.MethodDeclaration | ts.PropertyDeclaration, body: ts.Node | undefined) => {
      const service = classOfMember(member);
      if (!bindings || !body || !service || !hasNestDecorator(service, 'Injectable', bindings)) return;
      const { writes, usesTransaction } = collectWrites(body, (call) => writeOf(call, clients, writeMethods));
      const counted = writes.filter((write) => !(usesTransaction && isBatched(write.call, body)) && !isSettledAlone(write.call, body, writes));
      const repeated = new Set(counted.filter((write) => isRepeated(write.call, body)));
      const bestEffort = new Set(counted.filter((write) => !repeated.has(write) && isBestEffort(write.call, body, counted)));
      const progress = new Set(counted.filter((write, index) => !repeated.has(write) && recordsProgress(write, counted.slice(0, index), body, clients)));
      const weightOf = (write: Write) =>
        repeated.has(write) ? (roundsSeparated(write.call, body, clients) ? 1 : 2) : bestEffort.has(write) || progress.has(write) ? 0 : 1;
      // Writes on branches that exclude each other (`if (found) { update; return } create`) never run together.
      const together = (group: readonly Write[]) =>
        writesOnWorstPath(
          body,
          group.map((write) => ({ node: write.call, weight: weightOf(write) })),
        );
      if (!splitAtOutsideWork(counted, body, clients).some((group) => together(group) >= 2)) return;
      const operations = listForMessage(counted.map((write) => (repeated.has(write) ? `${write.label} in a loop` : write.label)));
      context.report({
        node: member.name,
        messageId: 'writesWithoutTransaction',
        data: { method: member.name.getText(), operations, client: counted[0].client },
      });
    };
    return {
      SourceFile(node) {
        bindings = context.service(fileNestBindings);
      },
      MethodDeclaration(node: ts.MethodDeclaration) {
        check(node, node.body);
      },
      PropertyDeclaration(node: ts.PropertyDeclaration) {
        const initializer = node.initializer;
        if (initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer))) check(node, initializer.body);
      },
    };
  },
});

/**
 * The writes in `body`, in source order, leaving out everything passed to `$transaction(...)`: the
 * callback's writes and the array form's writes run inside the transaction.
 */
function collectWrites(body: ts.Node, writeOf: (node: ts.Node) => Write | undefined): { writes: Write[]; usesTransaction: boolean } {
  const writes: Write[] = [];
  let usesTransaction = false;
  const stack: ts.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop() as ts.Node;
    if (ts.isClassLike(node)) continue;
    const write = writeOf(node);
    if (write) writes.push(write);
    if (isTransactionCall(node)) {
      usesTransaction = true;
      stack.push(node.expression);
      continue;
    }
    const children: ts.Node[] = [];
    ts.forEachChild(node, (child) => {
      children.push(child);
    });
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]);
  }
  return { writes, usesTransaction };
}

function isTransactionCall(node: ts.Node): node is ts.CallExpression {
  return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === '$transaction';
}

/** `this.prisma.user.create(...)`, `this.prisma.$executeRaw\`...\``: a write through the injected client. */
function writeOf(node: ts.Node, clients: ReadonlySet<string>, writeMethods: ReadonlySet<string>): Write | undefined {
  const callee = ts.isCallExpression(node) ? node.expression : ts.isTaggedTemplateExpression(node) ? node.tag : undefined;
  if (!callee || !ts.isPropertyAccessExpression(callee) || !writeMethods.has(callee.name.text)) return undefined;
  const call = node as ts.CallExpression | ts.TaggedTemplateExpression;
  const operation = callee.name.text;
  const owner = callee.expression;
  if (operation.startsWith('$')) {
    const client = thisPropertyName(owner);
    return client !== undefined && clients.has(client) ? { call, label: operation, operation, client } : undefined;
  }
  if (!ts.isPropertyAccessExpression(owner) || owner.name.text.startsWith('$')) return undefined;
  const client = thisPropertyName(owner.expression);
  const model = owner.name.text;
  return client !== undefined && clients.has(client) ? { call, label: `${model}.${operation}`, model, operation, client } : undefined;
}

/**
 * Prisma queries run only when awaited or passed to `$transaction`: a write collected into an
 * array (`[this.prisma.a.create()]`, `ops.push(...)`) in a method that calls `$transaction` is
 * taken to be batched into it, and so is one held unawaited in a `const` that is only ever
 * collected the same way (`const update = this.prisma.a.update(…); updates.push(update)`).
 */
function isBatched(call: ts.Node, body: ts.Node): boolean {
  let node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  if (isCollected(node)) return true;
  const declaration = node.parent;
  if (ts.isVariableDeclaration(declaration) && declaration.initializer === node && ts.isIdentifier(declaration.name) && isConst(declaration)) {
    const uses = referencesTo(declaration.name.text, body, declaration.name);
    return uses.length > 0 && uses.every(isCollected);
  }
  return mappingOf(node) !== undefined;
}

function isCollected(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isArrayLiteralExpression(parent)) return true;
  return (
    ts.isCallExpression(parent) &&
    parent.arguments.includes(node as ts.Expression) &&
    ts.isPropertyAccessExpression(parent.expression) &&
    ['push', '$transaction'].includes(parent.expression.name.text)
  );
}

function isConst(declaration: ts.VariableDeclaration): boolean {
  return ts.isVariableDeclarationList(declaration.parent) && (declaration.parent.flags & ts.NodeFlags.Const) !== 0;
}

/** Identifiers named `name` in `body`, other than `declared` itself and property names. */
function referencesTo(name: string, body: ts.Node, declared: ts.Identifier): ts.Identifier[] {
  const found: ts.Identifier[] = [];
  const visit = (current: ts.Node): void => {
    if (ts.isIdentifier(current) && current.text === name && current !== declared && !isPropertyName(current)) found.push(current);
    ts.forEachChild(current, visit);
  };
  visit(body);
  return found;
}

/** `a.name`, `{ name: … }`: a property's name, not a reference to a variable. */
function isPropertyName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (ts.isPropertyAccessExpression(parent) && parent.name === identifier) || (ts.isPropertyAssignment(parent) && parent.name === identifier);
}

/** `items.map((item) => this.prisma.a.upsert(...))` around a write its callback returns, unrun, into an array. */
function mappingOf(node: ts.Node): ts.CallExpression | undefined {
  const parent = node.parent;
  const callback = ts.isReturnStatement(parent) ? enclosingFunction(parent) : ts.isArrowFunction(parent) && parent.body === node ? parent : undefined;
  const mapping = callback?.parent;
  return mapping !== undefined &&
    ts.isCallExpression(mapping) &&
    ts.isPropertyAccessExpression(mapping.expression) &&
    ['map', 'flatMap'].includes(mapping.expression.name.text)
    ? mapping
    : undefined;
}

/**
 * Writes mapped into an array that goes to `Promise.allSettled` (directly, or through a `const`):
 * each may fail on its own by design, so there is nothing for a transaction to keep together. The
 * write is what the callback returns, or the only write anywhere in its body (`async (item) => {
 * try { … await write … } catch { … } }`).
 */
function isSettledAlone(call: ts.Node, body: ts.Node, writes: readonly Write[]): boolean {
  let node = call;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const mapping = mappingOf(node) ?? soleWriteMapping(node, body, writes);
  if (!mapping) return false;
  if (isAllSettled(mapping.parent) && (mapping.parent as ts.CallExpression).arguments.includes(mapping)) return true;
  const declaration = mapping.parent;
  if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  let settled = false;
  const visit = (current: ts.Node): void => {
    if (settled) return;
    if (isAllSettled(current) && (current as ts.CallExpression).arguments.some((argument) => ts.isIdentifier(argument) && argument.text === name))
      settled = true;
    else ts.forEachChild(current, visit);
  };
  visit(body);
  return settled;
}

/** The `map` call whose callback holds `node` as its only write (the nearest function around it). */
function soleWriteMapping(node: ts.Node, body: ts.Node, writes: readonly Write[]): ts.CallExpression | undefined {
  let callback: ts.Node | undefined = node.parent;
  while (callback && callback !== body && !ts.isFunctionLike(callback)) callback = callback.parent;
  if (!callback || callback === body || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
  const mapping = callback.parent;
  if (
    !ts.isCallExpression(mapping) ||
    !mapping.arguments.includes(callback) ||
    !ts.isPropertyAccessExpression(mapping.expression) ||
    mapping.expression.name.text !== 'map'
  )
    return undefined;
  const inside = writes.filter((write) => write.call.pos >= callback.pos && write.call.end <= callback.end);
  return inside.length === 1 ? mapping : undefined;
}

function isAllSettled(node: ts.Node): boolean {
  return (
    ts.isCallExpression(node) &&
    ts.isPropertyAccessExpression(node.expression) &&
    node.expression.name.text === 'allSettled' &&
    ts.isIdentifier(node.expression.expression) &&
    node.expression.expression.text === 'Promise'
  );
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return current as ts.FunctionLikeDeclaration;
  return undefined;
}

interface WeightedWrite {
  node: ts.Node;
  /** 2 for a write in a loop (it runs many times), else 1. */
  weight: number;
}

/**
 * The most writes one run of the method can make: statements add up, an `if`'s branches are
 * alternatives, and a branch that ends in `return` or `throw` skips what follows it. A `try` is two
 * paths: its block completes, or it fails and its `catch` runs after the block's writes (less the
 * one that failed, when nothing else in the block can fail after it). Anything else (loops,
 * expressions) counts every write it contains.
 */
function writesOnWorstPath(body: ts.Node, writes: readonly WeightedWrite[]): number {
  const within = (node: ts.Node) =>
    writes.filter((write) => write.node.pos >= node.pos && write.node.end <= node.end).reduce((sum, write) => sum + write.weight, 0);
  const ofStatements = (statements: readonly ts.Statement[]): number => {
    let after = 0;
    for (let index = statements.length - 1; index >= 0; index--) {
      const statement = statements[index];
      if (ts.isIfStatement(statement)) {
        const thenBranch = ofStatement(statement.thenStatement) + (exits(statement.thenStatement) ? 0 : after);
        const elseBranch =
          (statement.elseStatement ? ofStatement(statement.elseStatement) : 0) + (statement.elseStatement && exits(statement.elseStatement) ? 0 : after);
        after = within(statement.expression) + Math.max(thenBranch, elseBranch);
      } else if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) {
        after = within(statement);
      } else if (ts.isTryStatement(statement)) {
        const block = statement.tryBlock;
        const tried = ofStatements(block.statements);
        const final = statement.finallyBlock ? ofStatements(statement.finallyBlock.statements) : 0;
        const completes = tried + final + (exits(block) ? 0 : after);
        const handler = statement.catchClause?.block;
        const beforeFailure = Math.max(0, tried - (failsOnlyAtAWrite(block) ? 1 : 0));
        const fails = handler ? beforeFailure + ofStatements(handler.statements) + final + (exits(handler) ? 0 : after) : 0;
        after = Math.max(completes, fails);
      } else {
        after += within(statement);
      }
    }
    return after;
  };
  // After the block's last statement that writes, only `return value` (no call, no await) and log
  // lines: if the block fails, a write failed.
  const failsOnlyAtAWrite = (block: ts.Block): boolean => {
    const statements = block.statements;
    let last = statements.length - 1;
    while (last >= 0 && within(statements[last]) === 0) last--;
    return (
      last >= 0 &&
      statements
        .slice(last + 1)
        .every((statement) => (ts.isReturnStatement(statement) && (!statement.expression || !containsCall(statement.expression))) || isLogLine(statement))
    );
  };
  const ofStatement = (statement: ts.Statement): number =>
    ts.isBlock(statement) ? ofStatements(statement.statements) : ts.isIfStatement(statement) ? ofStatements([statement]) : within(statement);
  return ts.isBlock(body) ? ofStatements(body.statements) : within(body);
}

/**
 * Inside a loop, or a `map`/`forEach`/`flatMap` callback, of the method: the one call writes many
 * times. Not when each round catches its own failure without rethrowing it (`for (...) { try {
 * await write } catch { log } }`): the items are meant to succeed or fail one by one.
 */
function isRepeated(call: ts.Node, body: ts.Node): boolean {
  for (let node = call.parent; node && node !== body; node = node.parent) {
    if (ts.isTryStatement(node.parent) && node.parent.tryBlock === node && swallows(node.parent.catchClause)) return false;
    if (loopKinds.has(node.kind)) return true;
    const parent = node.parent;
    if (
      ts.isFunctionLike(node) &&
      ts.isCallExpression(parent) &&
      ts.isPropertyAccessExpression(parent.expression) &&
      iterationMethods.has(parent.expression.name.text)
    )
      return true;
  }
  return false;
}

/**
 * The only write of a `try` whose `catch` neither rethrows nor writes (`try { await audit.create() }
 * catch (error) { log(error) }`): the method goes on whether it happens or not, so it is best effort
 * by design, not a half of a change, when no write follows it. A `try` around several writes, or a
 * loop of them, a `catch` that compensates with a write, and a swallowed write before another
 * (`try { await related.deleteMany() } catch {}` then `user.delete()`) still count.
 */
function isBestEffort(call: ts.Node, body: ts.Node, writes: readonly Write[]): boolean {
  for (let node = call.parent; node && node !== body; node = node.parent) {
    if (ts.isFunctionLike(node) || loopKinds.has(node.kind)) return false;
    const statement = node.parent;
    if (statement && ts.isTryStatement(statement) && statement.tryBlock === node) {
      const writesIn = (scope: ts.Node) => writes.filter((write) => write.call.pos >= scope.pos && write.call.end <= scope.end).length;
      const handler = statement.catchClause;
      // Before another write, a failure of that one would leave this one done: part of the change.
      const last = writes.every((write) => write.call.pos < node.end);
      return handler !== undefined && swallows(handler) && writesIn(node) === 1 && writesIn(handler) === 0 && last;
    }
  }
  return false;
}

/** `this.logger.info(…)`, `logger.warn(…)`, `console.log(…)`: a statement that only logs (its arguments call nothing). */
function isLogLine(statement: ts.Statement): boolean {
  if (!ts.isExpressionStatement(statement) || !ts.isCallExpression(statement.expression)) return false;
  const call = statement.expression;
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || call.arguments.some(containsCall)) return false;
  const owner = callee.expression;
  const name = ts.isIdentifier(owner)
    ? owner.text
    : ts.isPropertyAccessExpression(owner) && owner.expression.kind === ts.SyntaxKind.ThisKeyword
      ? owner.name.text
      : undefined;
  return name !== undefined && /^(?:console|_?logger|log)$/i.test(name);
}

function containsCall(node: ts.Node): boolean {
  if (ts.isCallExpression(node) || ts.isAwaitExpression(node) || ts.isNewExpression(node) || ts.isTaggedTemplateExpression(node)) return true;
  return ts.forEachChild(node, containsCall) ?? false;
}

/**
 * An update of the row an earlier write of the method made or changed (`where` names it by a key
 * the earlier write set or looked up with the same value), after awaited work outside the database
 * in between (`create({ status: 'running' })`, `await this.runner.run()`, `update({ status: 'done' })`):
 * the writes record the progress of that work, which no database transaction can span.
 */
function recordsProgress(write: Write, earlier: readonly Write[], body: ts.Node, clients: ReadonlySet<string>): boolean {
  const where = keyValues(write.call, ['where']);
  if (write.model === undefined || !/^(?:update|upsert)$/.test(write.operation) || where.size === 0) return false;
  return earlier.some((previous) => {
    if (previous.model !== write.model) return false;
    const set = keyValues(previous.call, ['where', 'data', 'create']);
    // Not the key of the row the write returned (`assignment.id`): the work between may be a check
    // that fails and leaves that row half done (amplication's addRolesToTeamAssignment).
    const sameRow = [...where].some(([key, value]) => set.get(key) === value);
    return sameRow && awaitsOutsideWork(body, previous.call.end, write.call.pos, clients);
  });
}

/** `{ where: { id }, data: { key: value } }`: each key's value as written, for the given sections. */
function keyValues(call: Write['call'], sections: readonly string[]): Map<string, string> {
  const values = new Map<string, string>();
  const argument = ts.isCallExpression(call) ? call.arguments[0] : undefined;
  if (!argument || !ts.isObjectLiteralExpression(argument)) return values;
  for (const section of argument.properties) {
    if (
      !ts.isPropertyAssignment(section) ||
      !ts.isIdentifier(section.name) ||
      !sections.includes(section.name.text) ||
      !ts.isObjectLiteralExpression(section.initializer)
    )
      continue;
    for (const property of section.initializer.properties) {
      if (ts.isShorthandPropertyAssignment(property)) values.set(property.name.text, property.name.text);
      else if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && isStableValue(property.initializer))
        values.set(property.name.text, property.initializer.getText());
    }
  }
  return values;
}

/** A name or a property read (`id`, `record.id`): the same text means the same value here. */
function isStableValue(node: ts.Expression): boolean {
  return ts.isIdentifier(node) || (ts.isPropertyAccessExpression(node) && isStableValue(node.expression));
}

/**
 * The writes in runs that awaited work of another collaborator does not split (`create`, `await
 * this.storage.upload()`, `update`): a transaction around writes on both sides of an upload or a
 * payment call would stay open across it and still could not undo it, so only writes with nothing
 * outside the database between them are expected to go together.
 */
function splitAtOutsideWork(writes: readonly Write[], body: ts.Node, clients: ReadonlySet<string>): Write[][] {
  const groups: Write[][] = [];
  for (const [index, write] of writes.entries()) {
    const previous = writes[index - 1];
    if (previous === undefined || awaitsOutsideWork(body, previous.call.end, write.call.pos, clients, true)) groups.push([write]);
    else groups[groups.length - 1].push(write);
  }
  return groups;
}

/**
 * A write in a loop whose rounds do not go together: each round also awaits another collaborator's
 * work (or writes in the `.then` of it), or the loop steps through chunks of one collection (`for
 * (const batch of chunk(rows, 500))`, `for (let i = 0; i < n; i += size)`), which is written in
 * parts on purpose, to keep each statement small.
 */
function roundsSeparated(call: ts.Node, body: ts.Node, clients: ReadonlySet<string>): boolean {
  for (let node = call.parent; node && node !== body; node = node.parent) {
    const parent = node.parent;
    if (ts.isFunctionLike(node) && isThenOfOutsideWork(parent, node, clients)) return true;
    if (isChunkLoop(node)) return true;
    const round = loopKinds.has(node.kind)
      ? node
      : ts.isFunctionLike(node) &&
          ts.isCallExpression(parent) &&
          ts.isPropertyAccessExpression(parent.expression) &&
          iterationMethods.has(parent.expression.name.text)
        ? node
        : undefined;
    if (round) return awaitsOutsideWork(round, round.pos, call.pos, clients, true) || awaitsOutsideWork(round, call.end, round.end, clients, true);
  }
  return false;
}

/** `this.storage.upload(…).then(callback)`: the callback runs after another collaborator's work. */
function isThenOfOutsideWork(call: ts.Node, callback: ts.Node, clients: ReadonlySet<string>): boolean {
  if (
    !ts.isCallExpression(call) ||
    !call.arguments.includes(callback as ts.Expression) ||
    !ts.isPropertyAccessExpression(call.expression) ||
    call.expression.name.text !== 'then'
  )
    return false;
  const work = call.expression.expression;
  return ts.isCallExpression(work) && !throughClient(work.expression, clients) && !isOwnMethod(work.expression);
}

function isChunkLoop(node: ts.Node): boolean {
  if (ts.isForOfStatement(node)) return ts.isCallExpression(node.expression) && /chunk|batch/i.test(node.expression.expression.getText());
  if (!ts.isForStatement(node) || !node.incrementor) return false;
  const step = node.incrementor;
  return (
    ts.isBinaryExpression(step) && step.operatorToken.kind === ts.SyntaxKind.PlusEqualsToken && !(ts.isNumericLiteral(step.right) && step.right.text === '1')
  );
}

/**
 * An `await` between `from` and `to` of a call that does not go through the Prisma client; with
 * `collaboratorsOnly`, only calls of another object (`this.storage.upload()`, `fetch()`), not the
 * class's own methods (`this.validate()`), which may write or throw as part of the same change.
 */
function awaitsOutsideWork(body: ts.Node, from: number, to: number, clients: ReadonlySet<string>, collaboratorsOnly = false): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found || node.end <= from || node.pos >= to) return;
    if (ts.isAwaitExpression(node) && node.pos >= from && node.end <= to) {
      let operand: ts.Expression = node.expression;
      while (ts.isParenthesizedExpression(operand)) operand = operand.expression;
      if (ts.isCallExpression(operand) && !throughClient(operand.expression, clients) && !(collaboratorsOnly && isOwnMethod(operand.expression))) found = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
}

/** `this.validate`: a method of the class itself. */
function isOwnMethod(callee: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword;
}

/** `this.prisma.x.y`, `this.prisma.$queryRaw`: the callee starts at the injected client. */
function throughClient(callee: ts.Expression, clients: ReadonlySet<string>): boolean {
  let node = callee;
  // Through fluent reads too: `this.prisma.user.findUnique(…).posts()`.
  while (ts.isPropertyAccessExpression(node) || ts.isCallExpression(node)) {
    const client = ts.isPropertyAccessExpression(node) ? thisPropertyName(node) : undefined;
    if (client !== undefined && clients.has(client)) return true;
    node = node.expression;
  }
  return false;
}

/** A `catch` that does not throw again. */
function swallows(clause: ts.CatchClause | undefined): boolean {
  return clause !== undefined && !containsThrow(clause.block);
}
