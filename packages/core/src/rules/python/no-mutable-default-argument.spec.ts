import { RuleTester, ruleRunsOn } from '../../testing/rule-tester';
import rule from './no-mutable-default-argument';

const filename = 'app/handlers.py';

new RuleTester().run(rule, {
  valid: [
    // PyCharm's inspection comment on the line above (real code: httpie's test stub Response).
    {
      code: 'class Response:\n    # noinspection PyDefaultArgument\n    def __init__(self, url, headers={}):\n        self.headers = dict(headers)\n',
      filename,
    },
    { code: 'def f(a=[]):\n    pass\n', filename: 'tests/fixtures/sample.py' },
    { code: 'def add(item, items=None):\n    items = [] if items is None else items\n    items.append(item)\n', filename },
    { code: 'def f(a=(), b=(1, 2), c="[]", d=0, e=frozenset(), f=tuple(), g=-1, h=b"{}"):\n    pass\n', filename },
    { code: 'def f(a=None, *args, b=True, **kwargs):\n    pass\n', filename },
    { code: 'def f(x: list[int] | None = None, /, y: dict[str, int] = MappingProxyType({})):\n    pass\n', filename },
    { code: 'def f(rows=DEFAULT_ROWS, key=lambda row: row[0]):\n    pass\n', filename },
    // A keyword argument of a call is evaluated at every call.
    { code: 'result = run(items=[], options={}, seen=set())\nclient = Client(headers=dict(), retries=list())\n', filename },
    { code: 'class Settings(Base, metaclass=Meta, extra={}):\n    pass\n', filename },
    { code: 'def f(limit=len([1, 2]), first=[1, 2][0], merged={**a}.keys()):\n    pass\n', filename },
    { code: '# def f(items=[]):\nHELP = "def f(items=[]): is a trap"\n', filename },
    { code: 'def f():\n    """Example:\n\n    def g(items=[]):\n        ...\n    """\n', filename },
    { code: 'msg = f"{(lambda x=[]: x)()}"\n', filename },
    { code: 'def f(x=deque()):\n    pass\n', filename, options: { mutableCalls: ['list'] } },
  ],
  invalid: [
    {
      code: 'def add(item, items=[]):\n    items.append(item)\n    return items\n',
      filename,
      errors: [
        {
          messageId: 'mutableDefault',
          line: 1,
          column: 21,
          endColumn: 23,
          message: 'Mutable default list for "items" is created once and shared by every call: default to None and create the value in the function body.',
        },
      ],
    },
    {
      code: 'def f(a={}, b={1, 2}, c={"k": 1}, d={**base}, e={x for x in y}, f=[x for x in y]):\n    pass\n',
      filename,
      errors: [
        {
          messageId: 'mutableDefault',
          column: 9,
          message: 'Mutable default dict for "a" is created once and shared by every call: default to None and create the value in the function body.',
        },
        {
          messageId: 'mutableDefault',
          column: 15,
          message: 'Mutable default set for "b" is created once and shared by every call: default to None and create the value in the function body.',
        },
        { messageId: 'mutableDefault', column: 25 },
        { messageId: 'mutableDefault', column: 37 },
        {
          messageId: 'mutableDefault',
          column: 49,
          message: 'Mutable default set for "e" is created once and shared by every call: default to None and create the value in the function body.',
        },
        {
          messageId: 'mutableDefault',
          column: 67,
          message: 'Mutable default list for "f" is created once and shared by every call: default to None and create the value in the function body.',
        },
      ],
    },
    {
      code: 'def f(a=dict(), b=list(), c=set(), d=collections.defaultdict(list), e=OrderedDict(), f=Counter()):\n    pass\n',
      filename,
      errors: [
        {
          messageId: 'mutableDefault',
          column: 9,
          endColumn: 15,
          message: 'Mutable default dict() for "a" is created once and shared by every call: default to None and create the value in the function body.',
        },
        { messageId: 'mutableDefault', column: 19 },
        { messageId: 'mutableDefault', column: 29 },
        {
          messageId: 'mutableDefault',
          column: 38,
          message:
            'Mutable default collections.defaultdict() for "d" is created once and shared by every call: default to None and create ' +
            'the value in the function body.',
        },
        { messageId: 'mutableDefault', column: 71 },
        { messageId: 'mutableDefault', column: 88 },
      ],
    },
    {
      code:
        'class Repo:\n    async def find(\n        self,\n        filters: dict[str, list[int]] = {},\n        *,\n        ' +
        'order: list = ["id", "name"],\n        **options,\n    ) -> list:\n        ...\n',
      filename,
      errors: [
        { messageId: 'mutableDefault', line: 4, column: 41, endColumn: 43 },
        { messageId: 'mutableDefault', line: 6, column: 23, endColumn: 37 },
      ],
    },
    {
      code: 'def f(a, /, b=[\n    1,\n    2,\n], *args, c=frozenset(), d={"a": (1, 2), "b": [3]}):\n    pass\n',
      filename,
      errors: [
        { messageId: 'mutableDefault', line: 1, column: 15, endLine: 4, endColumn: 2 },
        { messageId: 'mutableDefault', line: 4, column: 28 },
      ],
    },
    {
      code: 'def first[T](items: list[T] = []) -> T:\n    return items[0]\n',
      filename,
      errors: [{ messageId: 'mutableDefault', line: 1, column: 31 }],
    },
    {
      code: 'handler = lambda event, seen=set(): seen.add(event)\nitems.sort(key=lambda x, cache={}: cache.get(x))\n',
      filename,
      errors: [
        {
          messageId: 'mutableDefault',
          line: 1,
          column: 30,
          message: 'Mutable default set() for "seen" is created once and shared by every call: default to None and create the value in the function body.',
        },
        { messageId: 'mutableDefault', line: 2, column: 32 },
      ],
    },
    {
      code: 'doc = """def g(x=[]):"""\ndef h(x=f"{[]}", y=[]):  # y=[] again\n    pass\n',
      filename,
      errors: [{ messageId: 'mutableDefault', line: 2, column: 20 }],
    },
    {
      code: 'def f(x=deque(), y=np.array([])):\n    pass\n',
      filename,
      options: { mutableCalls: ['deque', 'np.array'] },
      errors: [
        { messageId: 'mutableDefault', column: 9 },
        { messageId: 'mutableDefault', column: 20 },
      ],
    },
    {
      code: 'def test_add(items=[]):\n    assert add(1, items) == [1]\n',
      filename: 'tests/test_add.py',
      isTestFile: true,
      errors: [{ messageId: 'mutableDefault', line: 1, column: 20 }],
    },
  ],
});

it('should run on Python files only, never on TypeScript', () => {
  expect(ruleRunsOn(rule, 'app/orders.py')).toBe(true);
  expect(ruleRunsOn(rule, 'src/file.ts')).toBe(false);
});
