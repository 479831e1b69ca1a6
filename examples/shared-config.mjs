// One config file for both languages: run this and `python3 examples/python/shared_config.py`
// from the repository root; both print the same console lines and append the same file lines.
// npm run build && node examples/shared-config.mjs
import { configureFromFile } from '../dist/interop/index.js';
import { getLogger } from '../dist/index.js';

configureFromFile(new URL('./logging.json', import.meta.url).pathname);
getLogger('RT.worker-42').info('chunk %s of %d embedded', 'doc.txt', 3);
getLogger('RT.worker-42').debug('cache hit ratio %.2f', 0.875);
getLogger('RT.coordinator').warning('retrying %r', { attempt: 2 });
