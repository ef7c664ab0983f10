/*
 * Gridcase's additions to Camunda Tasklist, loaded through customScripts in ../config.js. No plugins: it
 * works on the page and on the engine's answers only.
 *
 * 1. The tracking number (受理编号) after a start form: Tasklist only says "流程已发起。", so the answer of
 *    POST .../process-definition/{id}/submit-form (the new process instance, whose business key is the
 *    tracking number) is read, and a notice shows it until the collector closes it.
 * 2. The task list is sorted by due date by default (Tasklist's own default is "created"; the shared filters
 *    order by due date, see TasklistFilters).
 * 3. Form validation messages of Camunda Forms (form-js has them in English only, with no translation hook)
 *    are shown in Chinese.
 * 4. Camunda 7 CE's end-of-life banner is hidden: grid workers cannot act on it (README, "Camunda in Chinese").
 */

const TRACKING_NUMBER = /^GC-\d{4}-\d+$/;
const START_FORM_SUBMIT = /\/process-definition\/[^/]+(\/[^/]+)?\/submit-form(\?|$)/;

const style = document.createElement('style');
style.textContent = `
  .ce-eol-banner { display: none !important; }
  .gridcase-tracking-notice {
    position: fixed; top: 64px; left: 50%; transform: translateX(-50%); z-index: 2000; min-width: 420px;
    padding: 16px 48px 16px 20px; border: 1px solid #3c763d; border-radius: 4px; background: #dff0d8;
    color: #2b542c; box-shadow: 0 4px 12px rgba(0, 0, 0, .2); font-size: 16px;
  }
  .gridcase-tracking-notice strong { font-size: 20px; letter-spacing: .5px; user-select: all; }
  .gridcase-tracking-notice p { margin: 6px 0 0; font-size: 13px; }
  .gridcase-tracking-notice button {
    position: absolute; top: 8px; right: 10px; border: 0; background: none; font-size: 22px; color: #2b542c;
  }`;
document.head.appendChild(style);

/** Shows "已受理，受理编号 …" until closed; a second intake replaces the first notice. */
function showTrackingNumber(trackingNumber) {
  document.querySelectorAll('.gridcase-tracking-notice').forEach((old) => old.remove());
  const notice = document.createElement('div');
  notice.className = 'gridcase-tracking-notice';
  notice.setAttribute('role', 'alert');
  const line = document.createElement('div');
  line.append('已受理，受理编号 ');
  const number = document.createElement('strong');
  number.textContent = trackingNumber;
  line.append(number);
  const hint = document.createElement('p');
  hint.textContent = '请将受理编号告知诉求人，凭此编号可查询办理进度。';
  const close = document.createElement('button');
  close.type = 'button';
  close.title = '关闭';
  close.setAttribute('aria-label', '关闭');
  close.textContent = '×';
  close.addEventListener('click', () => notice.remove());
  notice.append(line, hint, close);
  document.body.appendChild(notice);
}

function onStartFormAnswer(body) {
  try {
    const instance = JSON.parse(body);
    if (instance && typeof instance.businessKey === 'string' && TRACKING_NUMBER.test(instance.businessKey)) {
      showTrackingNumber(instance.businessKey);
    }
  } catch (e) {
    // Not an instance (an error answer): Tasklist reports it.
  }
}

// Tasklist talks to the engine through XMLHttpRequest.
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function (method, url, ...rest) {
  if (String(method).toUpperCase() === 'POST' && START_FORM_SUBMIT.test(String(url))) {
    this.addEventListener('load', () => {
      if (this.status === 200) {
        onStartFormAnswer(this.responseType === '' || this.responseType === 'text' ? this.responseText
          : JSON.stringify(this.response));
      }
    });
  }
  return open.call(this, method, url, ...rest);
};

/** Adds due-date order to the task list's address when it names no order (Tasklist then shows it as such). */
function sortByDueDate() {
  const hash = window.location.hash;
  if (!hash.startsWith('#/') || hash.startsWith('#/login') || /[?&]sorting=/.test(hash)) {
    return;
  }
  const [path, query] = hash.slice(1).split('?');
  if (path !== '/') {
    return;
  }
  const sorting = encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));
  window.location.replace('#/?' + (query ? query + '&' : '') + 'sorting=' + sorting);
}
window.addEventListener('hashchange', sortByDueDate);
sortByDueDate();

/** form-js's validation messages (Validator of @bpmn-io/form-js-viewer), in Chinese. */
const MESSAGES = [
  [/^Field is required\.$/, () => '此项为必填项。'],
  [/^Field must match pattern (.*)\.$/, () => '格式不正确。'],
  [/^Field must have minimum value of (.*)\.$/, (m) => `不能小于 ${m[1]}。`],
  [/^Field must have maximum value of (.*)\.$/, (m) => `不能大于 ${m[1]}。`],
  [/^Field must have minimum length of (.*)\.$/, (m) => `至少需要 ${m[1]} 个字。`],
  [/^Field must have maximum length of (.*)\.$/, (m) => `最多 ${m[1]} 个字。`],
  [/^Field must be a valid +international phone number\..*$/, () => '请输入有效的国际格式电话号码（如 +8613912345678）。'],
  [/^Field must be a valid email\.$/, () => '请输入有效的电子邮箱地址。'],
  [/^Value is not a number\.$/, () => '请输入数字。'],
  [/^Value is expected to be an integer\.$/, () => '请输入整数。'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, (m) => `最多保留 ${m[1]} 位小数。`],
  [/^Please select a valid value, the two nearest valid values are (.*) and (.*)\.$/,
    (m) => `请输入有效的值，最接近的两个有效值是 ${m[1]} 和 ${m[2]}。`]
];

function translateErrors() {
  document.querySelectorAll('.fjs-form-field-error li').forEach((item) => {
    // The text node itself, not the element: Preact keeps that node and rewrites it when the message changes.
    const node = Array.from(item.childNodes).find((child) => child.nodeType === Node.TEXT_NODE);
    const text = node ? node.data.trim() : '';
    for (const [pattern, chinese] of MESSAGES) {
      const match = pattern.exec(text);
      if (match) {
        node.data = chinese(match);
        return;
      }
    }
  });
}

new MutationObserver(translateErrors).observe(document.documentElement,
  {childList: true, subtree: true, characterData: true});

export default [];
