import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option, type OptionsOf } from '../../engine/rule-options';
import type { RuleContext } from '../../engine/types';
import { clientInputSource } from './tenant-isolation-utils/client-input';
import {
  CREATING_OPERATIONS,
  FILTERED_OPERATIONS,
  isModelCall,
  mayBeModelCall,
  OPERATION_KEYWORD,
  prismaCallOf,
  type DynamicModelCall,
  type PrismaCall,
} from './tenant-isolation-utils/prisma-call';
import { accessorOf, prismaModels, rowKeysOf, tenantModelsOf } from './tenant-isolation-utils/prisma-schema';
import { calleeText, isUndefinedValue, quote, unwrap, viewObject, type ObjectView } from './tenant-isolation-utils/syntax';
import {
  constLiteral,
  dataVerdict,
  isCheckedBeforeUse,
  rowsOf,
  tenantValues,
  whereVerdict,
  type Verdict,
  type WhereScope,
} from './tenant-isolation-utils/tenant-constraint';

type MessageId = 'missingWhere' | 'missingTenantFilter' | 'missingTenantData' | 'cannotVerify' | 'dynamicModel' | 'tenantFromClient' | 'schemaUnreadable';
type Context = RuleContext<MessageId, TenantIsolationOptions>;

export const DEFAULT_PRISMA_CLIENTS = ['prisma', 'db'];

const options = defineOptions({
  tenantField: option.string({ minLength: 1, default: 'tenantId', description: "The field that holds a row's tenant, as named in the Prisma schema." }),
  models: option.arrayOf(option.string({ pattern: '^[A-Za-z_]\\w*$' }), {
    uniqueItems: true,
    default: [],
    description: 'Tenant-scoped models, as named in the schema (`Invoice`, matched as `prisma.invoice`).',
  }),
  schemaPath: option.string({
    default: '',
    description: 'A workspace-relative schema.prisma: its models that have the tenant field are tenant-scoped. Empty for none.',
  }),
  clients: option.stringArray({
    uniqueItems: true,
    default: DEFAULT_PRISMA_CLIENTS,
    description:
      'Names of Prisma clients, matched as `name.model.op()` and `this.name.model.op()`. Calls on tenant-scoped models are ' +
      'checked whatever the receiver (repositories, wrappers); a client name also makes `name[model].op()` a call the rule ' +
      'reports as unverifiable.',
  }),
  membershipModels: option.arrayOf(option.string({ pattern: '^[A-Za-z_]\\w*\\.[A-Za-z_]\\w*$' }), {
    uniqueItems: true,
    default: [],
    description: "Membership models as `Model.userField` (`TeamMember.userId`): their queries may be scoped by the member's own user id instead of the tenant.",
  }),
});

export type TenantIsolationOptions = OptionsOf<typeof options>;

/**
 * In a multi-tenant database every query on a tenant-scoped model must be pinned to the tenant of
 * the authenticated caller: one forgotten filter, or a tenant id read from the request, serves one
 * customer's data to another. Checks Prisma calls on the models the configuration names (directly
 * or through the schema); what is built out of sight is reported as unverifiable, as a warning.
 */
export default defineRule({
  id: 'security/tenant-isolation',
  meta: {
    category: 'security',
    defaultSeverity: 'off',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Require every Prisma query on a tenant-scoped model to filter on, or set, the tenant of the authenticated caller.',
      rationale:
        'In a shared database a query without the tenant filter, or with a tenant id the client sent, reads or changes other ' +
        "customers' data: a cross-tenant leak that no test of a single tenant notices.",
    },
    messages: {
      missingWhere: '{{call}}() has no where clause: it reaches the rows of every tenant; filter on {{field}} taken from the authenticated context.',
      missingTenantFilter:
        '{{call}}() does not constrain {{field}} in where: add {{field}} from the authenticated context (directly, in AND, or ' +
        "in a compound unique key), or every tenant's rows are reachable.",
      missingTenantData: "{{call}}() creates a row without {{field}}: set it from the authenticated context so that the row belongs to the caller's tenant.",
      cannotVerify:
        'Cannot verify that {{call}}() stays within one tenant: "{{expression}}" is built elsewhere; set {{field}} explicitly ' +
        'in the call, after any spread ({ ...filters, {{field}} }).',
      dynamicModel:
        'Cannot verify that {{call}}() stays within one tenant: the model is chosen at run time ("{{expression}}"), so the rule ' +
        'cannot tell whether it is tenant-scoped.',
      tenantFromClient:
        '{{field}} comes from client input ({{source}}): take the tenant from the authenticated context (the current user or ' +
        'session), or any caller can pick another tenant.',
      schemaUnreadable: 'Cannot take the tenant-scoped models from schemaPath "{{path}}": {{reason}}; only the models option is checked in this file.',
    },
    hints: {
      missingWhere:
        'Pass `{ where: { {{field}}: user.{{field}} } }` to {{call}}(), with the tenant taken from the authenticated user or session, not from the request.',
      missingTenantFilter:
        "Add `{{field}}: user.{{field}}` (the authenticated caller's tenant) to the where of {{call}}(), next to the existing " +
        'conditions, or use a compound unique key that contains {{field}}.',
      missingTenantData:
        "Add `{{field}}: user.{{field}}` (the authenticated caller's tenant) to the data of {{call}}(), or connect the row's tenant relation to that tenant.",
      cannotVerify:
        'Write {{field}} into the call itself, after the part built elsewhere: `where: { ...filters, {{field}}: user.{{field}} ' +
        '}` or `data: { ...input, {{field}}: user.{{field}} }`.',
      dynamicModel:
        'Call the model by name (`prisma.invoice.findMany(...)`) so the tenant filter can be checked, or keep this call in the ' +
        'baseline after checking that every model it can reach is filtered on the tenant.',
      tenantFromClient:
        'Replace {{source}} with the tenant of the authenticated caller, e.g. `user.{{field}}` from `@CurrentUser()` or ' +
        '`req.user.{{field}}` set by the auth middleware.',
      schemaUnreadable:
        'Set schemaPath in the rule options to the workspace-relative path of the schema.prisma whose tenant-scoped models have ' +
        'the tenant field, or list those models in the models option.',
    },
    options,
    keywords: [OPERATION_KEYWORD],
    fileOptions: ['schemaPath'],
    coverage: { unit: 'calls on tenant-scoped models' },
  },
  create(context) {
    // Tests and their fixtures set up and tear down several tenants on purpose.
    const clients = new Set(context.options.clients);
    let scope: TenantScope | undefined;
    let schemaProblemReported = false;
    let accessors: ReadonlySet<string> = new Set();
    let relationNames: ReadonlySet<string> | undefined;
    return {
      CallExpression(node) {
        if (!mayBeModelCall(node)) return;
        // Read lazily: a file without model calls does not depend on the schema.
        if (!scope) {
          scope = resolveTenantScope(context);
          accessors = new Set(scope.models.keys());
        }
        const call = prismaCallOf(node, clients, accessors);
        if (!call) return;
        if (scope.problem !== undefined && !schemaProblemReported) {
          schemaProblemReported = true;
          context.report({
            node: node.expression,
            messageId: 'schemaUnreadable',
            data: { path: context.options.schemaPath, reason: scope.problem },
            severity: 'warn',
          });
        }
        if (!isModelCall(call)) {
          if (scope.models.size > 0) reportDynamicModel(context, call);
          return;
        }
        reportClientInput(context, call);
        const relations = scope.models.get(call.model);
        if (!relations) return;
        context.examined();
        // Nested filters may go through any tenant relation of the schema (`project: { workspace: { id } }`).
        relationNames ??= new Set([...scope.models.values()].flatMap((names) => [...names]));
        const memberField = scope.memberFields.get(call.model);
        const where: WhereScope = {
          fields: memberField ? [context.options.tenantField, memberField] : [context.options.tenantField],
          relations: relationNames,
          rowKeys: scope.rowKeys,
        };
        if (checkTenantScoped(context, call, { names: relations, guessed: scope.guessed.has(call.model) }, where)) context.couldNotVerify();
      },
    };
  },
});

interface TenantScope {
  /** Client accessor → relation fields that set the tenant when connected. */
  models: Map<string, Set<string>>;
  /** Client accessor of a membership model → the field that holds the member's user id. */
  memberFields: Map<string, string>;
  /** Accessors whose tenant relations are guessed from the field's name: the schema did not name them. */
  guessed: Set<string>;
  /** The schema's `@id` and `@unique` fields (empty without a schema). */
  rowKeys: ReadonlySet<string>;
  /** Why the schema contributed nothing, when it was configured. */
  problem?: string;
}

function resolveTenantScope(context: Context): TenantScope {
  const { tenantField, models, schemaPath } = context.options;
  const conventional = conventionalRelation(tenantField);
  const memberFields = new Map(
    context.options.membershipModels.map((entry) => entry.split('.') as [string, string]).map(([model, field]) => [accessorOf(model), field]),
  );
  const scope: TenantScope = {
    models: new Map(models.map((name) => [accessorOf(name), new Set(conventional)])),
    memberFields,
    guessed: new Set(models.map(accessorOf)),
    rowKeys: new Set(),
  };
  if (schemaPath === '') return scope;
  const text = context.readFile(schemaPath);
  if (text === undefined) return { ...scope, problem: 'the file does not exist or cannot be read' };
  const schema = context.derive(prismaModels, schemaPath, text);
  const fromSchema = tenantModelsOf(schema, tenantField);
  if (fromSchema.size === 0) return { ...scope, problem: `no model in it has the field ${tenantField}` };
  scope.rowKeys = rowKeysOf(schema);
  // The schema names the relations exactly; the conventional name is only a guess without it.
  for (const [accessor, relations] of fromSchema) {
    scope.models.set(accessor, relations);
    scope.guessed.delete(accessor);
  }
  return scope;
}

/** `tenantId` → `tenant`: the relation field Prisma's conventions put next to the foreign key. */
function conventionalRelation(field: string): string[] {
  const relation = field.replace(/_?[iI]d$/, '');
  return relation !== field && relation !== '' ? [relation] : [];
}

function reportClientInput(context: Context, call: PrismaCall): void {
  if (!call.args) return;
  const field = context.options.tenantField;
  for (const value of tenantValues(call.args, field)) {
    const source = clientInputSource(value);
    if (source !== undefined) context.report({ node: value, messageId: 'tenantFromClient', data: { field, source } });
  }
}

function reportDynamicModel(context: Context, call: DynamicModelCall): void {
  context.examined();
  context.couldNotVerify();
  const data = { call: calleeText(call.node), field: context.options.tenantField, expression: quote(call.modelExpression) };
  context.report({ node: call.modelExpression, messageId: 'dynamicModel', data, severity: 'warn' });
}

/** Checks one call on a tenant-scoped model; true when part of it could not be verified. */
function checkTenantScoped(context: Context, call: PrismaCall, relations: TenantRelations, where: WhereScope): boolean {
  const field = context.options.tenantField;
  const callee = call.node.expression;
  const filtered = FILTERED_OPERATIONS.has(call.operation);
  const created = CREATING_OPERATIONS.get(call.operation);
  const report = (messageId: MessageId, node: ts.Node) => context.report({ node, messageId, data: { call: calleeText(call.node), field } });
  let unverified = false;
  const cannotVerify = (node: ts.Node) => {
    unverified = true;
    context.report({ node, messageId: 'cannotVerify', data: { call: calleeText(call.node), field, expression: quote(node) }, severity: 'warn' });
  };
  const check: Checks = { report, cannotVerify, callee, field, relations, where, read: /^find(?:First|Unique)$/.test(call.operation) ? call.node : undefined };

  if (!call.args || isUndefinedValue(call.args)) {
    report(filtered ? 'missingWhere' : 'missingTenantData', callee);
    return false;
  }
  // `findMany(query)` with `const query = { where: ... }` declared above.
  const args = constLiteral(call.args, ['where', 'data', 'create']) ?? unwrap(call.args);
  if (!ts.isObjectLiteralExpression(args)) {
    cannotVerify(call.args);
    return true;
  }
  const view = viewObject(args, (node) => constLiteral(node, ['where', 'data', 'create']));
  if (filtered) checkWhere(view, check);
  if (created) checkCreated(view, created, call.operation.startsWith('createMany'), check);
  return unverified;
}

interface Checks {
  report: (messageId: MessageId, node: ts.Node) => void;
  cannotVerify: (node: ts.Node) => void;
  callee: ts.Node;
  field: string;
  relations: TenantRelations;
  where: WhereScope;
  /** A `findFirst`/`findUnique`: its row may be checked before use instead (`isCheckedBeforeUse`). */
  read?: ts.CallExpression;
}

/** The relation fields of a model that set its tenant when connected, and whether they are only guessed. */
interface TenantRelations {
  names: ReadonlySet<string>;
  guessed: boolean;
}

function checkWhere(view: ObjectView, check: Checks): void {
  const where = view.properties.get('where');
  if (!where) {
    const unseen = view.opaque[0] ?? alternativeSetting(view, 'where');
    if (unseen) check.cannotVerify(unseen);
    else check.report('missingWhere', check.callee);
    return;
  }
  const verdict = whereVerdict(where.value, check.where);
  if (verdict.kind === 'no' && check.read && isCheckedBeforeUse(check.read, check.where)) return;
  if (verdict.kind === 'yes' && where.overriddenBy) check.cannotVerify(where.overriddenBy);
  else reportVerdict(verdict, where.value, 'missingTenantFilter', check);
}

function checkCreated(view: ObjectView, key: 'data' | 'create', many: boolean, check: Checks): void {
  const data = view.properties.get(key);
  if (!data) {
    const unseen = view.opaque[0] ?? alternativeSetting(view, key);
    if (unseen) check.cannotVerify(unseen);
    else check.report('missingTenantData', check.callee);
    return;
  }
  const rows = many ? rowsOf(data.value) : [data.value];
  if (!Array.isArray(rows)) {
    reportVerdict(rows, data.value, 'missingTenantData', check);
    return;
  }
  for (const row of rows) reportVerdict(dataVerdict(row, check.field, check.relations.names, check.relations.guessed), row, 'missingTenantData', check);
}

/** A spread of alternatives (`...(c ? { where } : {})`) that may set `key`. */
function alternativeSetting(view: ObjectView, key: string): ts.Expression | undefined {
  return view.alternatives.find((alternative) => alternative.branches.some((branch) => branch.properties.has(key)))?.node;
}

function reportVerdict(verdict: Verdict, node: ts.Node, missing: MessageId, check: Checks): void {
  if (verdict.kind === 'no') check.report(missing, node);
  else if (verdict.kind === 'unknown') check.cannotVerify(verdict.node);
}
