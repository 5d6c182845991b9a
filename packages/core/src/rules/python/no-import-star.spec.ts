import { RuleTester, ruleRunsOn } from '../../testing/rule-tester';
import rule from './no-import-star';

const filename = 'app/views.py';

new RuleTester().run(rule, {
  valid: [
    { code: 'import os\nimport os.path as osp\nfrom app.models import User, Order\n', filename },
    { code: 'from app.models import (\n    User,\n    Order,\n)\n', filename },
    { code: 'x = a * b\nresult = fn(*args, **kwargs)\nimported = 2 ** 3\n', filename },
    { code: '# from app.models import *\nHELP = "never write from x import *"\n', filename },
    { code: 'def f():\n    """Avoid:\n\n    from os import *\n    """\n', filename },
    { code: 'msg = f"{"from os import *"}"\n', filename },
    { code: 'from .models import *\nfrom .views import *\n', filename: 'app/__init__.py', options: { allowInInit: true } },
    // By default a package's __init__.py re-exports its submodules; fixture data is not code.
    { code: 'from ._api import *\nfrom ._client import *\n', filename: 'httpx/__init__.py' },
    { code: 'from .base_events import *\n', filename: 'tests/data/cases/import_spacing.py' },
    { code: 'from .base import *\n\nDEBUG = True\n', filename: 'app/settings/dev.py', options: { allowModules: ['.base'] } },
  ],
  invalid: [
    {
      code: 'import os\nfrom os.path import *\n',
      filename,
      errors: [
        {
          messageId: 'importStar',
          line: 2,
          column: 1,
          endColumn: 22,
          message: 'Wildcard import from os.path: import the names that are used (from os.path import a, b) or the module itself.',
        },
      ],
    },
    {
      code: 'from . import *\nfrom ..utils import *\nfrom ...core.models import *\n',
      filename,
      errors: [
        {
          messageId: 'importStar',
          line: 1,
          column: 1,
          message: 'Wildcard import from .: import the names that are used (from . import a, b) or the module itself.',
        },
        {
          messageId: 'importStar',
          line: 2,
          column: 1,
          message: 'Wildcard import from ..utils: import the names that are used (from ..utils import a, b) or the module itself.',
        },
        {
          messageId: 'importStar',
          line: 3,
          column: 1,
          message: 'Wildcard import from ...core.models: import the names that are used (from ...core.models import a, b) or the module itself.',
        },
      ],
    },
    {
      // flake8's F403 is the same check: its noqa stands; a noqa for another code does not.
      code: 'import sys; from tkinter import *\nif TYPE_CHECKING:\n    from app.types import *  # noqa: F403\n    from app.more import *  # noqa: E501\n',
      filename,
      errors: [
        { messageId: 'importStar', line: 1, column: 13, endColumn: 34 },
        { messageId: 'importStar', line: 4, column: 5 },
      ],
    },
    {
      code: 'from  app.models  import  *\nfrom app \\\n    import *\n',
      filename,
      errors: [
        { messageId: 'importStar', line: 1, column: 1, endColumn: 28 },
        { messageId: 'importStar', line: 2, column: 1, endLine: 3, endColumn: 13 },
      ],
    },
    {
      code: 'DOC = """from os import *"""\nfrom os import *\n',
      filename,
      errors: [{ messageId: 'importStar', line: 2, column: 1 }],
    },
    {
      code: 'from .models import *\n',
      filename: 'app/__init__.py',
      options: { allowInInit: false },
      errors: [{ messageId: 'importStar', line: 1, column: 1 }],
    },
    {
      code: 'from .base import *\nfrom .secrets import *\n',
      filename: 'app/settings/dev.py',
      options: { allowModules: ['.base'] },
      errors: [{ messageId: 'importStar', line: 2, column: 1 }],
    },
  ],
});

it('should run on Python files only, never on TypeScript', () => {
  expect(ruleRunsOn(rule, 'app/orders.py')).toBe(true);
  expect(ruleRunsOn(rule, 'src/file.ts')).toBe(false);
});
