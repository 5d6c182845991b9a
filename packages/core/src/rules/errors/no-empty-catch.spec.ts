import { RuleTester } from '../../testing/rule-tester';
import rule from './no-empty-catch';

new RuleTester().run(rule, {
  valid: [
    // The reason on the line just above counts, as teams write it.
    `// best effort: pruning may race with another instance\nprune().catch(() => {});`,
    `try {\n  rimraf.sync(out);\n} catch {\n  // ignored\n}`,
    { code: `it("throws", () => { try { parse("x"); } catch {} });`, isTestFile: true },
    `try { work(); } catch (e) { throw new Error('wrapped', { cause: e }); }`,
    `function f() { try { return work(); } catch { return undefined; } }`,
    `try { work(); } catch (e) { logger.error(e); }`,
    `try { work(); } catch (e) { console.error(e); }`,
    `try { work(); } catch {\n  // optional cache: a miss is fine\n}`,
    `try { work(); } catch { /* best effort: the file may be gone already */ }`,
    `promise.catch(handleError);`,
    `promise.catch((e) => logger.warn(e));`,
    `promise.catch(() => {\n  // already reported by the interceptor\n});`,
    `const text = 'try { x } catch {}';`,
    `try { work(); } finally { cleanup(); }`,
    `try { track(event); } catch {\n  // never let telemetry break a request\n}`,
    `try { work(); } catch {\n  /* intentionally empty: the regex stays null */\n}`,
  ],
  invalid: [
    { code: `const a = 1;\nprune().catch(() => {});`, errors: [{ messageId: 'emptyCatchCallback', line: 2 }] },
    { code: `try { work(); } catch (e) {}`, errors: [{ messageId: 'emptyCatch', line: 1, column: 17, endColumn: 29 }] },
    { code: `try {\n  work();\n} catch {\n}`, errors: [{ messageId: 'emptyCatch', line: 3, column: 3 }] },
    { code: `try { work(); } catch (e) {} finally { done(); }`, errors: [{ messageId: 'emptyCatch' }] },
    { code: `try { work(); } catch (e) { // \n}`, errors: [{ messageId: 'emptyCatch' }] },
    // Comments that only say the block is empty are no reason (real code: postiz's `/** empty **/`).
    { code: `try { await retweet(id); } catch (err) {\n  /** empty **/\n}`, errors: [{ messageId: 'emptyCatch' }] },
    { code: `try { await detach(id); } catch (err) {\n  /*dont do anything*/\n}`, errors: [{ messageId: 'emptyCatch' }] },
    { code: `try { return await call.get(url); } catch (e) {\n  // Handle error silently\n}`, errors: [{ messageId: 'emptyCatch' }] },
    { code: `// TODO\nload().catch(() => {});`, errors: [{ messageId: 'emptyCatchCallback' }] },
    {
      code: `try { work(); } catch {\n  // ignored\n}`,
      options: { allowWithComment: false },
      errors: [{ messageId: 'emptyCatch' }],
    },
    {
      code: `function outer() {\n  try { a(); } catch (e) { try { b(); } catch {} }\n}`,
      errors: [{ messageId: 'emptyCatch', line: 2, column: 41 }],
    },
    { code: `promise.catch(() => {});`, errors: [{ messageId: 'emptyCatchCallback', line: 1, column: 15 }] },
    { code: `fetchData().then(render).catch(function () {});`, errors: [{ messageId: 'emptyCatchCallback' }] },
    { code: `try { x(); } catch (e) {}`, filename: 'lib/x.js', errors: [{ messageId: 'emptyCatch' }] },
  ],
});
