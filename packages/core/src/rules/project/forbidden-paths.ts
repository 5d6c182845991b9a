import picomatch from 'picomatch';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';
import { projectPathPrefix } from '../../engine/workspace-paths';

/**
 * The original enforcer's "legacy path" check, generalised: folders a migration retired, or files
 * that must never be committed into a project, stay gone.
 */
export default defineRule({
  id: 'project/forbidden-paths',
  meta: {
    category: 'project',
    defaultSeverity: 'off',
    scope: 'project',
    docs: {
      description: 'Disallow files at paths a project must not contain, such as a retired legacy folder.',
      rationale:
        'A retired folder or a file kind a team banned comes back through copy-paste and old branches; without a check nobody ' +
        'notices until the old code is depended on again.',
    },
    messages: {
      forbiddenPath: '{{file}} is at a forbidden path ({{pattern}}{{reason}}): move it out of {{pattern}} or delete it.',
    },
    hints: {
      forbiddenPath: 'Delete {{file}} (`git rm {{file}}`), or move what is still used to a path that {{pattern}} does not match and update its imports.',
    },
    options: defineOptions({
      paths: option.stringArray({
        default: [],
        description: 'Globs, relative to the project root, that no file of any project may match (a folder is `legacy/**`).',
      }),
      byTag: option.record(option.stringArray(), { default: {}, description: 'Per Nx tag, globs that no file of a project with that tag may match.' }),
    }),
  },
  checkProject(context) {
    const forbidden: Array<{ pattern: string; reason: string }> = context.options.paths.map((pattern) => ({ pattern, reason: '' }));
    for (const tag of [...context.project.tags].sort()) {
      for (const pattern of context.options.byTag[tag] ?? []) forbidden.push({ pattern, reason: `, forbidden for tag ${tag}` });
    }
    if (forbidden.length === 0) return;
    const matchers = forbidden.map((entry) => ({ ...entry, matches: picomatch(entry.pattern, { dot: true }) }));
    const prefix = projectPathPrefix(context.project.root);
    for (const file of context.files) {
      // One finding per file, for the first pattern it matches.
      const hit = matchers.find((matcher) => matcher.matches(file));
      if (hit)
        context.report({ messageId: 'forbiddenPath', file: `${prefix}${file}`, data: { file: `${prefix}${file}`, pattern: hit.pattern, reason: hit.reason } });
    }
  },
});
