/**
 * DOM helpers. Data is always set with textContent or attributes, never as
 * HTML: `el('a', {href, class: 'pm-x'}, 'text')`.
 */

/** Creates an element; attrs: class, dataset (object), on<Event> handlers, others as attributes. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2).toLowerCase(), value);
    } else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

/** Appends strings (as text nodes), nodes and nested arrays; skips null/false. */
export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child == null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

/** Removes all children. */
export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

/** Clones the first element of a `<template id=…>`. */
export function fromTemplate(id) {
  const tpl = document.getElementById(id);
  return tpl.content.firstElementChild.cloneNode(true);
}

/** Adds a listener and returns the function that removes it. */
export function listen(target, type, handler, options) {
  target.addEventListener(type, handler, options);
  return () => target.removeEventListener(type, handler, options);
}

/** Adds a stylesheet to the head once; resolves when it applies (or failed to load: the page still works). */
export function loadStylesheet(href) {
  const existing = document.querySelector(`link[rel="stylesheet"][href="${href}"]`);
  if (existing) return existing.pmLoaded || Promise.resolve();
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  link.pmLoaded = new Promise((resolve) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => resolve(), { once: true });
  });
  document.head.append(link);
  return link.pmLoaded;
}
