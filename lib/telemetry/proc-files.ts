/**
 * Linux's per-process accounting files, read when present: `/proc/self/io` (bytes the process
 * read and wrote, through storage and in total) and `/proc/self/status` (the kernel's memory
 * breakdown). Elsewhere, or where the files cannot be read, the answer is undefined.
 */
import { readFileSync } from 'node:fs';

/** `/proc/self/io` in bytes. */
export interface ProcIo {
  /** Bytes read/written through read()/write() and the like, cache hits included. */
  rchar: number;
  wchar: number;
  /** Bytes that reached or came from storage. */
  readBytes: number;
  writeBytes: number;
}

/** `/proc/self/status` memory lines, in bytes. */
export interface ProcStatus {
  vmRss: number;
  /** The peak RSS the kernel saw. */
  vmHwm: number;
  vmSize: number;
  rssAnon: number;
  rssFile: number;
  rssShmem: number;
  vmSwap: number;
}

function readFields(path: string): Map<string, string> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  const fields = new Map<string, string>();
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
  }
  return fields;
}

/** @example readProcIo()?.writeBytes */
export function readProcIo(): ProcIo | undefined {
  const f = readFields('/proc/self/io');
  if (f === undefined) return undefined;
  const n = (key: string) => Number(f.get(key) ?? 0);
  return { rchar: n('rchar'), wchar: n('wchar'), readBytes: n('read_bytes'), writeBytes: n('write_bytes') };
}

/** @example readProcStatus()?.vmRss // bytes */
export function readProcStatus(): ProcStatus | undefined {
  const f = readFields('/proc/self/status');
  if (f === undefined) return undefined;
  // Values read "123456 kB".
  const kb = (key: string) => Number.parseInt(f.get(key) ?? '0', 10) * 1024;
  return { vmRss: kb('VmRSS'), vmHwm: kb('VmHWM'), vmSize: kb('VmSize'), rssAnon: kb('RssAnon'), rssFile: kb('RssFile'), rssShmem: kb('RssShmem'), vmSwap: kb('VmSwap') };
}
