import { parseOutputTarget, parseOutputTargets } from './output-target';

describe('output targets', () => {
  it.each([
    ['stylish', { format: 'stylish' }],
    ['junit:reports/junit.xml', { format: 'junit', file: 'reports/junit.xml' }],
    ['sarif:C:\\out\\report.sarif', { format: 'sarif', file: 'C:\\out\\report.sarif' }],
  ])('should parse %s', (text, expected) => {
    expect(parseOutputTarget(text)).toEqual(expected);
  });

  it.each([
    ['xml', /unknown format "xml"; expected one of stylish, json, sarif, markdown, junit/],
    ['junit:', /names no file after the colon/],
    ['', /unknown format ""/],
  ])('should reject %j with a message that says what to write', (text, message) => {
    expect(() => parseOutputTarget(text)).toThrow(message);
  });

  it('should allow one terminal format and any number of files', () => {
    expect(parseOutputTargets(['stylish', 'sarif:a.sarif', 'junit:a.xml'])).toHaveLength(3);
    expect(parseOutputTargets(['json:a.json', 'sarif:a.sarif'])).toHaveLength(2);
  });

  it('should refuse two formats on the terminal, and one file named twice', () => {
    expect(() => parseOutputTargets(['stylish', 'json'])).toThrow(
      'only one format can print to the terminal, not stylish and json; give the others a file, e.g. json:report.json',
    );
    expect(() => parseOutputTargets(['json:out', 'sarif:out'])).toThrow('out is named by two formats');
  });
});
