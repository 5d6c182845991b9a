import { ENFORCE_TARGET, enforceTargetOfFix, fixTargetNameOf, isFixTargetName, watchTargetNameOf } from './output-names';

describe('output and target names', () => {
  it('should name the fix and watch targets after the check target', () => {
    expect(fixTargetNameOf(ENFORCE_TARGET)).toBe('enforce-fix');
    expect(watchTargetNameOf(ENFORCE_TARGET)).toBe('enforce-watch');
    expect(fixTargetNameOf('lint-policy')).toBe('lint-policy-fix');
  });

  it('should find the check target beside a fix target, and fall back to the default for other names', () => {
    expect(enforceTargetOfFix('lint-policy-fix')).toBe('lint-policy');
    expect(enforceTargetOfFix(fixTargetNameOf(ENFORCE_TARGET))).toBe(ENFORCE_TARGET);
    expect(enforceTargetOfFix('check')).toBe(ENFORCE_TARGET);
  });

  it('should tell a fix target by its name', () => {
    expect([isFixTargetName('enforce-fix'), isFixTargetName('enforce'), isFixTargetName('enforce-watch')]).toEqual([true, false, false]);
  });
});
