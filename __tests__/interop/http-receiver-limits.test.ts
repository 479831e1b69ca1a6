/**
 * LogRecordHttpReceiver's body bound seen from a real HTTP client: an oversized POST gets a 413
 * that names the bound (not a reset connection), and the receiver keeps serving.
 */
import { Agent, request } from 'node:http';
import { afterEach, expect, test } from '@jest/globals';
import { LogRecordHttpReceiver } from '../../lib/interop/index.js';
import { resetLogging } from '../../lib/testing/index.js';

let receiver: LogRecordHttpReceiver;
afterEach(async () => {
  await receiver.close();
  await resetLogging();
});

function post(port: number, body: Buffer, options: { chunked?: boolean; agent?: Agent } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (!options.chunked) headers['content-length'] = body.length;
    const req = request({ host: '127.0.0.1', port, path: '/log', method: 'POST', headers, agent: options.agent }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (d: string) => (text += d)).on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    if (options.chunked) {
      for (let i = 0; i < body.length; i += 16 * 1024) req.write(body.subarray(i, i + 16 * 1024));
      req.end();
    } else req.end(body);
  });
}

const record = (msg: string) => Buffer.from(new URLSearchParams({ name: 'RT.http', levelno: '20', levelname: 'INFO', msg, args: '()' }).toString());

test('an oversized body is answered with 413 naming maxBodyBytes, and the next request is served', async () => {
  const errors: string[] = [];
  const received: string[] = [];
  receiver = new LogRecordHttpReceiver({ maxBodyBytes: 64 * 1024, onError: (e) => errors.push(e.message), onRecord: (r) => received.push(r.getMessage()) });
  const port = await receiver.listen();
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const big = record('x'.repeat(300 * 1024));

  const sized = await post(port, big, { agent });
  expect(sized).toEqual({ status: 413, text: 'body larger than maxBodyBytes (65536)\n' });
  const chunked = await post(port, big, { agent, chunked: true });
  expect(chunked.status).toBe(413);
  expect(await post(port, record('small'), { agent })).toEqual({ status: 200, text: '' });

  expect(received).toEqual(['small']);
  expect(errors).toEqual(['body larger than maxBodyBytes (65536)', 'body larger than maxBodyBytes (65536)']);
  agent.destroy();
});

test('a body far past the bound is answered with 413 and the connection closed', async () => {
  receiver = new LogRecordHttpReceiver({ maxBodyBytes: 1024, onError: () => {} });
  const port = await receiver.listen();
  const answer = await post(port, record('y'.repeat(64 * 1024)));
  expect(answer.status).toBe(413);
});

test('an address outside the allow list is refused before its request is read, and reported', async () => {
  const errors: string[] = [];
  const received: string[] = [];
  receiver = new LogRecordHttpReceiver({ allow: ['10.1.1.1'], onError: (e) => errors.push(e.message), onRecord: (r) => received.push(r.getMessage()) });
  const port = await receiver.listen();
  await expect(post(port, record('let me in'))).rejects.toThrow(/socket hang up|ECONNRESET/);
  expect(errors).toEqual(['connection refused: the address is not in the allow list']);
  expect(received).toEqual([]);
});
