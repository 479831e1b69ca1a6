import base from './jest.config.js';

// Suites that start real receivers (rsyslogd, an OTLP server): slower, so they run from `npm run test:receivers`.
export default { ...base, testMatch: ['**/*.receivers.test.ts'], testPathIgnorePatterns: ['/node_modules/'] };
