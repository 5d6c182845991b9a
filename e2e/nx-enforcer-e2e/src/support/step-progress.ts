// Registered by jest.config.cjs (setupFilesAfterEnv): every test of the e2e prints its start and end.
import { progress, seconds } from './progress';

let started = 0;

beforeEach(() => {
  started = Date.now();
  const name = expect.getState().currentTestName;
  if (name) progress(`▶ ${name}`);
});

afterEach(() => {
  const name = expect.getState().currentTestName;
  if (name) progress(`■ ${name} (${seconds(started)})`);
});
