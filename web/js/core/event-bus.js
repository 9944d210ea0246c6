/**
 * A tiny synchronous event bus. UI modules never import each other; they
 * talk through one bus (see web/js/README.md for the event catalogue).
 *
 *   const off = bus.on('feature:selected', ({ id }) => …);
 *   bus.emit('feature:selected', { id: 'zone-east' });
 *   off();                         // symmetric teardown
 *
 * A handler that throws is reported on the console and does not stop the
 * other handlers.
 */
export function createEventBus() {
  const handlers = new Map();

  function on(type, handler) {
    if (!handlers.has(type)) handlers.set(type, new Set());
    handlers.get(type).add(handler);
    return () => off(type, handler);
  }

  function off(type, handler) {
    const set = handlers.get(type);
    if (set) set.delete(handler);
  }

  function emit(type, detail = {}) {
    const set = handlers.get(type);
    if (!set) return;
    for (const handler of [...set]) {
      try {
        handler(detail);
      } catch (err) {
        console.warn(`pm: handler for ${type} failed`, err);
      }
    }
  }

  return { on, off, emit };
}

/** The application's bus. */
export const bus = createEventBus();
