import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SECTIONS, visibleSections } from '../js/staff/sections.js';

const ids = (me) => visibleSections(me).map((s) => s.id);

test('every signed-in user sees their account; progress and the map editor for editors; users and audit for admins; moderation for moderators; consultations for admins', () => {
  assert.deepEqual(ids({ effectiveRoles: ['EDITOR'] }), ['account', 'progress', 'editing']);
  assert.deepEqual(ids({ effectiveRoles: ['MODERATOR'] }), ['account', 'moderation']);
  assert.deepEqual(ids({ effectiveRoles: ['EDITOR', 'MODERATOR', 'ADMIN'] }), ['account', 'progress', 'editing', 'users', 'audit', 'moderation', 'consultations']);
  assert.deepEqual(ids({ effectiveRoles: [] }), ['account']);
});

test('a section for a role is shown to any user granted that role (ADMIN is granted all through effectiveRoles)', () => {
  const sections = [...SECTIONS, { id: 'queue', label: 'x', roles: ['MODERATOR'], load: () => null }];
  assert.deepEqual(visibleSections({ effectiveRoles: ['MODERATOR'] }, sections).map((s) => s.id), ['account', 'moderation', 'queue']);
  assert.deepEqual(visibleSections({ effectiveRoles: ['EDITOR'] }, sections).map((s) => s.id), ['account', 'progress', 'editing']);
});

test('section ids are unique and every section names its label and loader', () => {
  assert.equal(new Set(SECTIONS.map((s) => s.id)).size, SECTIONS.length);
  for (const s of SECTIONS) assert.ok(s.label.startsWith('staff.section.') && typeof s.load === 'function', s.id);
});
