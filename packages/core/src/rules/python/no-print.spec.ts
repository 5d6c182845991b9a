import { RuleTester, ruleRunsOn } from '../../testing/rule-tester';
import rule from './no-print';

const filename = 'app/orders.py';
const PYPROJECT =
  '[project]\nname = "httpie"\n\n[project.scripts]\nhttp = "httpie.__main__:main"\nhttpie = ' +
  '\'httpie.manager.__main__:main\'\n\n[tool.poetry.scripts]\nblk = "black:patched_main"\n';

new RuleTester().run(rule, {
  valid: [
    { code: 'print(report)  # noqa: T201\nprint(summary)  # noqa\n', filename },
    { code: 'print(report)  # pylint: disable=print-statement\n', filename },
    { code: '#!/usr/bin/env python3\nprint("done")\n', filename: 'src/pkg/release.py' },
    { code: 'print("usage: dump <file>")\n', filename: 'tools/dump.py' },
    { code: 'print(response.json())\n', filename: 'docs/examples/get.py' },
    { code: 'import logging\n\nlogger = logging.getLogger(__name__)\nlogger.info("created %s", order_id)\n', filename },
    { code: 'self.print(report)\nprinter.print(page)\nconsole.print("[bold]done")\n', filename },
    { code: 'from pprint import pprint\npprint(data)\nblueprint(app)\nprint_report(data)\n', filename },
    { code: 'class Document:\n    def print(self, copies=1):\n        ...\n', filename },
    { code: '# print(order)\nHINT = "use print(x) to debug"\nmsg = f"{print}"\n', filename },
    { code: 'def run():\n    """Do it.\n\n    >>> print(run())\n    """\n', filename },
    { code: 'from __future__ import print_function\nflags = dict(print=True)\nprinter = print\n', filename },
    { code: 'from rich import print\n\nprint("[green]ok[/]")\n', filename },
    { code: 'try:\n    from rich import print\nexcept ImportError:\n    pass\n\nprint("ok")\n', filename },
    { code: 'def print(*args):\n    logger.info(" ".join(map(str, args)))\n\nprint("routed to the logger")\n', filename },
    { code: 'def main():\n    return 0\n\nif __name__ == "__main__":\n    print("starting")\n    sys.exit(main())\n', filename },
    { code: "if '__main__' == __name__: print(main())\n", filename },
    { code: 'def test_total():\n    print(total([1, 2]))\n    assert total([1, 2]) == 3\n', filename: 'tests/test_orders.py', isTestFile: true },
    { code: 'print("migrating")\n', filename: 'tools/scripts/migrate.py' },
    { code: 'print("usage: python -m app")\n', filename: 'app/__main__.py' },
    { code: 'print("generated")\n', filename: 'build/gen.py', options: { entryPoints: ['build/**'] } },
    // Modules the nearest pyproject.toml declares as console scripts (flat or src/ layout, module or package).
    { code: 'print("usage")\n', filename: 'services/httpie/httpie/manager/__main__.py', files: { 'services/httpie/pyproject.toml': PYPROJECT } },
    { code: 'print("reformatted")\n', filename: 'services/httpie/src/black/__init__.py', files: { 'services/httpie/pyproject.toml': PYPROJECT } },
  ],
  invalid: [
    {
      code: 'print("x")\n',
      filename: 'services/httpie/httpie/models.py',
      files: { 'services/httpie/pyproject.toml': PYPROJECT },
      errors: [{ messageId: 'unexpectedPrint' }],
    },
    {
      code: 'def create(order):\n    print("creating", order)\n    save(order)\n',
      filename,
      errors: [{ messageId: 'unexpectedPrint', line: 2, column: 5, endColumn: 10 }],
    },
    {
      code: 'x = 1; print(x)\nvalues = [print (v) for v in items]\nlog = lambda m: print(m, file=sys.stderr)\n',
      filename,
      errors: [
        { messageId: 'unexpectedPrint', line: 1, column: 8 },
        { messageId: 'unexpectedPrint', line: 2, column: 11 },
        { messageId: 'unexpectedPrint', line: 3, column: 17 },
      ],
    },
    {
      code: 'summary = f"{total!r}"  # print(summary)\nprint(\n    f"{summary} print(not this)",\n)\n',
      filename,
      errors: [{ messageId: 'unexpectedPrint', line: 2, column: 1 }],
    },
    {
      code: 'class Document:\n    def print(self):\n        print(self.text)\n',
      filename,
      errors: [{ messageId: 'unexpectedPrint', line: 3, column: 9 }],
    },
    {
      code: 'from rich import print as rprint\nprint("plain")\n',
      filename,
      errors: [{ messageId: 'unexpectedPrint', line: 2, column: 1 }],
    },
    {
      code: 'def main():\n    print("in main, not under the guard")\n\nif __name__ == "__main__":\n    main()\nelse:\n    print("imported")\n',
      filename,
      errors: [
        { messageId: 'unexpectedPrint', line: 2, column: 5 },
        { messageId: 'unexpectedPrint', line: 7, column: 5 },
      ],
    },
    {
      code: 'if __name__ == "__main__":\n    print("starting")\n',
      filename,
      options: { allowInMain: false },
      errors: [{ messageId: 'unexpectedPrint', line: 2, column: 5 }],
    },
    {
      code: 'print("migrating")\n',
      filename: 'tools/scripts/migrate.py',
      options: { entryPoints: [] },
      errors: [{ messageId: 'unexpectedPrint', line: 1, column: 1 }],
    },
    {
      code: '"""Module docstring with print(x)."""\nimport sys\n\nprint(sys.argv)\n',
      filename: 'lib/conftest_helpers.py',
      errors: [{ messageId: 'unexpectedPrint', line: 4, column: 1 }],
    },
  ],
});

it('should run on Python files only, never on TypeScript', () => {
  expect(ruleRunsOn(rule, 'app/orders.py')).toBe(true);
  expect(ruleRunsOn(rule, 'src/file.ts')).toBe(false);
});
