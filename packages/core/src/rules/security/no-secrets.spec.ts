import { lintSource } from '../../engine/lint-source';
import { applyFixes } from '../../runner/apply-fixes';
import { RuleTester } from '../../testing/rule-tester';
import rule, { environmentNameOf } from './no-secrets';

// Built from parts so that this spec file itself holds no scannable token.
const aws = ['AKIA', 'QW7RT2ZX9LKPMN4B'].join('');
const github = ['ghp', '_', 'a8K2mQ9xZ4vB7nP1rT6yU3wE5sD0fG8hJ2kL'].join('');
const slack = ['xoxb', '-2948571034-8475619203-Qw8Er7Ty6Ui5'].join('');
const google = ['AIza', 'SyD4f8K2mQ9xZ4vB7nP1rT6yU3wE5sD0fG8'].join('');
const stripe = ['sk', '_live_', '51Hx8K2mQ9xZ4vB7nP1rT6yU3w'].join('');
const jwt = ['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'].join('.');
const pem = ['-----BEGIN RSA ', 'PRIVATE KEY-----'].join('');
/** One line of a key's base64 body, as long as real ones. */
const keyLine = 'MIIEowIBAAKCAQEAw3v8Qk2pZ7Lx9N4cT1mR6yF0bHs5aJ8eUq2WdVg7KpXo3Ct1';
const random = ['k9F2', 'xQ7mB4vR8zL1pW6t'].join('');
const hex = ['3f7a9c2e', '8b1d4f6a0c5e9b2d7f1a8c3e'].join('');

new RuleTester().run(rule, {
  valid: [
    // Documentation's example payloads and placeholders (real code: documenso's webhook docs, a `your-…` key id).
    { code: '```json\n{ "token": "vbT8hi3jKQmrFP_LN1WcS" }\n```\n', filename: 'apps/docs/content/webhooks/events.mdx' },
    { code: 'NEXT_PRIVATE_UPLOAD_ACCESS_KEY_ID=your-b2-key-id\n', filename: 'deploy/.env.example' },
    { code: `Use \`token: k9F2xQ7mB4vR8zL1pW6t\` to log in.`, filename: 'README.md' },
    // A dev server's localhost certificate key protects nothing (real code: ghostfolio's apps/client/localhost.pem).
    { code: `-----BEGIN ${'PRIVATE'} KEY-----\n${keyLine}\n-----END ${'PRIVATE'} KEY-----\n`, filename: 'apps/client/localhost.pem' },
    // A placeholder has no key body; sample JWTs in tests; a translation; a publishable key (real code: hoppscotch).
    {
      code: 'const options = { placeholder: `-----BEGIN PRIVATE KEY-----\nYour private key here\n-----END PRIVATE KEY-----` };',
      filename: 'src/components/JWT.ts',
    },
    {
      code: `const token = '${['eyJhbGciOiJIUzI1NiJ9', 'eyJzdWIiOiIxMjM0NTY3ODkwIn0', 'SflKxwRJSMeKKF2QT4fwpM'].join('.')}';`,
      filename: 'src/auth/__tests__/jwt.spec.ts',
      isTestFile: true,
    },
    { code: '{ "secret_base64_encoded": "密钥Base64编码值" }', filename: 'locales/cn.json' },
    { code: `class PostHogService {\n  private POSTHOG_API_KEY = '${'phc_'}9CipPajQC22mSkk2wxe2TXsUA0Y';\n}`, filename: 'src/posthog/posthog.service.ts' },
    // Bundlers ship public variables to every browser: an analytics write key there is public by design.
    { code: 'NX_REACT_APP_ANALYTICS_API_KEY=Qm7vT2xKp9LwR4nZc8YhJ3dF6sB1gA5e\n', filename: 'apps/client/.env.production' },
    `const password = process.env.DB_PASSWORD;`,
    `const config = { apiKey: config.get('API_KEY') };`,
    `const token = await getToken();`,
    `const passwordLabel = 'Enter your password';`,
    `const tokenizer = 'whitespace-tokenizer';`,
    `const secretName = 'billing-service-credentials';`,
    `const apiKey = 'AKIAIOSFODNN7EXAMPLE';`,
    `const password = 'changeme-1234567890';`,
    { code: `DB_PASSWORD=\${DB_PASSWORD}\nAPI_TOKEN=<your-token-here>\n`, filename: '.env' },
    { code: `# enforcer-disable-next-line security/no-secrets -- documented fake key\nAWS_KEY=${aws}\n`, filename: 'docs/.env.example' },
    { code: `<!-- enforcer-disable-next-line security/no-secrets -- an illustration, revoked -->\n\`${github}\`\n`, filename: 'docs/setup.md' },
    { code: `const id = '550e8400-e29b-41d4-a716-446655440000';` },
    `const tokenId = '550e8400-e29b-41d4-a716-446655440000';`,
    `const authTokenEndpoint = 'https://login.acme.com/oauth2/token';`,
    `const passwordResetTemplate = 'password-reset-email-v2';`,
    `const tokenIcon = 'assets/icons/token-v2.svg';`,
    `const secretsPath = './config/secrets2024.json';`,
    { code: `API_TOKEN_URL=https://auth.acme.com/v2/token\n`, filename: '.env' },
    { code: `{ "name": "app", "version": "1.0.0", "description": "token: none" }`, filename: 'package.json' },
    // Values that are names: an enum member named after itself, a constant's name.
    `export enum OAuthKeys {\n  CLIENT_SECRET_V2 = 'CLIENT_SECRET_V2',\n  ACCESS_TOKEN_2FA = 'access_token_2fa',\n}`,
    `const apiKeyEnv = 'STRIPE_API_KEY_2024';`,
    // Other languages: an expression is not a literal; a fallback that is not secret-looking passes.
    { code: `password = os.environ["DB_PASSWORD_2"]\ntoken = get_token_v2()\n`, filename: 'app/settings.py' },
    `const secret = process.env.JWT_SECRET ?? 'development-only';`,
    `const url = process.env.API_URL || 'http://localhost:3000';`,
    { code: `{ "nxCloudAccessToken": "NTlmOGIxYmItZjM0OC00YzAxLTgzZTgtZDNiZmExMzcwZTA4fHJlYWQ=" }`, filename: 'nx.json' },
    `const address = process.env.TEMPORAL_ADDRESS || 'localhost:7233';`,
    { code: `${pem}\n${keyLine}\n`, filename: 'tests/client_certs/client.key', isTestFile: true },
    // Placeholders that say what they are, and made-up credentials in tests.
    `const auth = new DigestAuth({ username: 'user', password: 'password123' });`,
    { code: `auth = httpx.DigestAuth(username="user", password="k9F2xQ7mB4vR8zL1")\n`, filename: 'tests/client/test_auth.py', isTestFile: true },
  ],
  invalid: [
    // …but a known secret format is reported in any variable.
    { code: `VITE_AWS_KEY=${aws}\n`, filename: 'apps/web/.env', errors: [{ messageId: 'secretToken' }] },
    {
      code: `const key = '${aws}';`,
      errors: [
        {
          messageId: 'secretToken',
          line: 1,
          column: 14,
          message: 'Possible AWS access key id (AKIA…): load it from the environment or a secret store, and revoke it if it was ever committed.',
        },
      ],
    },
    { code: `const auth = 'token ${github}';`, errors: [{ messageId: 'secretToken' }] },
    { code: `headers: { Authorization: 'Bearer ${jwt}' }`, errors: [{ messageId: 'secretToken', message: expect_('JSON Web Token') }] },
    { code: `${pem}\n${keyLine}\n`, filename: 'certs/server.pem', errors: [{ messageId: 'secretToken' }] },
    // In JSON a key's line breaks are written `\n`.
    { code: `{ "private_key": "${pem}\\n${keyLine}\\n" }`, filename: 'config/service-account.json', errors: [{ messageId: 'secretToken' }] },
    { code: `SLACK_TOKEN=${slack}\n`, filename: 'apps/bot/.env', errors: [{ messageId: 'secretToken' }] },
    { code: `maps:\n  key: ${google}\n`, filename: 'config/app.yaml', errors: [{ messageId: 'secretToken', line: 2, column: 8 }] },
    { code: `stripe.setKey("${stripe}");`, filename: 'src/pay.js', errors: [{ messageId: 'secretToken' }] },
    {
      code: `const dbPassword = '${random}';`,
      errors: [
        {
          messageId: 'secretAssignment',
          message:
            '"dbPassword" is assigned a secret-looking value (k9F2…): load it from the environment or a secret store, ' +
            'and revoke it if it was ever committed.',
        },
      ],
    },
    { code: `{ "clientSecret": "${random}" }`, filename: 'apps/api/config.json', errors: [{ messageId: 'secretAssignment', line: 1, column: 20 }] },
    { code: `API_KEY=${random}\n`, filename: '.env.production', errors: [{ messageId: 'secretAssignment' }] },
    { code: `const hexSecret = '${hex}';`, errors: [{ messageId: 'secretAssignment' }] },
    { code: `DATABASE_PASSWORD_URL=postgres://app:${random}@db.internal:5432/app\n`, filename: '.env', errors: [{ messageId: 'secretAssignment' }] },
    // Documentation is still read for known token formats.
    { code: `Use \`token: ${aws}\` to log in.`, filename: 'README.md', errors: [{ messageId: 'secretToken' }] },
    { code: `// old key: const apiKey = '${random}'\nexport {};`, errors: [{ messageId: 'secretAssignment' }] },
    { code: `const apiKey = 'AKIAIOSFODNN7EXAMPLE';`, options: { allowValues: [] }, errors: [{ messageId: 'secretToken' }] },
    // Python, and other text file types that were never scanned.
    {
      code: `AWS_ACCESS_KEY_ID = "${aws}"\nSECRET_KEY = '${random}'\n`,
      filename: 'app/settings.py',
      errors: [
        { messageId: 'secretToken', line: 1 },
        { messageId: 'secretAssignment', line: 2 },
      ],
    },
    { code: `$env:API_TOKEN = "${random}"\n`, filename: 'deploy/release.ps1', errors: [{ messageId: 'secretAssignment' }] },
    {
      code: `INSERT INTO users (name, api_key) VALUES ('ci', '${random}');\nUPDATE settings SET token = '${random}';\n`,
      filename: 'db/seed.sql',
      errors: [{ messageId: 'secretAssignment', line: 2 }],
    },
    { code: `machine api.acme.com login ci password ${random}\n`, filename: '.netrc', errors: [{ messageId: 'secretAssignment' }] },
    // Every file type and well-known secret file the hostile review found unscanned: a token in each is a finding.
    ...[
      'keys/id_rsa',
      'home/.ssh/id_ed25519',
      '.git-credentials',
      '.aws/credentials',
      '.envrc',
      'infra/terraform.tfstate',
      'src/Main.java',
      'cmd/main.go',
      'lib/client.rb',
      'src/Config.php',
      'app/Config.kt',
      'src/App.vue',
      'src/App.svelte',
    ].map((filename) => ({ code: `token = "${aws}"\n`, filename, errors: [{ messageId: 'secretToken' as const }] })),
    // A real-looking default behind the environment variable ships whenever the variable is unset.
    {
      code: `const apiKey = process.env.API_KEY ?? '${random}';`,
      errors: [
        {
          messageId: 'secretAssignment',
          message:
            '"API_KEY" is assigned a secret-looking value (k9F2…): load it from the environment or a secret store, and revoke it if it was ever committed.',
        },
      ],
    },
    { code: `const client = new Client(process.env['STRIPE_KEY'] || "${hex}");`, errors: [{ messageId: 'secretAssignment' }] },
    // A real token format is a leak in a test file too; a private key there is a test certificate's.
    { code: `const key = '${aws}';`, isTestFile: true, errors: [{ messageId: 'secretToken' }] },
  ],
});

// A literal assigned to a name: the suggestion reads process.env.<NAME> instead, and what it writes is valid.
const suggested: Array<[code: string, messageId: 'secretAssignment' | 'secretToken', output: string]> = [
  [`const apiKey = '${random}';`, 'secretAssignment', 'const apiKey = process.env.API_KEY;'],
  [
    `export const config = { dbPassword: "${random}", port: 5432 };`,
    'secretAssignment',
    'export const config = { dbPassword: process.env.DB_PASSWORD, port: 5432 };',
  ],
  [`const settings = { 'x-api-key': '${random}' };`, 'secretAssignment', "const settings = { 'x-api-key': process.env.X_API_KEY };"],
  [`settings.clientSecret = \`${random}\`;`, 'secretAssignment', 'settings.clientSecret = process.env.CLIENT_SECRET;'],
  [`class Client {\n  private authToken = '${random}';\n}`, 'secretAssignment', 'class Client {\n  private authToken = process.env.AUTH_TOKEN;\n}'],
  [`function connect(password = '${random}') {}`, 'secretAssignment', 'function connect(password = process.env.PASSWORD) {}'],
  [`const key = '${aws}';`, 'secretToken', 'const key = process.env.KEY;'],
];
new RuleTester().run(rule, {
  valid: suggested.map(([, , output]) => ({ code: output, filename: 'src/config.ts' })),
  invalid: suggested.map(([code, messageId, output]) => ({
    code,
    filename: 'src/config.ts',
    errors: [{ messageId, suggestions: [{ messageId: 'useEnvironment', output }] }],
    output: null,
  })),
});

/** The rule's fixes for `code`, the text once they are applied, and everything it output besides the text. */
function fix(code: string, file = 'src/config.ts') {
  const { violations, fixes = [] } = lintSource({
    file,
    text: code,
    rules: [{ rule: rule, severity: 'error', options: rule.meta.defaultOptions }],
    isTestFile: false,
    collectFixes: true,
  });
  return { kinds: fixes.map((fixable) => fixable.fix.kind), text: applyFixes({ file, text: code, fixes }).text, output: JSON.stringify({ violations, fixes }) };
}

describe('security/no-secrets fix', () => {
  it('should never put the secret into a message, hint or fix', () => {
    for (const code of [`const apiKey = '${random}';`, `const key = '${aws}';`, `const token = '${github}';`]) {
      const { output, text } = fix(code);
      expect(output).toContain('process.env.');
      for (const secret of [random, aws, github]) {
        expect(output).not.toContain(secret);
        expect(text).not.toContain(secret);
      }
    }
  });

  it('should offer no fix outside code files, in comments, inside a longer string, or where no name can be derived', () => {
    expect(fix(`{ "clientSecret": "${random}" }`, 'apps/api/config.json').kinds).toEqual([]);
    expect(fix(`API_KEY=${random}\n`, '.env').kinds).toEqual([]);
    expect(fix(`token: ${random}\n`, 'config/app.yaml').kinds).toEqual([]);
    expect(fix(`Use \`token: ${random}\` to log in.`, 'README.md').kinds).toEqual([]);
    expect(fix(`// old key: const apiKey = '${random}'\nexport {};`).kinds).toEqual([]);
    expect(fix(`const auth = 'token ${github}';`).kinds).toEqual([]);
    expect(fix(`login({ [field]: '${github}' });`).kinds).toEqual([]);
    expect(fix(`const el = <Client apiKey="${random}" />;`, 'src/app.tsx').kinds).toEqual([]);
  });

  it('should give no fix, and no rule error, in a file that does not parse (whose parse error is reported)', () => {
    const {
      violations,
      fixes = [],
      notices,
    } = lintSource({
      file: 'src/a.ts',
      text: `const apiKey = '${random}';\nfunction (`,
      rules: [{ rule: rule, severity: 'error', options: rule.meta.defaultOptions }],
      isTestFile: false,
      collectFixes: true,
    });
    expect(violations.map((violation) => violation.ruleId).sort()).toEqual(['parse-error', 'security/no-secrets']);
    expect(fixes).toEqual([]);
    expect(notices).toEqual([]);
  });

  it.each([
    ['apiKey', 'API_KEY'],
    ['dbPassword', 'DB_PASSWORD'],
    ['client_secret', 'CLIENT_SECRET'],
    ['GITHUB_TOKEN', 'GITHUB_TOKEN'],
    ['OAuthToken', 'O_AUTH_TOKEN'],
    ['s3AccessKey', 'S3_ACCESS_KEY'],
    ['db.password', 'DB_PASSWORD'],
    ['2faToken', undefined],
  ])('should name the environment variable of %s %s', (name, expected) => {
    expect(environmentNameOf(name)).toBe(expected);
  });
});

function expect_(kind: string): string {
  return `Possible ${kind} (eyJh…): load it from the environment or a secret store, and revoke it if it was ever committed.`;
}
