import { RuleTester, ruleRunsOn } from '../../testing/rule-tester';
import rule from './no-bare-except';

const filename = 'app/service.py';

new RuleTester().run(rule, {
  valid: [
    { code: 'try:\n    run()\nexcept:  # noqa: E722\n    pass\n', filename: 'src/app/service.py' },
    { code: 'try:\n    run()\nexcept:\n    pass\n', filename: 'tests/data/cases/remove_parens.py' },
    { code: 'try:\n    load()\nexcept Exception:\n    log.exception("load failed")\n', filename },
    { code: 'try:\n    load()\nexcept (KeyError, ValueError) as error:\n    raise ConfigError() from error\n', filename },
    { code: 'try:\n    load()\nexcept ValueError:\n    pass\nfinally:\n    close()\n', filename },
    { code: 'try:\n    run()\nexcept* OSError as group:\n    handle(group)\n', filename },
    { code: 'try:\n    run()\nexcept BaseException:\n    rollback()\n    raise\n', filename },
    { code: '# except:\n#     pass\nvalue = 1\n', filename },
    { code: 'HELP = "wrap it in try: ... except: pass"\n', filename },
    { code: 'def f():\n    """Never write\n\n    try:\n        x()\n    except:\n        pass\n    """\n', filename },
    { code: 'message = f"{\'except:\'} is banned"\n', filename },
    { code: "template = '''\nexcept:\n    pass\n'''\n", filename },
    // By default a bare except that re-raises swallows nothing (flask's full_dispatch wrapper).
    { code: 'try:\n    run()\nexcept:\n    rollback()\n    raise\n', filename },
    { code: 'try:\n    run()\nexcept: cleanup(); raise\n', filename, options: { allowReraise: true } },
    { code: 'try:\n    run()\nexcept:\n    if failed():\n        log()\n    raise\n', filename, options: { allowReraise: true } },
    // The same text in a TypeScript file is not Python.
  ],
  invalid: [
    {
      code: 'try:\n    load()\nexcept:\n    pass\n',
      filename,
      errors: [{ messageId: 'bareExcept', line: 3, column: 1, endColumn: 8 }],
    },
    {
      code: 'def main():\n    try:\n        run()\n    except ValueError:\n        retry()\n    except :\n        pass\n',
      filename,
      errors: [{ messageId: 'bareExcept', line: 6, column: 5, endColumn: 13 }],
    },
    {
      code: 'try: run()\nexcept: pass  # ignore "except Exception:"\n',
      filename,
      errors: [{ messageId: 'bareExcept', line: 2, column: 1 }],
    },
    {
      code:
        'class Job:\n    def run(self):\n        try:\n            self.step()\n        except:\n            try:\n             ' +
        '   self.undo()\n            except:\n                pass\n',
      filename,
      errors: [
        { messageId: 'bareExcept', line: 5, column: 9 },
        { messageId: 'bareExcept', line: 8, column: 13 },
      ],
    },
    {
      code: 'doc = """\nexcept:\n"""\ntry:\n    x = f"{d["k"]}"\nexcept:\n    x = None\n',
      filename,
      errors: [{ messageId: 'bareExcept', line: 6, column: 1 }],
    },
    {
      code: 'try:\r\n    run()\r\nexcept:\r\n    pass\r\n',
      filename: 'tools/win.py',
      errors: [{ messageId: 'bareExcept', line: 3, column: 1 }],
    },
    {
      code: 'try:\n    run()\nexcept:\n    rollback()\n    raise\n',
      filename,
      options: { allowReraise: false },
      errors: [{ messageId: 'bareExcept', line: 3 }],
    },
    {
      code: 'try:\n    run()\nexcept:\n    raise RuntimeError("failed")\n',
      filename,
      options: { allowReraise: true },
      errors: [{ messageId: 'bareExcept', line: 3 }],
    },
    {
      code: 'try:\n    run()\nexcept:\n    log()\nraise\n',
      filename,
      options: { allowReraise: true },
      errors: [{ messageId: 'bareExcept', line: 3 }],
    },
    {
      code: 'try:\n    run()\nexcept:\n    pass\n',
      filename: 'tests/test_service.py',
      isTestFile: true,
      errors: [{ messageId: 'bareExcept', line: 3 }],
    },
  ],
});

it('should run on Python files only, never on TypeScript', () => {
  expect(ruleRunsOn(rule, 'app/orders.py')).toBe(true);
  expect(ruleRunsOn(rule, 'src/file.ts')).toBe(false);
});
