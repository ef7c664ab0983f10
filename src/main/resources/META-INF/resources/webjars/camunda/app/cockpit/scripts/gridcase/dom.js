/*
 * Building blocks of the supervision pages. Text from the API only ever goes in as text nodes or
 * attribute values (never as HTML), so a unit name or a reason cannot inject markup.
 */

/** An element with attributes ("on…" functions become listeners) and children (nodes or text). */
export function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value == null || value === false) {
      continue;
    }
    if (typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child != null && child !== false) {
      node.append(child instanceof Node ? child : String(child));
    }
  }
  return node;
}

/**
 * A table: headers, then one row of cells per item. {@code key} names a row (data-key, for tests and
 * styles), {@code onRow} makes rows clickable.
 */
export function table(headers, items, cells, { key, onRow } = {}) {
  return el('table', { class: 'table table-condensed gc-table' },
    el('thead', {}, el('tr', {}, headers.map(header => el('th', {}, header)))),
    el('tbody', {}, items.length === 0
      ? el('tr', {}, el('td', { colspan: headers.length, class: 'gc-empty' }, '无'))
      : items.map(item => el('tr', {
        'data-key': key?.(item), class: onRow ? 'gc-clickable' : null, onclick: onRow ? () => onRow(item) : null
      }, cells(item).map(cell => el('td', {}, cell))))));
}

/** 0.8 → "80.0%"; a rate with nothing to count shows a dash. */
export function percent(rate) {
  return rate == null ? '—' : `${(rate * 100).toFixed(1)}%`;
}

/** An instant of the API in Beijing time, "2026/11/23 09:30". */
export function dateTime(iso) {
  return iso == null ? '—' : new Date(iso).toLocaleString('zh-CN', {
    timeZone: 'Asia/Shanghai', hour12: false, year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit'
  });
}

/** The local date as the API wants it, "2026-01-31". */
export function isoDate(year, month, day) {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
