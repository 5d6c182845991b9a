import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import type { ModuleBindings } from '../rule-utils/qualified-call-name';
import { className, classOfThis, hasNestDecorator, NEST_KEYWORDS, fileNestBindings, thisPropertyName } from './nestjs-utils/nest-decorators';

export const DEFAULT_CLIENT_NAMES = ['prisma', 'prismaService', 'db', 'dataSource', 'entityManager', 'em'];
export const DEFAULT_REPOSITORY_PATTERN = '(?:^r|R)epo(?:sitory)?$';

/**
 * Controllers translate HTTP into calls of the application; queries written in them cannot be
 * reused by other entry points (queues, CLI, other controllers), hide business rules in the
 * transport layer and make handlers hard to test without a database.
 */
export default defineRule({
  id: 'nestjs/no-data-access-in-controller',
  meta: {
    category: 'nestjs',
    defaultSeverity: 'warn',
    // Tests do on purpose what this rule forbids in application code.
    testFiles: 'skip',
    docs: {
      description: 'Disallow database client and repository calls (Prisma, TypeORM, MikroORM...) directly in NestJS controllers.',
      rationale:
        'Data access in a controller mixes the HTTP layer with persistence: the query cannot be reused by other entry points, ' +
        'business rules end up in handlers, and the controller cannot be tested without a database.',
    },
    messages: {
      dataAccess:
        'Controller "{{controller}}" queries the database directly through this.{{client}}: move the data access into an ' +
        'injected service and call that from the handler.',
    },
    hints: {
      dataAccess:
        'Move this query into a method of an @Injectable() service that injects this.{{client}}, inject that service ' +
        "into {{controller}}'s constructor, and call the service method here.",
    },
    options: defineOptions({
      clientNames: option.stringArray({
        default: DEFAULT_CLIENT_NAMES,
        description: 'Property names under which database clients are injected (`this.prisma`, `this.dataSource`...).',
      }),
      repositoryPattern: option.string({
        default: DEFAULT_REPOSITORY_PATTERN,
        description: 'Regular expression matched against property names of repositories; an empty string turns repository detection off.',
      }),
    }),
    keywords: NEST_KEYWORDS,
  },
  create(context) {
    const clients = new Set(context.options.clientNames);
    const repository = context.options.repositoryPattern === '' ? undefined : new RegExp(context.options.repositoryPattern);
    const isDataAccess = (name: string) => clients.has(name) || (repository?.test(name) ?? false);
    let bindings: ModuleBindings | undefined;
    return {
      SourceFile(node) {
        bindings = context.service(fileNestBindings);
      },
      PropertyAccessExpression(node) {
        const client = bindings && thisPropertyName(node);
        if (client === undefined || !isDataAccess(client)) return;
        const callee = calledChain(node);
        const controller = callee && classOfThis(node);
        if (!callee || !controller || !hasNestDecorator(controller, 'Controller', bindings as ModuleBindings)) return;
        // `private readonly db: PrismaHealthIndicator` (from @nestjs/terminus): a Nest utility, whatever its name.
        if (isNestUtility(controller, client, bindings as ModuleBindings)) return;
        context.report({ node: callee, messageId: 'dataAccess', data: { controller: className(controller), client } });
      },
    };
  },
});

/**
 * The callee of the first call made through `this.client` (`this.prisma.user.findMany`,
 * `this.db.select`), or undefined when the property is only read (passed along, compared...).
 */
function calledChain(access: ts.PropertyAccessExpression): ts.Expression | undefined {
  let current: ts.Expression = access;
  for (;;) {
    const parent = current.parent;
    if ((ts.isCallExpression(parent) && parent.expression === current) || (ts.isTaggedTemplateExpression(parent) && parent.tag === current)) return current;
    const continues =
      ((ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent)) && parent.expression === current) ||
      ts.isNonNullExpression(parent) ||
      ts.isParenthesizedExpression(parent);
    if (!continues) return undefined;
    current = parent as ts.Expression;
  }
}

/** The member `name` of the class is declared with a type imported from a `@nestjs/*` package: Nest's own helpers hold no data. */
function isNestUtility(controller: ts.ClassLikeDeclaration, name: string, bindings: ModuleBindings): boolean {
  const declared = controller.members
    .flatMap((member): Array<ts.PropertyDeclaration | ts.ParameterDeclaration> =>
      ts.isConstructorDeclaration(member) ? [...member.parameters] : ts.isPropertyDeclaration(member) ? [member] : [],
    )
    .find((member) => ts.isIdentifier(member.name) && member.name.text === name);
  const type = declared?.type;
  if (!type || !ts.isTypeReferenceNode(type)) return false;
  const root = ts.isIdentifier(type.typeName) ? type.typeName : type.typeName.left;
  const module = ts.isIdentifier(root) ? bindings.get(root.text)?.module : undefined;
  return module !== undefined && module.startsWith('@nestjs/');
}
