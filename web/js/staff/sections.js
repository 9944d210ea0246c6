/**
 * The sections of the staff workspace, in the order of its navigation. Each is a module of its own under
 * js/staff/ with its own i18n namespace, loaded when first opened:
 *
 *   { id, label: i18n key of the tab, roles: roles that see it (any one; [] = every signed-in user),
 *     load: () => import of the section's module }
 *
 * The module exports `mount({root, api, me, t, useNamespace, el})` → teardown: it loads its namespace first
 * (`await useNamespace('staff-x')`), builds its DOM in `root` (text as text: util/dom.js), and talks to the server
 * only through `api`. `me` is GET api/account/me (username, roles, effectiveRoles). ADMIN sees every section
 * (effectiveRoles). Other streams add one line each: editing → the map editor (EDITOR), progress → progress entry
 * (EDITOR), consultation → the moderation queue (MODERATOR) and consultations (ADMIN).
 */
export const SECTIONS = [
  { id: 'account', label: 'staff.section.account', roles: [], load: () => import('./account-section.js') },
  { id: 'progress', label: 'staff.section.progress', roles: ['EDITOR'], load: () => import('./progress-section.js') },
  { id: 'editing', label: 'staff.section.editing', roles: ['EDITOR'], load: () => import('../editing/editor-section.js') },
  { id: 'users', label: 'staff.section.users', roles: ['ADMIN'], load: () => import('./users-section.js') },
  { id: 'audit', label: 'staff.section.audit', roles: ['ADMIN'], load: () => import('./audit-section.js') },
  { id: 'moderation', label: 'staff.section.moderation', roles: ['MODERATOR'], load: () => import('./moderation-section.js') },
  { id: 'consultations', label: 'staff.section.consultations', roles: ['ADMIN'], load: () => import('./consultations-section.js') },
];

/** The sections a user sees, given GET api/account/me. */
export function visibleSections(me, sections = SECTIONS) {
  const granted = new Set(me?.effectiveRoles || []);
  return sections.filter((s) => s.roles.length === 0 || s.roles.some((r) => granted.has(r)));
}
