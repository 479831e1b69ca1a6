import { describe, expect, test } from '@jest/globals';
import { RTAction, RequestCreationAction, RequestFailureAction, RequestSuccessAction, argKwargLoggingStr } from '../../lib/index.js';

describe('lifecycle actions', () => {
  test('render the Python original messages', () => {
    expect(new RequestCreationAction('P', 'C', [], {}).toLoggingMsg()).toBe('P CREATED C');
    expect(new RequestSuccessAction('N', 1).toLoggingMsg()).toBe('N DONE');
    expect(new RequestFailureAction('N', new Error('x')).toLoggingMsg()).toBe('N FAILED');
  });

  test('are RTActions with a kind and structured fields', () => {
    const created = new RequestCreationAction('P', 'C', ['doc.txt'], { k: 1 });
    expect(created).toBeInstanceOf(RTAction);
    expect(created.toJSON()).toEqual({ kind: 'CREATED', parentNodeName: 'P', childNodeName: 'C', inputArgs: ['doc.txt'], inputKwargs: { k: 1 } });
    expect(new RequestFailureAction('N', new TypeError('bad')).toJSON()).toEqual({
      kind: 'FAILED', nodeName: 'N', exception: { name: 'TypeError', message: 'bad' },
    });
    expect(String(new RequestSuccessAction('N'))).toBe('N DONE');
  });

  test('argKwargLoggingStr renders arguments with Python str()', () => {
    expect(argKwargLoggingStr([1, 'a', null], { k: [1, 2] })).toBe('(1, a, None, k=[1, 2])');
    expect(argKwargLoggingStr([], {})).toBe('(, )');
    expect(argKwargLoggingStr([true, { x: 'y' }], { flag: false })).toBe("(True, {'x': 'y'}, flag=False)");
  });
});
