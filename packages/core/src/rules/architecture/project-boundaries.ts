import { ts } from '../../../lazy/typescript';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option, type OptionsOf, type ValueOf } from '../../engine/rule-options';
import type { WorkspaceProject } from '../../engine/workspace-view';

const dependencyConstraint = option.object(
  {
    sourceTag: option.string({ minLength: 1 }),
    onlyDependOnProjectsWithTags: option.stringArray(),
    notDependOnProjectsWithTags: option.stringArray(),
  },
  { required: ['sourceTag'] },
);

/**
 * Projects tagged `sourceTag` (`*`: every project) may only import projects that have one of
 * `onlyDependOnProjectsWithTags` (`*`: any), and none that has one of `notDependOnProjectsWithTags`.
 */
export type DependencyConstraint = ValueOf<typeof dependencyConstraint>;

const options = defineOptions({
  depConstraints: option.arrayOf(dependencyConstraint, { default: [], description: 'Constraints by tag, as in @nx/enforce-module-boundaries.' }),
  checkDeepImports: option.boolean({ default: true, description: 'Report imports that reach into another project\'s files instead of its entry point.' }),
});

export type ProjectBoundariesOptions = OptionsOf<typeof options>;

/**
 * Tag-based dependency constraints in the style of `@nx/enforce-module-boundaries`: which projects
 * may import which, and only through their public entry point. Needs the project graph, so it
 * runs through the Nx plugin; the standalone CLI has no graph and skips it.
 */
export default defineRule<'onlyDependOn' | 'notDependOn' | 'deepImport', ProjectBoundariesOptions>({
  id: 'architecture/project-boundaries',
  meta: {
    category: 'architecture',
    defaultSeverity: 'off',
    docs: {
      description: 'Enforce tag-based dependency constraints between projects and forbid deep imports into other projects.',
      rationale: 'Layering only holds if it is checked: without constraints any project can import any other, and deep imports couple callers to internals that are free to change.',
    },
    messages: {
      onlyDependOn: 'Projects tagged "{{sourceTag}}" may only depend on projects tagged {{allowed}}: "{{target}}" ({{targetTags}}) is not allowed; move the code or change the tags.',
      notDependOn: 'Projects tagged "{{sourceTag}}" must not depend on projects tagged "{{tag}}": "{{target}}" is one; move the code or invert the dependency.',
      deepImport: 'Deep import into "{{target}}" ({{specifier}}): import it through its public entry point instead.',
    },
    hints: {
      onlyDependOn: 'Import what this code needs from a project tagged {{allowed}} instead of "{{target}}" (move that code into one), or give "{{target}}" one of those tags in its project.json if it belongs there.',
      notDependOn: 'Remove the import of "{{target}}": move the code you need into a project not tagged "{{tag}}", or have the caller pass it in (an interface here, the implementation there).',
      deepImport: 'Replace {{specifier}} with the package name of "{{target}}" (its index or `exports` entry), and export what you need from that entry point if it is missing.',
    },
    options,
    keywords: ['import', 'require', 'export'],
  },
  create(context) {
    const workspace = context.workspace;
    const source = workspace?.projectOfFile(context.file);
    if (!workspace || !source) return {};
    const constraints = context.options.depConstraints.filter((constraint) => constraint.sourceTag === '*' || source.tags.includes(constraint.sourceTag));
    const check = (specifierNode: ts.Node | undefined) => {
      if (!specifierNode || !ts.isStringLiteralLike(specifierNode)) return;
      const resolved = workspace.resolveImport(specifierNode.text, context.file);
      if (!resolved) return;
      const { project: target, deep } = resolved;
      const violation = firstViolatedConstraint(constraints, target);
      if (violation) {
        context.report({ node: specifierNode, ...violation });
      } else if (deep && context.options.checkDeepImports) {
        context.report({ node: specifierNode, messageId: 'deepImport', data: { target: target.name, specifier: specifierNode.text } });
      }
    };
    return {
      ImportDeclaration(node) {
        check(node.moduleSpecifier);
      },
      ExportDeclaration(node) {
        check(node.moduleSpecifier);
      },
      ImportEqualsDeclaration(node: ts.ImportEqualsDeclaration) {
        if (ts.isExternalModuleReference(node.moduleReference)) check(node.moduleReference.expression);
      },
      CallExpression(node) {
        const callee = node.expression;
        const isImport = callee.kind === ts.SyntaxKind.ImportKeyword;
        const isRequire = ts.isIdentifier(callee) && callee.text === 'require';
        if ((isImport || isRequire) && node.arguments.length > 0) check(node.arguments[0]);
      },
    };
  },
});

type Violation = { messageId: 'onlyDependOn' | 'notDependOn'; data: Record<string, string> };

function firstViolatedConstraint(constraints: readonly DependencyConstraint[], target: WorkspaceProject): Violation | undefined {
  for (const constraint of constraints) {
    const only = constraint.onlyDependOnProjectsWithTags;
    if (only && !only.includes('*') && !only.some((tag) => target.tags.includes(tag))) {
      return {
        messageId: 'onlyDependOn',
        data: { sourceTag: constraint.sourceTag, allowed: only.map((tag) => `"${tag}"`).join(' or '), target: target.name, targetTags: target.tags.length > 0 ? target.tags.join(', ') : 'no tags' },
      };
    }
    const forbidden = (constraint.notDependOnProjectsWithTags ?? []).find((tag) => target.tags.includes(tag));
    if (forbidden) return { messageId: 'notDependOn', data: { sourceTag: constraint.sourceTag, tag: forbidden, target: target.name } };
  }
  return undefined;
}
