import { ProjectRuleTester } from '../../testing/project-rule-tester';
import rule from './forbidden-paths';

new ProjectRuleTester().run(rule, {
  valid: [
    { name: 'nothing is forbidden by default', files: ['apps/app/src/legacy/old.ts'] },
    { name: 'no file matches', files: ['apps/app/src/main.ts'], options: { paths: ['src/legacy/**'] } },
    { name: 'globs are relative to the project root', files: ['apps/app/src/main.ts', 'legacy/x.ts'], options: { paths: ['legacy/**'] } },
    { name: 'a look-alike name is not the folder', files: ['apps/app/src/legacy-adapter.ts'], options: { paths: ['src/legacy/**'] } },
    {
      name: 'tag rules skip other projects',
      files: ['apps/app/src/db/query.ts'],
      project: { tags: ['type:ui'] },
      options: { byTag: { 'type:feature': ['src/db/**'] } },
    },
  ],
  invalid: [
    {
      name: 'each file in a retired folder is reported at its path',
      files: ['apps/app/src/main.ts', 'apps/app/src/legacy/a.ts', 'apps/app/src/legacy/deep/b.ts'],
      options: { paths: ['src/legacy/**'] },
      errors: [
        {
          messageId: 'forbiddenPath',
          file: 'apps/app/src/legacy/a.ts',
          message: 'apps/app/src/legacy/a.ts is at a forbidden path (src/legacy/**): move it out of src/legacy/** or delete it.',
        },
        { messageId: 'forbiddenPath', file: 'apps/app/src/legacy/deep/b.ts' },
      ],
    },
    {
      name: 'a banned file kind anywhere in the project',
      files: ['apps/app/src/.env', 'apps/app/src/main.ts'],
      options: { paths: ['**/.env'] },
      errors: [{ messageId: 'forbiddenPath', file: 'apps/app/src/.env' }],
    },
    {
      name: 'a tag adds forbidden paths, and says so',
      files: ['apps/app/src/db/query.ts'],
      project: { tags: ['type:ui'] },
      options: { byTag: { 'type:ui': ['src/db/**'] } },
      errors: [
        {
          messageId: 'forbiddenPath',
          message: 'apps/app/src/db/query.ts is at a forbidden path (src/db/**, forbidden for tag type:ui): move it out of src/db/** or delete it.',
        },
      ],
    },
    {
      name: 'a root project reports workspace-relative paths',
      files: ['old/x.ts'],
      project: { root: '.' },
      options: { paths: ['old/**'] },
      errors: [{ messageId: 'forbiddenPath', file: 'old/x.ts' }],
    },
  ],
});
