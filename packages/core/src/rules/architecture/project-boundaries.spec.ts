import { createWorkspaceView } from '../../engine/workspace-view';
import { RuleTester } from '../../testing/rule-tester';
import rule from './project-boundaries';

const workspace = createWorkspaceView({
  projects: [
    { name: 'shop-app', root: 'apps/shop', tags: ['type:app', 'scope:shop'] },
    { name: 'shop-feature', root: 'libs/shop/feature', tags: ['type:feature', 'scope:shop'], packageName: '@acme/shop-feature' },
    {
      name: 'shop-ui',
      root: 'libs/shop/ui',
      tags: ['type:ui', 'scope:shop'],
      packageName: '@acme/shop-ui',
      packageExports: { '.': './src/index.ts', './button': './src/button.ts' },
    },
    { name: 'admin-data', root: 'libs/admin/data', tags: ['type:data', 'scope:admin'], packageName: '@acme/admin-data' },
    { name: 'shared-util', root: 'libs/shared/util', tags: ['type:util', 'scope:shared'] },
  ],
  pathAliases: { '@acme/shared-util': ['libs/shared/util/src/index.ts'], '@acme/shared-util/*': ['libs/shared/util/src/*'] },
});

const layers = {
  depConstraints: [
    { sourceTag: 'type:ui', onlyDependOnProjectsWithTags: ['type:ui', 'type:util'] },
    { sourceTag: 'scope:shop', notDependOnProjectsWithTags: ['scope:admin'] },
  ],
};
const engine = {
  depConstraints: [
    { sourceTag: 'type:ui', bannedExternalImports: ['nx', '@nx/*'] },
    { sourceTag: 'scope:shop', bannedExternalImports: ['react*'] },
  ],
};
const ui = 'libs/shop/ui/src/card.ts';
const feature = 'libs/shop/feature/src/page.ts';

new RuleTester().run(rule, {
  valid: [
    { code: `import { format } from '@acme/shared-util';`, filename: ui, workspace, options: layers },
    { code: `import { Button } from '@acme/shop-ui/button';`, filename: feature, workspace, options: layers },
    { code: `import { Card } from './card';\nimport { x } from '../lib/x';`, filename: ui, workspace, options: layers },
    { code: `import { readFile } from 'node:fs';\nimport React from 'react';`, filename: ui, workspace, options: layers },
    { code: `import { Page } from '@acme/shop-feature';`, filename: 'apps/shop/src/main.ts', workspace, options: layers },
    { code: `import { Admin } from '@acme/admin-data';`, filename: 'libs/admin/data/src/x.ts', workspace, options: layers },
    { code: `const help = "import '@acme/admin-data'";\n// import { Admin } from '@acme/admin-data';`, filename: feature, workspace, options: layers },
    { code: `import { Admin } from '@acme/admin-data';`, filename: feature, options: layers },
    { code: `import { x } from '@acme/shared-util/src/internal';`, filename: feature, workspace, options: { ...layers, checkDeepImports: false } },
    {
      code: `import { readFile } from 'node:fs';\nimport { format } from '@acme/shared-util';\nimport { x } from './nx';\nimport { y } from '../@nx/devkit';`,
      filename: ui,
      workspace,
      options: engine,
    },
    { code: `import { Page } from 'nx-enforcer';\nimport { z } from '@nxx/devkit';\nimport { w } from 'nx-like';`, filename: ui, workspace, options: engine },
    { code: `import { Tree } from '@nx/devkit';`, filename: 'libs/admin/data/src/x.ts', workspace, options: engine },
    { code: `import { Tree } from '@nx/devkit';`, filename: ui, options: engine },
    {
      code: `import { Button } from '@acme/shop-ui/button';`,
      filename: ui,
      workspace,
      options: { depConstraints: [{ sourceTag: 'type:ui', bannedExternalImports: ['@acme/*'] }] },
    },
  ],
  invalid: [
    {
      code: `import { Page } from '@acme/shop-feature';`,
      filename: ui,
      workspace,
      options: layers,
      errors: [
        {
          messageId: 'onlyDependOn',
          line: 1,
          column: 22,
          message:
            'Projects tagged "type:ui" may only depend on projects tagged "type:ui" or "type:util": "shop-feature" (type:feature, ' +
            'scope:shop) is not allowed; move the code or change the tags.',
        },
      ],
    },
    {
      code: `import { Admin } from '@acme/admin-data';`,
      filename: feature,
      workspace,
      options: layers,
      errors: [
        {
          messageId: 'notDependOn',
          message:
            'Projects tagged "scope:shop" must not depend on projects tagged "scope:admin": "admin-data" is one; move the code or invert the dependency.',
        },
      ],
    },
    { code: `export { Admin } from '@acme/admin-data';`, filename: feature, workspace, options: layers, errors: [{ messageId: 'notDependOn' }] },
    { code: `const admin = await import('@acme/admin-data');`, filename: feature, workspace, options: layers, errors: [{ messageId: 'notDependOn' }] },
    {
      code: `const admin = require('@acme/admin-data');`,
      filename: 'libs/shop/feature/src/page.js',
      workspace,
      options: layers,
      errors: [{ messageId: 'notDependOn' }],
    },
    { code: `import admin = require('@acme/admin-data');`, filename: feature, workspace, options: layers, errors: [{ messageId: 'notDependOn' }] },
    {
      code: `import { x } from '../../../shared/util/src/internal';`,
      filename: feature,
      workspace,
      options: layers,
      errors: [
        {
          messageId: 'deepImport',
          message: 'Deep import into "shared-util" (../../../shared/util/src/internal): import it through its public entry point instead.',
        },
      ],
    },
    { code: `import { x } from '@acme/shared-util/internal';`, filename: feature, workspace, options: layers, errors: [{ messageId: 'deepImport' }] },
    { code: `import { Icon } from '@acme/shop-ui/src/icon';`, filename: feature, workspace, options: layers, errors: [{ messageId: 'deepImport' }] },
    {
      code: `import { Page } from '@acme/shop-feature/src/page';`,
      filename: 'apps/shop/src/main.ts',
      workspace,
      options: layers,
      errors: [{ messageId: 'deepImport' }],
    },
    {
      code: `import { x } from '@acme/shared-util';`,
      filename: feature,
      workspace,
      options: { depConstraints: [{ sourceTag: '*', onlyDependOnProjectsWithTags: ['type:ui'] }] },
      errors: [{ messageId: 'onlyDependOn' }],
    },
    {
      code: `import type { Tree } from '@nx/devkit';`,
      filename: ui,
      workspace,
      options: engine,
      errors: [
        {
          messageId: 'bannedExternalImport',
          line: 1,
          column: 27,
          message: 'Projects tagged "type:ui" must not import the npm package "@nx/devkit" (@nx/devkit): it matches "@nx/*" in their bannedExternalImports.',
        },
      ],
    },
    {
      code: `import { readJson } from '@nx/devkit/internal';`,
      filename: ui,
      workspace,
      options: engine,
      errors: [
        { messageId: 'bannedExternalImport', data: { sourceTag: 'type:ui', packageName: '@nx/devkit', specifier: '@nx/devkit/internal', pattern: '@nx/*' } },
      ],
    },
    {
      code: `import { workspaceRoot } from 'nx/src/utils/workspace-root';`,
      filename: ui,
      workspace,
      options: engine,
      errors: [
        { messageId: 'bannedExternalImport', data: { sourceTag: 'type:ui', packageName: 'nx', specifier: 'nx/src/utils/workspace-root', pattern: 'nx' } },
      ],
    },
    { code: `export { Tree } from '@nx/devkit';`, filename: ui, workspace, options: engine, errors: [{ messageId: 'bannedExternalImport' }] },
    {
      code: `const devkit = require('@nx/devkit');`,
      filename: 'libs/shop/ui/src/card.js',
      workspace,
      options: engine,
      errors: [{ messageId: 'bannedExternalImport' }],
    },
    { code: `import devkit = require('@nx/devkit');`, filename: ui, workspace, options: engine, errors: [{ messageId: 'bannedExternalImport' }] },
    { code: `const devkit = await import('@nx/devkit');`, filename: ui, workspace, options: engine, errors: [{ messageId: 'bannedExternalImport' }] },
    {
      code: `import React from 'react';\nimport { render } from 'react-dom/client';`,
      filename: feature,
      workspace,
      options: engine,
      errors: [
        { messageId: 'bannedExternalImport', line: 1, data: { sourceTag: 'scope:shop', packageName: 'react', specifier: 'react', pattern: 'react*' } },
        {
          messageId: 'bannedExternalImport',
          line: 2,
          data: { sourceTag: 'scope:shop', packageName: 'react-dom', specifier: 'react-dom/client', pattern: 'react*' },
        },
      ],
    },
    {
      code: `import { Tree } from '@nx/devkit';`,
      filename: 'apps/shop/src/main.ts',
      workspace,
      options: { depConstraints: [{ sourceTag: '*', bannedExternalImports: ['@nx/*'] }] },
      errors: [{ messageId: 'bannedExternalImport', data: { sourceTag: '*', packageName: '@nx/devkit', specifier: '@nx/devkit', pattern: '@nx/*' } }],
    },
  ],
});
