import base from './jest.config.js';

// Suites that drive a real headless Chromium: slow, so they run from `npm run test:browser`.
export default { ...base, testMatch: ['**/*.browser.test.ts'], testPathIgnorePatterns: ['/node_modules/'] };
