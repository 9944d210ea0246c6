/**
 * Service status banner: polls `api/status` through the API client (every 30 s, every 5 s while degraded, not
 * while the tab is hidden) and shows a small banner while the server says it is degraded (database away:
 * saving and saved overlays fail, the plan and the map keep working). Emits `service:status {degraded}`.
 *
 * mountServiceStatus({ root, bus, t, api }) → { stop() }
 */
const NORMAL_MS = 30000;
const DEGRADED_MS = 5000;

export function mountServiceStatus({ root, bus, t, api }) {
  const banner = document.createElement('div');
  banner.className = 'pm-degraded';
  banner.setAttribute('role', 'status');
  banner.hidden = true;
  root.prepend(banner);
  let degraded = false;
  let timer = null;

  const label = () => { banner.textContent = t('status.degraded'); };

  async function check() {
    let next = degraded;
    try {
      next = Boolean((await api.getJson('api/status', { cached: false })).degraded);
    } catch {
      // the server itself is out of reach: the next check will tell
    }
    if (next !== degraded) {
      degraded = next;
      banner.hidden = !degraded;
      document.body.classList.toggle('pm-service-degraded', degraded);
      bus.emit('service:status', { degraded });
    }
    schedule();
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => { if (!document.hidden) check(); else schedule(); }, degraded ? DEGRADED_MS : NORMAL_MS);
  }

  label();
  bus.on('ui:relabel', label);
  check();
  return { stop: () => clearTimeout(timer) };
}
