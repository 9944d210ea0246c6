import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitHighlight, splitMentions } from '../js/util/highlight.js';

const join = (segs) => segs.map((s) => s.text).join('');

test('marks every occurrence and keeps the text whole', () => {
  const text = '推进磁器口古镇提档升级，磁器口夜景';
  const segs = splitHighlight(text, ['磁器口']);
  assert.equal(join(segs), text);
  assert.deepEqual(segs.filter((s) => s.match).map((s) => s.text), ['磁器口', '磁器口']);
});

test('longest needle wins and Latin matching ignores case', () => {
  const segs = splitHighlight('Ciqikou Ancient Town is old', ['ciqikou', 'Ciqikou Ancient Town']);
  assert.deepEqual(segs, [{ text: 'Ciqikou Ancient Town', match: true }, { text: ' is old', match: false }]);
});

test('no needles or empty needles give one plain segment', () => {
  assert.deepEqual(splitHighlight('abc', ['', null]), [{ text: 'abc', match: false }]);
  assert.deepEqual(splitHighlight('', ['a']), []);
});

test('text that looks like HTML stays text', () => {
  const segs = splitHighlight('<b>歌乐山</b>', ['歌乐山']);
  assert.equal(segs[0].text, '<b>');
  assert.equal(segs[1].match, true);
});

test('mentions split at their offsets', () => {
  const text = '建设沙坪坝站和磁器口';
  const segs = splitMentions(text, [
    { featureId: 'b', start: 7, end: 10 },
    { featureId: 'a', start: 2, end: 6 },
  ]);
  assert.deepEqual(segs, [
    { text: '建设' }, { text: '沙坪坝站', featureId: 'a' }, { text: '和' }, { text: '磁器口', featureId: 'b' },
  ]);
});

test('overlapping and out-of-range mentions are dropped', () => {
  const segs = splitMentions('abcdef', [
    { featureId: 'x', start: 0, end: 3 }, { featureId: 'y', start: 2, end: 4 }, { featureId: 'z', start: 5, end: 99 },
  ]);
  assert.equal(join(segs), 'abcdef');
  assert.deepEqual(segs.filter((s) => s.featureId).map((s) => s.featureId), ['x']);
});
