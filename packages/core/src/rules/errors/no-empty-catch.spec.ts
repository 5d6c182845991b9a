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
    // A reason written once over the whole try, or over a multi-line chain (real code: postiz's workflows and OAuth pruning).
    `// Best-effort error state: otherwise the post stays queued\n// and the sweep re-publishes it.\ntry {\n  await ` +
      `markUnconfirmed(err);\n} catch (e) {\n  /**empty**/\n}`,
    `// opportunistically prune the ones nobody ever authorized\nthis.repo\n  .deleteStale(cutoff)\n  .catch(() => {});`,
    // Releasing a resource in cleanup: nothing left to protect (real code: postiz's health check).
    `try { await ping(); } finally {\n  await connection?.close().catch(() => {});\n}`,
    `try {\n  await client.disconnect();\n} catch {}`,
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
    // Over the try, a comment that says what the code does is no reason (real code: postiz's link button).
    { code: `// update link\ntry {\n  editor.chain().setLink({ href: url }).run();\n} catch (e) {}`, errors: [{ messageId: 'emptyCatch' }] },
    { code: `// prune stale apps\nthis.repo\n  .deleteStale(cutoff)\n  .catch(() => {});`, errors: [{ messageId: 'emptyCatchCallback' }] },
    // Why the call is made is not why its failure may be ignored (real code: postiz's second markUnconfirmed).
    {
      code:
        `// still marked QUEUE, record the error so the missing-posts sweep\n// doesn't re-publish it\ntry {\n  await ` +
        `markUnconfirmed(err);\n} catch (e) {\n  /**empty**/\n}`,
      errors: [{ messageId: 'emptyCatch' }],
    },
    // Only release calls: a try that also does work still loses that work's errors.
    { code: `try {\n  await client.send(msg);\n  await client.close();\n} catch {}`, errors: [{ messageId: 'emptyCatch' }] },
    { code: `save(order).close; fetchOrder().catch(() => {});`, errors: [{ messageId: 'emptyCatchCallback' }] },
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
