import { RuleTester } from '../../testing/rule-tester';
import rule from './no-swallowed-error';

new RuleTester().run(rule, {
  valid: [
    { code: `try { run(); } catch (error) { expected = true; }`, isTestFile: true },
    `try { run(); } catch (error) { throw new AppError('run failed', { cause: error }); }`,
    `try { run(); } catch (error) { logger.error(error); }`,
    `function f() { try { return run(); } catch (error) { return { ok: false, error }; } }`,
    `try { run(); } catch (error) { report(error); cleanup(); }`,
    `try { run(); } catch (error) { if (error instanceof NotFound) return; throw error; }`,
    `try { run(); } catch { fallback(); }`,
    `try { run(); } catch (_error) { fallback(); }`,
    `try { run(); } catch (e) {}`,
    `try { run(); } catch ({ message }) { logger.warn(message); }`,
    `promise.catch((error) => logger.error(error));`,
    `promise.catch(() => fallback());`,
    `promise.catch((reason) => {});`,
    { code: `try { run(); } catch (ignored) { fallback(); }`, options: { ignorePattern: '^ignored$' } },
  ],
  invalid: [
    {
      code: `try { run(); } catch (error) { fallback(); }`,
      errors: [
        {
          messageId: 'swallowed',
          line: 1,
          column: 23,
          endColumn: 28,
          message: 'The caught error "error" is never used: rethrow it, log it, return it or pass it on (or write `catch {` if ignoring it is deliberate).',
        },
      ],
    },
    { code: `try { run(); } catch (error) { result.error = null; }`, errors: [{ messageId: 'swallowed' }] },
    { code: `try { run(); } catch (error) { const handler = (error: Error) => log(error); handler; }`, errors: [{ messageId: 'swallowed' }] },
    { code: `try { run(); } catch (e) { return { e: 1 }; }`, errors: [{ messageId: 'swallowed' }] },
    { code: `promise.catch((error) => null);`, errors: [{ messageId: 'swallowedInCallback', line: 1, column: 16 }] },
    { code: `promise.catch(function (err) { retry(); });`, errors: [{ messageId: 'swallowedInCallback' }] },
    { code: `try { run(); } catch (_error) { fallback(); }`, options: { ignorePattern: '' }, errors: [{ messageId: 'swallowed' }] },
  ],
});
