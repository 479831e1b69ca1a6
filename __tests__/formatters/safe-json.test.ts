import { describe, expect, test } from '@jest/globals';
import { SafeJson } from '../../lib/index.js';

describe('SafeJson.field keeps each key\'s text and redaction', () => {
  test('a redacted key stays redacted on every line, and keys past the kept ones are written the same way', () => {
    const json = new SafeJson({ redact: ['secret', 'auth.token'] });
    for (let i = 0; i < 3; i++) {
      expect(json.field('secret', 'x')).toBe(',"secret":"[Redacted]"');
      expect(json.field('auth', { token: 't', user: 'u' })).toBe(',"auth":{"token":"[Redacted]","user":"u"}');
      expect(json.field('plain', i)).toBe(`,"plain":${i}`);
    }
    for (let i = 0; i < 600; i++) expect(json.field(`k"${i}`, i)).toBe(`,"k\\"${i}":${i}`);
    expect(json.field('SECRET', 'y')).toBe(',"SECRET":"[Redacted]"');
    expect(json.field('skipped', undefined)).toBe('');
  });
});
