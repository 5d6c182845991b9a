import picomatch from 'picomatch';
import { defineRule } from '../../engine/define-rule';
import { defineOptions, option } from '../../engine/rule-options';

/**
 * The original enforcer checked that each project kept its "memory bank" documents; this is that
 * check for any file a team agrees every project (or every project of a kind) must have.
 */
export default defineRule({
  id: 'project/required-files',
  meta: {
    category: 'project',
    defaultSeverity: 'off',
    scope: 'project',
    docs: {
      description: 'Require files every project (or every project with a tag) must contain, such as a README.',
      rationale:
        "Conventions that live only in people's heads erode: a project without its README, runbook or ownership file is found " +
        'when someone needs it, not when it was created.',
    },
    messages: {
      missingFile: 'Project {{project}} has no {{file}}{{reason}}: add it at {{root}}/{{file}}.',
    },
    hints: {
      missingFile: 'Create {{root}}/{{file}} (for a glob, any file that matches it) and commit it with the project.',
    },
    options: defineOptions({
      files: option.stringArray({
        default: [],
        description: 'Paths or globs, relative to the project root, that every project must contain (a glob needs one match).',
      }),
      byTag: option.record(option.stringArray(), { default: {}, description: 'Per Nx tag, paths or globs that projects with that tag must also contain.' }),
    }),
  },
  checkProject(context) {
    const required = new Map<string, string>();
    for (const file of context.options.files) required.set(file, '');
    for (const tag of [...context.project.tags].sort()) {
      for (const file of context.options.byTag[tag] ?? []) if (!required.has(file)) required.set(file, ` (required for tag ${tag})`);
    }
    for (const [pattern, reason] of required) {
      const matches = picomatch(pattern, { dot: true });
      if (!context.files.some((file) => matches(file))) {
        context.report({ messageId: 'missingFile', data: { project: context.project.name, file: pattern, reason, root: context.project.root } });
      }
    }
  },
});
