import { test } from 'node:test';
import assert from 'node:assert/strict';
import { submissionKey } from '../js/util/submission-key.js';

test('the same body keeps its key until it is stored; another body or the next submission gets a new one', () => {
  const keys = submissionKey();
  const first = keys.for({ rowId: 'table-2-row-1', year: 2023, value: 42 });
  assert.match(first, /^[0-9a-f-]{32,36}$/);
  assert.equal(keys.for({ rowId: 'table-2-row-1', year: 2023, value: 42 }), first, 'a retry of the same values');
  const changed = keys.for({ rowId: 'table-2-row-1', year: 2023, value: 43 });
  assert.notEqual(changed, first, 'the staff member corrected a value');
  keys.stored();
  assert.notEqual(keys.for({ rowId: 'table-2-row-1', year: 2023, value: 43 }), changed, 'a new submission after the save');
});

test('without crypto.randomUUID (plain http on a LAN address) keys are still random and distinct', () => {
  const saved = globalThis.crypto.randomUUID;
  try {
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    const a = submissionKey().for({ a: 1 });
    const b = submissionKey().for({ a: 1 });
    assert.match(a, /^[0-9a-f]{32}$/);
    assert.notEqual(a, b);
  } finally {
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: saved, configurable: true });
  }
});
