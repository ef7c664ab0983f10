/*
 * 网格督查: the supervisors' dashboard as Cockpit plugins (Community Edition plugin API, Camunda 7.24).
 * A card on the Cockpit dashboard, a link in the header and the page #/gridcase. Everything is read
 * from the application's API (/api/kpis, /api/supervision/*, /api/emergencies, /api/gradings).
 */
import { getJson } from './api.js';
import { rateBars } from './charts.js';
import { dateTime, el, isoDate, percent, table } from './dom.js';

const ROUTE = '/gridcase';
const LEVELS = ['district', 'street', 'community', 'grid'];
const COLOURS = { green: '绿', yellow: '黄', red: '红' };
const STATUSES = {
  RECEIVED: '已受理待研判', TRIAGE: '研判中', IN_HANDLING: '办理中', EXTENSION: '延期审批中',
  WHISTLE: '部门协同办理中', FEEDBACK: '待反馈', REVIEW: '待回访', SUPERVISION: '督办中', CLOSED: '已办结',
  DECLINED: '不予受理'
};
const RATES = [['受理率', 'acceptanceRate'], ['办结率', 'completionRate'], ['满意率', 'satisfactionRate'],
  ['按期办结率', 'onTimeRate']];
const COUNTS = [['收到', 'received'], ['办结', 'closed'], ['在办', 'open'], ['超期', 'overdue']];

document.head.append(el('link', { rel: 'stylesheet', href: new URL('./supervision.css', import.meta.url).href }));

export default [
  {
    id: 'gridcase-supervision-card',
    pluginPoint: 'cockpit.dashboard',
    priority: 100,
    render: renderCard
  },
  {
    id: 'gridcase-supervision-link',
    pluginPoint: 'cockpit.navigation',
    priority: 100,
    render: node => node.append(el('a', { href: `#${ROUTE}` }, '网格督查')),
    checkActive: url => url.includes(`#${ROUTE}`)
  },
  {
    id: 'gridcase-supervision-page',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: '网格督查' },
    render: renderPage,
    unmount: () => disposeChart()
  }
];

/** The dashboard card: this year's figures of the district, and the way to the page. */
function renderCard(node) {
  const year = new Date().getFullYear();
  const body = el('div');
  node.append(el('div', { class: 'gc-card', id: 'gc-card' },
    el('h3', {}, `网格督查 · ${year}年`), body,
    el('a', { class: 'btn btn-default btn-sm', href: `#${ROUTE}` }, '进入网格督查 →')));
  fill(body, async () => {
    const kpi = await district(isoDate(year, 1, 1), isoDate(year, 12, 31));
    return [tiles(kpi, RATES), tiles(kpi, COUNTS)];
  });
}

// ---- the page -----------------------------------------------------------------------------------

let disposeChart = () => {};

/** What the page shows: the period and where the drill-down stands (district first). */
const view = { year: new Date().getFullYear(), month: 0, path: [] };

function renderPage(node) {
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 6 }, (_, i) => thisYear - i);
  const yearSelect = el('select', { id: 'gc-year', class: 'form-control input-sm' },
    years.map(year => el('option', { value: year, selected: year === view.year }, `${year}年`)));
  const monthSelect = el('select', { id: 'gc-month', class: 'form-control input-sm' },
    el('option', { value: 0, selected: view.month === 0 }, '全年'),
    Array.from({ length: 12 }, (_, i) => el('option', { value: i + 1, selected: view.month === i + 1 }, `${i + 1}月`)));
  const onPeriod = () => {
    view.year = Number(yearSelect.value);
    view.month = Number(monthSelect.value);
    load();
  };
  yearSelect.addEventListener('change', onPeriod);
  monthSelect.addEventListener('change', onPeriod);

  const sections = {
    summary: el('div', { id: 'gc-summary' }),
    drill: el('div', { id: 'gc-drill' }),
    overdue: el('div', { id: 'gc-overdue' }),
    escalations: el('div', { id: 'gc-escalations' }),
    emergencies: el('div', { id: 'gc-emergencies' }),
    grading: el('div', { id: 'gc-grading' })
  };
  const title = el('span', { id: 'gc-period' });
  node.append(el('div', { class: 'gc-page' },
    el('header', { class: 'gc-header' }, el('h2', {}, '网格督查 ', el('small', {}, title)),
      el('label', {}, '年度 ', yearSelect), el('label', {}, '月份 ', monthSelect)),
    panel('全区概况', sections.summary),
    panel('分级指标（点击一行下钻）', sections.drill),
    el('div', { class: 'row' },
      el('div', { class: 'col-md-7' }, panel('超期督办榜（最早到期在前）', sections.overdue)),
      el('div', { class: 'col-md-5' }, panel('督办中', sections.escalations), panel('应急状态区域', sections.emergencies),
        panel('双月考评', sections.grading)))));

  async function load() {
    const { from, to, label } = period();
    title.textContent = label;
    fill(sections.escalations, escalations);
    fill(sections.emergencies, emergencies);
    fill(sections.grading, grading);
    let root;
    const landed = await fill(sections.summary, async () => {
      root = await district(from, to);
      return [tiles(root, RATES), tiles(root, COUNTS)];
    });
    if (landed) {
      // The drill-down starts at the district and stays where it is when the period changes.
      view.path = view.path.length ? view.path : [{ code: root.unitCode, name: root.unitName }];
      drill(sections.drill, sections.overdue);
    }
  }
  load();
}

function panel(heading, body) {
  return el('section', { class: 'gc-panel' }, el('h4', {}, heading), body);
}

function period() {
  const { year, month } = view;
  if (month === 0) {
    return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31), label: `${year}年` };
  }
  const lastDay = new Date(year, month, 0).getDate();
  return { from: isoDate(year, month, 1), to: isoDate(year, month, lastDay), label: `${year}年${month}月` };
}

async function district(from, to) {
  const [kpi] = await getJson(`/kpis?level=district&from=${from}&to=${to}`);
  return kpi;
}

/** Big numbers: the rates or the counts of one unit. */
function tiles(kpi, fields) {
  return el('div', { class: 'gc-tiles' }, fields.map(([label, field]) => el('div', { class: 'gc-tile', 'data-kpi': field },
    el('div', { class: 'gc-tile-value' }, field.endsWith('Rate') ? percent(kpi[field]) : kpi[field]),
    el('div', { class: 'gc-tile-label' }, label))));
}

/** The units one level below the end of the path: breadcrumb, bar chart, table. */
async function drill(container, overdueContainer) {
  const parent = view.path[view.path.length - 1];
  const level = LEVELS[view.path.length];
  const { from, to } = period();
  const goTo = depth => {
    view.path = view.path.slice(0, depth + 1);
    drill(container, overdueContainer);
  };
  const deeper = view.path.length < LEVELS.length - 1
    ? kpi => {
      view.path = [...view.path, { code: kpi.unitCode, name: kpi.unitName }];
      drill(container, overdueContainer);
    }
    : null;
  overdue(overdueContainer);
  disposeChart();
  const chart = el('div', { class: 'gc-chart' });
  let kpis = [];
  const ticket = await fill(container, async () => {
    kpis = await getJson(`/kpis?level=${level}&parent=${encodeURIComponent(parent.code)}&from=${from}&to=${to}`);
    return [breadcrumb(goTo), chart, table(
      ['单位', '收到', '受理率', '办结率', '满意率', '按期办结率', '在办', '超期', '重办', '督办'], kpis,
      kpi => [kpi.unitName, kpi.received, percent(kpi.acceptanceRate), percent(kpi.completionRate),
        percent(kpi.satisfactionRate), percent(kpi.onTimeRate), kpi.open, kpi.overdue, kpi.reopened, kpi.escalations],
      { key: kpi => kpi.unitCode, onRow: deeper })];
  });
  // The chart needs its element on the page to take its size.
  if (ticket) {
    const dispose = await rateBars(chart, kpis, deeper);
    if (ticket === container.gcTicket) {
      disposeChart = dispose;
    } else {
      dispose();
    }
  }
}

function breadcrumb(goTo) {
  return el('ol', { class: 'breadcrumb gc-breadcrumb' }, view.path.map((unit, depth) => depth === view.path.length - 1
    ? el('li', { class: 'active gc-crumb' }, unit.name)
    : el('li', { class: 'gc-crumb' }, el('a', { href: `#${ROUTE}`, onclick: event => { event.preventDefault(); goTo(depth); } },
      unit.name))));
}

/** Open cases past due, oldest first, in one of the units along the drill-down path. */
function overdue(container) {
  const areas = view.path.map((unit, depth) => ({ code: depth === 0 ? '' : unit.code, name: unit.name }));
  const select = el('select', { id: 'gc-overdue-area', class: 'form-control input-sm' },
    areas.map((area, i) => el('option', { value: area.code, selected: i === areas.length - 1 },
      i === 0 ? `${area.name}（全区）` : area.name)));
  const list = el('div');
  const show = () => fill(list, async () => {
    const area = select.value ? `&area=${encodeURIComponent(select.value)}` : '';
    const cases = await getJson(`/supervision/overdue?limit=50${area}`);
    return table(['受理编号', '网格', '颜色', '状态', '应办结', '超期(小时)', '督办次数'], cases, item => [
      instanceLink(item.processInstanceId, item.trackingNumber), item.gridName ?? item.gridCode ?? '—',
      COLOURS[item.colour] ?? item.colour ?? '—', STATUSES[item.status] ?? item.status, dateTime(item.dueAt),
      item.overdueHours, item.escalations], { key: item => item.trackingNumber });
  });
  select.addEventListener('change', show);
  container.replaceChildren(el('label', { class: 'gc-filter' }, '范围 ', select), list);
  show();
}

async function escalations() {
  const tasks = await getJson('/supervision/escalations?limit=50');
  return table(['受理编号', '督办任务', '督办组', '开始', '期限'], tasks, task => [
    instanceLink(task.processInstanceId, task.trackingNumber), task.taskName, task.supervisingGroup ?? '—',
    dateTime(task.since), dateTime(task.dueAt)], { key: task => task.trackingNumber });
}

async function emergencies() {
  const areas = await getJson('/emergencies?active=true');
  if (areas.length === 0) {
    return el('p', { class: 'gc-muted gc-none' }, '当前没有处于应急状态的区域');
  }
  return table(['区域', '原因', '宣布人', '宣布时间'], areas, area => [
    `${area.areaName ?? ''}（${area.areaCode}）`, area.reason, area.declaredBy, dateTime(area.declaredAt)],
  { key: area => area.areaCode });
}

/** The 双月考评 of the two months containing the chosen month (periods start in odd months). */
async function grading() {
  const { year, month } = view;
  if (month === 0) {
    return el('p', { class: 'gc-muted' }, '选择月份后显示该月所在双月的考评结果');
  }
  const first = month % 2 === 1 ? month : month - 1;
  const label = `${year}年${first}–${first + 1}月`;
  const result = await getJson(`/gradings/${isoDate(year, first, 1).slice(0, 7)}`);
  if (result == null) {
    return el('p', { class: 'gc-muted' }, `${label}尚未考评`);
  }
  return [el('p', {}, `${label}，共 ${result.results.length} 名网格长，计算于 ${dateTime(result.computedAt)}`),
    el('div', { class: 'gc-tiles' }, Object.entries(result.counts).map(([grade, count]) =>
      el('div', { class: 'gc-tile', 'data-grade': grade }, el('div', { class: 'gc-tile-value' }, count),
        el('div', { class: 'gc-tile-label' }, grade))))];
}

function instanceLink(processInstanceId, text) {
  return processInstanceId
    ? el('a', { href: `#/process-instance/${encodeURIComponent(processInstanceId)}/runtime` }, text)
    : text;
}

/**
 * Shows "加载中…", then what {@code load} returns, or its error. Only the latest load of a container
 * lands, so quick clicks cannot mix periods; returns that load's ticket when it landed, else 0.
 */
async function fill(container, load) {
  const ticket = (container.gcTicket ?? 0) + 1;
  container.gcTicket = ticket;
  container.replaceChildren(el('p', { class: 'gc-muted' }, '加载中…'));
  try {
    const content = await load();
    if (ticket === container.gcTicket) {
      container.replaceChildren(...[content].flat());
      return ticket;
    }
  } catch (error) {
    if (ticket === container.gcTicket) {
      container.replaceChildren(el('p', { class: 'gc-error' }, error.message));
    }
  }
  return 0;
}
