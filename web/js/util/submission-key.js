/**
 * The Idempotency-Key of a form's submission: the same key while the same body is sent again (a double click, a
 * retry after the network dropped the answer), so the server stores it once; a new key once the body changes or
 * the last one was stored. Keys are UUIDs; where `crypto.randomUUID` is missing (plain http on a LAN address) a
 * random one is made from `crypto.getRandomValues`.
 */
export function submissionKey() {
  let key = null;
  let sent = null;
  return {
    /** The key for sending `body` (any JSON value; the target URL may be part of it). */
    for(body) {
      const text = JSON.stringify(body);
      if (text !== sent) {
        sent = text;
        key = newKey();
      }
      return key;
    },
    /** The body was stored: the next submission, even of the same values, is a new one. */
    stored() {
      key = null;
      sent = null;
    },
  };
}

function newKey() {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return c.randomUUID();
  const b = c.getRandomValues(new Uint8Array(16));
  return [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
}
