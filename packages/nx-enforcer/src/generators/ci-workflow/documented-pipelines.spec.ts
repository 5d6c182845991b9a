import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { githubWorkflow, gitlabPipeline } from './pipelines';

describe('the pipelines shown in docs/ci.md', () => {
  const page = readFileSync(join(__dirname, '../../../../../docs/ci.md'), 'utf8');
  const yamlUnder = (heading: string) => {
    const section = page.slice(page.indexOf(`\n## ${heading}\n`));
    const start = section.indexOf('```yaml\n') + '```yaml\n'.length;
    return section.slice(start, section.indexOf('```\n', start));
  };
  const npmWorkspace = { name: 'enforce', target: 'enforce', packageManager: 'npm', defaultBranch: 'main', node: { version: '22' } } as const;

  it('should be what the generator writes for an npm workspace (update the page when the pipelines change)', () => {
    expect(yamlUnder('GitHub Actions')).toBe(githubWorkflow(npmWorkspace));
    expect(yamlUnder('GitLab CI')).toBe(gitlabPipeline(npmWorkspace));
  });
});
