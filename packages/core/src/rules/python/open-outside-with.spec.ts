import { RuleTester, ruleRunsOn } from '../../testing/rule-tester';
import rule from './open-outside-with';

const filename = 'app/storage.py';

new RuleTester().run(rule, {
  valid: [
    { code: 'with open(path) as handle:\n    data = handle.read()\n', filename },
    { code: 'async def load(path):\n    async with open(path) as handle:\n        return await handle.read()\n', filename },
    { code: 'with open(src) as a, open(dst, "w") as b:\n    b.write(a.read())\n', filename },
    { code: 'with (\n    open(src) as a,\n    open(dst, "w") as b,\n):\n    b.write(a.read())\n', filename },
    { code: 'with lock, closing(open(path)) as handle:\n    pass\n', filename },
    { code: 'handle = open(path)\ntry:\n    data = handle.read()\nfinally:\n    handle.close()\n', filename },
    { code: 'def read(path):\n    try:\n        handle = open(path)\n        return handle.read()\n    finally:\n        handle.close()\n', filename },
    { code: 'try:\n    try:\n        f = open(p)\n    except OSError:\n        raise\n    use(f)\nfinally:\n    cleanup()\n', filename },
    { code: 'try:\n    f = open(p)\nexcept OSError:\n    log()\nelse:\n    use(f)\nfinally:\n    close_all()\n', filename },
    { code: 'fd = os.open(path, os.O_RDONLY)\nimg = Image.open(path)\nwebbrowser.open(url)\ntext = Path(path).open().read()\nself.open(x)\n', filename },
    { code: 'class Door:\n    def open(self, force=False):\n        self.state = "open"\n', filename },
    { code: '# data = open(path).read()\nHINT = "open(path) leaks"\nmsg = f"{open}"\n', filename },
    { code: 'def load(path):\n    """Usage:\n\n    data = open(path).read()\n    """\n', filename },
    { code: 'def opener(path, mode="r"):\n    return open(path, mode)\n', filename },
    { code: 'with ExitStack() as stack:\n    files = [stack.enter_context(open(p)) for p in paths]\n', filename },
    { code: 'from gzip import open\n\ndata = open(path).read()\n', filename },
    { code: 'opened = is_open(path) and reopen(path) and open_file(path)\nflags = dict(open=True)\n', filename },
  ],
  invalid: [
    {
      code: 'data = open(path).read()\n',
      filename,
      errors: [{ messageId: 'openOutsideWith', line: 1, column: 8, endColumn: 18 }],
    },
    {
      code: 'def save(path, text):\n    handle = open(path, "w")\n    handle.write(text)\n    handle.close()\n',
      filename,
      errors: [{ messageId: 'openOutsideWith', line: 2, column: 14, endColumn: 29 }],
    },
    {
      code: 'handle = open(\n    path,\n    "rb",\n)\n',
      filename,
      errors: [{ messageId: 'openOutsideWith', line: 1, column: 10, endLine: 4, endColumn: 2 }],
    },
    {
      code: 'try:\n    data = open(path).read()\nexcept OSError:\n    data = ""\n',
      filename,
      errors: [{ messageId: 'openOutsideWith', line: 2, column: 12 }],
    },
    {
      code: 'try:\n    run()\nexcept OSError:\n    log = open("error.log", "a")\nfinally:\n    done()\n',
      filename,
      errors: [{ messageId: 'openOutsideWith', line: 4, column: 11 }],
    },
    {
      code: 'try:\n    run()\nfinally:\n    open(marker, "w").close()\n',
      filename,
      errors: [{ messageId: 'openOutsideWith', line: 4, column: 5 }],
    },
    {
      code: 'try:\n    pass\nfinally:\n    pass\nf = open(p)\n',
      filename,
      errors: [{ messageId: 'openOutsideWith', line: 5, column: 5 }],
    },
    {
      code: 'handle = open(path)\ntry:\n    data = handle.read()\nexcept OSError:\n    handle.close()\n',
      filename,
      errors: [{ messageId: 'openOutsideWith', line: 1, column: 10 }],
    },
    {
      code: 'with lock: data = open(path).read()\nwith lock:\n    log = open(path)\n',
      filename,
      errors: [
        { messageId: 'openOutsideWith', line: 1, column: 19 },
        { messageId: 'openOutsideWith', line: 3, column: 11 },
      ],
    },
    {
      code: 'with open(a) as f:\n    g = open(b)\nrows = [open(p).read() for p in paths]\nlines = len(open(path).readlines())\n',
      filename,
      errors: [
        { messageId: 'openOutsideWith', line: 2, column: 9 },
        { messageId: 'openOutsideWith', line: 3, column: 9 },
        { messageId: 'openOutsideWith', line: 4, column: 13 },
      ],
    },
    {
      code: 'DOC = """\nwith open(p) as f:\n"""\nf = open(f"{DOC!r}.txt")\n',
      filename,
      errors: [{ messageId: 'openOutsideWith', line: 4, column: 5 }],
    },
    {
      code: 'def opener(path):\n    return open(path)\n',
      filename,
      options: { allowReturn: false },
      errors: [{ messageId: 'openOutsideWith', line: 2, column: 12 }],
    },
    {
      code: 'def test_roundtrip(tmp_path):\n    assert open(tmp_path / "x").read() == ""\n',
      filename: 'tests/test_storage.py',
      isTestFile: true,
      errors: [{ messageId: 'openOutsideWith', line: 2, column: 12 }],
    },
  ],
});

it('should run on Python files only, never on TypeScript', () => {
  expect(ruleRunsOn(rule, 'app/orders.py')).toBe(true);
  expect(ruleRunsOn(rule, 'src/file.ts')).toBe(false);
});
