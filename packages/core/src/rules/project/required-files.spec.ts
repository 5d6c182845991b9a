import { ProjectRuleTester } from '../../testing/project-rule-tester';
import rule from './required-files';

new ProjectRuleTester().run(rule, {
  valid: [
    { name: 'nothing is required by default', files: ['apps/app/src/main.ts'] },
    { name: 'the required file is there', files: ['apps/app/README.md', 'apps/app/src/main.ts'], options: { files: ['README.md'] } },
    { name: 'a glob needs one match', files: ['apps/app/docs/adr-001.md'], options: { files: ['docs/*.md'] } },
    {
      name: 'a tag rule does not apply to projects without the tag',
      files: ['apps/app/README.md'],
      project: { tags: ['type:lib'] },
      options: { files: ['README.md'], byTag: { 'type:app': ['Dockerfile'] } },
    },
    { name: 'a root project looks at the workspace root', files: ['README.md', 'src/index.ts'], project: { root: '.' }, options: { files: ['README.md'] } },
    { name: 'dot files count', files: ['apps/app/.env.example'], options: { files: ['.env.example'] } },
  ],
  invalid: [
    {
      name: 'a missing README is reported on the project root',
      files: ['apps/app/src/main.ts'],
      options: { files: ['README.md'] },
      errors: [{ messageId: 'missingFile', file: 'apps/app', message: 'Project app has no README.md: add it at apps/app/README.md.' }],
    },
    {
      name: 'the finding carries its hint',
      files: [],
      options: { files: ['OWNERS'] },
      errors: [{ messageId: 'missingFile', hint: expect.stringContaining('OWNERS') }],
    },
    {
      name: 'a file of the same name in another project or a subfolder does not count',
      files: ['apps/app/src/README.md', 'apps/app-e2e/README.md'],
      options: { files: ['README.md'] },
      errors: [{ messageId: 'missingFile' }],
    },
    {
      name: 'a tag adds requirements, and says so',
      files: ['apps/app/README.md'],
      project: { tags: ['scope:shop', 'type:app'] },
      options: { files: ['README.md'], byTag: { 'type:app': ['Dockerfile', 'README.md'] } },
      errors: [{ messageId: 'missingFile', message: 'Project app has no Dockerfile (required for tag type:app): add it at apps/app/Dockerfile.' }],
    },
    {
      name: 'each missing file is its own finding',
      files: [],
      options: { files: ['README.md', 'docs/*.md'] },
      errors: [{ messageId: 'missingFile' }, { messageId: 'missingFile' }],
    },
  ],
});
