/*
 * 一张图: the district's grids, cases and emergency areas on one map, as Cockpit plugins beside 网格督查 (a link in
 * the header and the page #/gridcase-map). Drawn with the bundled ECharts from the grids' own polygons: no map
 * tiles from anywhere unless an administrator configured an intranet tile server (gridcase.map.base-map-url).
 * Data: /api/map/* (supervisors only) and /api/emergencies. Text from the API goes in as text, never as HTML.
 */
import { getJson } from './api.js';
import { echarts } from './charts.js';
import { dateTime, el, isoDate, percent, table } from './dom.js';

const ROUTE = '/gridcase-map';
const MAP_NAME = 'gridcase-district';
const COLOURS = { red: ['红', '#d93025'], yellow: ['黄', '#f2a900'], green: ['绿', '#2e9e44'] };
const NO_COLOUR = ['未定', '#7a7a7a'];
const CHANNELS = { patrol: '网格员巡查', photo: '随手拍', hotline: '热线', mailbox: '书记信箱', web: '网络问政',
  visit: '来访', email: '电子邮件', open311: 'Open311', api: '接口' };
/** The shading layers: what a grid's colour says. */
const LAYERS = [
  ['open', '在办案件数', 'count'], ['overdue', '超期案件数', 'count'], ['acceptanceRate', '受理率（所选时段）', 'rate'],
  ['completionRate', '办结率（所选时段）', 'rate'], ['satisfactionRate', '满意率（所选时段）', 'rate'], ['none', '不着色', 'none']
];
const RAMPS = {
  open: ['#fde6c8', '#fbbf7a', '#f28c38', '#d9531e'],
  overdue: ['#f9d0d3', '#f08a93', '#d63a4a', '#8e0f20'],
  rate: [['< 60%', 0, '#d9534f'], ['60–80%', 0.6, '#f0ad4e'], ['80–95%', 0.8, '#b9d77a'], ['≥ 95%', 0.95, '#3c9a4a']]
};
const EMPTY = '#eef1f5';
const NO_DATA = '#dcdfe4';

export default [
  {
    id: 'gridcase-map-link',
    pluginPoint: 'cockpit.navigation',
    priority: 99,
    render: node => node.append(el('a', { href: `#${ROUTE}` }, '一张图')),
    checkActive: url => url.includes(`#${ROUTE}`)
  },
  {
    id: 'gridcase-map-page',
    pluginPoint: 'cockpit.route',
    properties: { path: ROUTE, label: '一张图' },
    render: renderPage,
    unmount: () => dispose()
  }
];

let dispose = () => {};

/** What the page shows; kept while Cockpit switches pages. */
const view = {
  year: new Date().getFullYear(), month: 0, category: '', colour: '', channel: '', layer: 'open',
  points: true, emergencies: true, heat: false, borders: true
};

function renderPage(node) {
  const started = performance.now();
  const thisYear = new Date().getFullYear();
  const controls = {
    year: select('gc-map-year', Array.from({ length: 6 }, (_, i) => [thisYear - i, `${thisYear - i}年`]), view.year),
    month: select('gc-map-month', [[0, '全年'], ...Array.from({ length: 12 }, (_, i) => [i + 1, `${i + 1}月`])], view.month),
    category: select('gc-map-category', [['', '全部类别']], view.category),
    colour: select('gc-map-colour', [['', '全部颜色'], ...Object.entries(COLOURS).map(([key, [label]]) => [key, label])],
      view.colour),
    channel: select('gc-map-channel', [['', '全部渠道'], ...Object.entries(CHANNELS)], view.channel),
    layer: select('gc-map-layer', LAYERS.map(([key, label]) => [key, label]), view.layer)
  };
  const toggles = {
    points: checkbox('gc-map-points', '案件点', view.points),
    emergencies: checkbox('gc-map-emergencies', '应急区域', view.emergencies),
    heat: checkbox('gc-map-heat', '诉求热力（所选时段）', view.heat),
    borders: checkbox('gc-map-borders', '街道/社区边界', view.borders)
  };
  const chartNode = el('div', { id: 'gc-map-chart', class: 'gc-map-chart', 'data-state': 'loading' });
  const status = el('p', { id: 'gc-map-status', class: 'gc-muted' }, '加载中…');
  const legend = el('div', { id: 'gc-map-legend' });
  const detail = el('div', { id: 'gc-map-detail' }, el('p', { class: 'gc-muted' }, '点击网格或案件点查看详情'));
  const title = el('span', { id: 'gc-map-period' });
  node.append(el('div', { class: 'gc-page' },
    el('header', { class: 'gc-header' }, el('h2', {}, '一张图 ', el('small', {}, title)),
      label('年度', controls.year), label('月份', controls.month), label('类别', controls.category),
      label('颜色', controls.colour), label('渠道', controls.channel)),
    el('div', { class: 'gc-map-bar' }, label('网格着色', controls.layer), Object.values(toggles).map(t => t.label)),
    el('div', { class: 'gc-map-layout' },
      el('section', { class: 'gc-panel gc-map-main' }, status, chartNode),
      el('aside', { class: 'gc-map-side' }, el('section', { class: 'gc-panel' }, el('h4', {}, '图例'), legend),
        el('section', { class: 'gc-panel' }, el('h4', {}, '详情'), detail)))));

  let chart;
  let data = {};
  let revision = -1;
  let ticket = 0;
  const resize = () => chart?.resize();
  dispose();
  dispose = () => {
    window.removeEventListener('resize', resize);
    chart?.dispose();
  };
  window.addEventListener('resize', resize);

  for (const [key, control] of Object.entries(controls)) {
    control.addEventListener('change', () => {
      const hadRates = data.grids?.layer && kindOf(data.grids.layer) === 'rate';
      view[key] = ['year', 'month'].includes(key) ? Number(control.value) : control.value;
      // The counts come with every load; a rate layer needs the period's requests, read only when asked for.
      key === 'layer' && (hadRates || kindOf(view.layer) !== 'rate') ? draw() : load();
    });
  }
  for (const [key, toggle] of Object.entries(toggles)) {
    toggle.input.addEventListener('change', () => {
      view[key] = toggle.input.checked;
      key === 'heat' && view.heat && !data.heat ? load() : draw();
    });
  }

  function query(withPeriod = true) {
    const { from, to } = period();
    const params = new URLSearchParams();
    if (withPeriod) {
      params.set('from', from);
      params.set('to', to);
      params.set('layer', view.layer);
    }
    for (const key of ['category', 'colour', 'channel']) {
      if (view[key]) {
        params.set(key, view[key]);
      }
    }
    return params.toString();
  }

  async function load() {
    const mine = ++ticket;
    title.textContent = period().label;
    chartNode.setAttribute('data-state', 'loading');
    status.className = 'gc-muted';
    status.textContent = '加载中…';
    try {
      const [library, grids, points, emergencies, heat] = await Promise.all([echarts(),
        getJson(`/map/grids?${query()}`), getJson(`/map/cases?${query(false)}`), getJson('/emergencies?active=true'),
        view.heat ? getJson(`/map/heat?${query()}`) : null]);
      if (mine !== ticket) {
        return;
      }
      if (grids.revision !== revision) {
        library.registerMap(MAP_NAME, { type: 'FeatureCollection', features: grids.features });
        revision = grids.revision;
      }
      fillCategories(controls.category, grids.categories);
      data = { library, grids, points, emergencies, heat, byCode: new Map(grids.features.map(f => [f.id, f])) };
      if (!chart) {
        chartNode.style.height = `${fittingHeight(chartNode.clientWidth, grids.bounds)}px`;
        chart = init(library);
        // The first complete drawing of every layer: the page's render time, for the benchmark.
        chart.on('finished', function once() {
          chart.off('finished', once);
          chartNode.setAttribute('data-render-ms', String(Math.round(performance.now() - started)));
        });
      }
      draw();
    } catch (error) {
      if (mine === ticket) {
        status.className = 'gc-error';
        status.textContent = error.message;
        chartNode.setAttribute('data-state', 'error');
      }
    }
  }

  function init(library) {
    const instance = library.init(chartNode, null, { renderer: 'canvas' });
    instance.on('click', params => {
      if (params.componentType === 'geo') {
        showGrid(params.name);
      } else if (data.pointsOf?.[params.seriesId]) {
        showCase(data.pointsOf[params.seriesId][params.dataIndex]);
      }
    });
    return instance;
  }

  /** (Re)draws every layer from the loaded data; switching the shading does not reload. */
  function draw() {
    if (!data.grids) {
      return;
    }
    const { grids, points, emergencies } = data;
    const layer = LAYERS.find(([key]) => key === view.layer);
    const shade = shading(layer, grids.features);
    const outlined = view.emergencies ? emergencyOutlines(emergencies, grids) : { segments: [], codes: [] };
    const cases = view.points ? points.rows.map(row => Object.fromEntries(points.fields.map((f, i) => [f, row[i]]))) : [];
    const bounds = grids.bounds;
    const centreLatitude = (bounds[1] + bounds[3]) / 2;
    const series = [];
    if (grids.baseMapUrl) {
      series.push(tiles(grids.baseMapUrl, bounds));
    }
    if (view.borders) {
      for (const [level, width, colour] of [['community', 1, '#7d8a99'], ['street', 2.5, '#34495e']]) {
        series.push(lines(`borders-${level}`, grids.borders.filter(b => b.level === level).flatMap(b => b.segments),
          { width, color: colour }));
      }
    }
    if (view.heat && data.heat) {
      series.push({ id: 'heat', type: 'heatmap', coordinateSystem: 'geo', pointSize: 14, blurSize: 18,
        data: data.heat.cells.map(([lon, lat, n]) => [lon, lat, n]) });
    }
    series.push(lines('emergency-outlines', outlined.segments, { width: 3.5, color: '#c0392b', type: 'dashed' }));
    series.push(lines('selection', selectedOutline(), { width: 3, color: '#1a4f9c' }));
    // One series per colour (large mode draws a series in one style); a click finds its case by index.
    const large = cases.length > 3000;
    data.pointsOf = {};
    for (const [key, [, colour]] of [...Object.entries(COLOURS), ['none', NO_COLOUR]]) {
      const mine = cases.filter(c => (COLOURS[c.colour] ? c.colour : 'none') === key);
      data.pointsOf[`cases-${key}`] = mine;
      series.push({ id: `cases-${key}`, type: 'scatter', coordinateSystem: 'geo', symbolSize: 8, large, z: 4,
        itemStyle: { color: colour, borderColor: '#fff', borderWidth: large ? 0 : 1 },
        data: mine.map(c => [c.longitude, c.latitude]) });
    }
    const overdueCases = cases.filter(c => c.overdue);
    data.pointsOf['overdue-rings'] = overdueCases;
    series.push({ id: 'overdue-rings', type: 'scatter', coordinateSystem: 'geo', symbolSize: 16, large, z: 5,
      itemStyle: { color: 'rgba(0,0,0,0)', borderColor: '#6b0012', borderWidth: 2.5 },
      data: overdueCases.map(c => [c.longitude, c.latitude]) });
    const heatIndex = series.findIndex(item => item.id === 'heat');

    chart.setOption({
      animation: false,
      tooltip: { trigger: 'item', renderMode: 'richText', formatter: tooltip },
      visualMap: heatIndex >= 0 ? [{ type: 'continuous', seriesIndex: heatIndex, min: 0,
        max: Math.max(1, data.heat.max), calculable: false, orient: 'horizontal', left: 12, bottom: 8,
        text: ['多', '少'], inRange: { color: ['rgba(255,255,178,0.2)', '#fecc5c', '#fd8d3c', '#e31a1c'] } }] : [],
      geo: {
        map: MAP_NAME, roam: true, aspectScale: Math.cos(centreLatitude * Math.PI / 180),
        left: 12, right: 12, top: 36, bottom: 12, selectedMode: false,
        label: { show: false }, emphasis: { label: { show: false }, itemStyle: { areaColor: '#cfe3ff' } },
        itemStyle: { areaColor: grids.baseMapUrl ? 'rgba(238,241,245,0.35)' : EMPTY, borderColor: '#b4bdc8',
          borderWidth: 0.5 },
        regions: grids.features.map(f => ({ name: f.id,
          itemStyle: { areaColor: grids.baseMapUrl ? translucent(shade.colour(f)) : shade.colour(f) } }))
      },
      series
    }, { replaceMerge: ['series', 'visualMap'] });

    legendOf(shade, outlined, cases.length);
    const open = grids.features.reduce((sum, f) => sum + f.properties.open, 0);
    const overdue = grids.features.reduce((sum, f) => sum + f.properties.overdue, 0);
    status.className = 'gc-muted';
    status.textContent = `网格 ${grids.features.length} 个 · 在办 ${open} 件 · 超期 ${overdue} 件`
      + (view.points ? ` · 地图上 ${cases.length} 个案件点` : '')
      + (view.points && points.truncated ? `（仅显示最早到期的 ${points.limit} 个，请用筛选缩小范围）` : '');
    chartNode.setAttribute('data-grids', String(grids.features.length));
    chartNode.setAttribute('data-points', String(cases.length));
    chartNode.setAttribute('data-layer', view.layer);
    chartNode.setAttribute('data-emergency', outlined.codes.join(','));
    chartNode.setAttribute('data-state', 'ready');
  }

  function tooltip(params) {
    if (params.componentType === 'geo') {
      const grid = data.byCode.get(params.name);
      if (!grid) {
        return '';
      }
      const p = grid.properties;
      const rates = p.received == null ? ''
        : `\n收到 ${p.received} · 受理率 ${percent(p.acceptanceRate)} · 办结率 ${percent(p.completionRate)}`
          + ` · 满意率 ${percent(p.satisfactionRate)}`;
      return `${p.gridName}\n在办 ${p.open} · 超期 ${p.overdue}${rates}`;
    }
    const item = data.pointsOf?.[params.seriesId]?.[params.dataIndex];
    return item ? `${item.trackingNumber} ${COLOURS[item.colour]?.[0] ?? ''}${item.overdue ? ' · 超期' : ''}` : '';
  }

  let selected = null;

  function selectedOutline() {
    const grid = selected && data.byCode?.get(selected);
    return grid ? ringSegments(grid.geometry.coordinates[0]) : [];
  }

  async function showGrid(code) {
    const grid = data.byCode.get(code);
    if (!grid) {
      return;
    }
    selected = code;
    draw();
    const mine = (detail.gcTicket ?? 0) + 1;
    detail.gcTicket = mine;
    detail.replaceChildren(el('p', { class: 'gc-muted' }, '加载中…'));
    try {
      const d = await getJson(`/map/grids/${encodeURIComponent(code)}?${query()}`);
      if (mine !== detail.gcTicket) {
        return;
      }
      const f = d.figures;
      detail.replaceChildren(el('div', { class: 'gc-map-grid', 'data-grid': d.code },
        el('h5', { class: 'gc-map-name' }, d.name),
        el('p', { class: 'gc-muted' }, [d.streetName, d.communityName, d.code].filter(Boolean).join(' · ')),
        el('p', {}, '网格长：', el('span', { class: 'gc-map-leader' }, d.leaders.length ? d.leaders.join('、') : '未配备')),
        el('div', { class: 'gc-tiles gc-map-tiles' }, [['在办', f.open, 'open'], ['超期', f.overdue, 'overdue'],
          ['收到', f.received, 'received'], ['受理率', percent(f.acceptanceRate), 'acceptanceRate'],
          ['办结率', percent(f.completionRate), 'completionRate'], ['满意率', percent(f.satisfactionRate), 'satisfactionRate']]
          .map(([name, value, key]) => el('div', { class: 'gc-tile', 'data-figure': key },
            el('div', { class: 'gc-tile-value' }, value), el('div', { class: 'gc-tile-label' }, name)))),
        el('h5', {}, `在办案件（${d.openCases.length}${d.truncated ? '+' : ''}）`),
        table(['受理编号', '类别', '颜色', '应办结'], d.openCases, c => [
          instanceLink(c.processInstanceId, c.trackingNumber), c.categoryName ?? c.categoryCode ?? '—', colourBadge(c.colour),
          el('span', { class: c.overdue ? 'gc-map-overdue' : null }, dateTime(c.dueAt), c.overdue ? '（超期）' : '')],
        { key: c => c.trackingNumber })));
    } catch (error) {
      if (mine === detail.gcTicket) {
        detail.replaceChildren(el('p', { class: 'gc-error' }, error.message));
      }
    }
  }

  function showCase(c) {
    if (!c) {
      return;
    }
    selected = c.gridCode;
    draw();
    const grid = data.byCode.get(c.gridCode);
    const category = data.grids.categories.find(cat => cat.code === c.categoryCode);
    detail.gcTicket = (detail.gcTicket ?? 0) + 1;
    detail.replaceChildren(el('div', { class: 'gc-map-case', 'data-case': c.trackingNumber },
      el('h5', {}, '案件 ', instanceLink(c.processInstanceId, c.trackingNumber)),
      table(['项目', '内容'], [
        ['网格', grid ? grid.properties.gridName : (c.gridCode ?? '—')],
        ['类别', category ? category.name : (c.categoryCode ?? '—')],
        ['颜色', colourBadge(c.colour)],
        ['应办结', el('span', { class: c.overdue ? 'gc-map-overdue' : null }, dateTime(c.dueAt), c.overdue ? '（超期）' : '')]
      ], row => row),
      grid ? el('a', { href: `#${ROUTE}`, onclick: event => { event.preventDefault(); showGrid(c.gridCode); } },
        '查看所在网格 →') : null));
  }

  function legendOf(shade, outlined, pointCount) {
    legend.replaceChildren(...[
      el('p', { class: 'gc-map-legend-title' }, shade.title),
      el('ul', { class: 'gc-map-legend' }, shade.pieces.map(([text, colour]) =>
        el('li', {}, el('span', { class: 'gc-swatch', style: `background:${colour}` }), text))),
      view.points ? el('ul', { class: 'gc-map-legend' },
        Object.values(COLOURS).map(([text, colour]) =>
          el('li', {}, el('span', { class: 'gc-dot', style: `background:${colour}` }), `${text}色案件`)),
        el('li', {}, el('span', { class: 'gc-ring' }), `超期（圆环）· 共 ${pointCount} 个点`)) : null,
      view.emergencies ? el('ul', { class: 'gc-map-legend' }, el('li', {}, el('span', { class: 'gc-dash' }),
        outlined.codes.length ? `应急状态区域：${outlined.names.join('、')}` : '当前没有处于应急状态的区域')) : null,
      data.grids.baseMapUrl ? el('p', { class: 'gc-muted' }, '底图：内网瓦片服务') : null].filter(Boolean));
  }

  load();
}

function kindOf(layer) {
  return LAYERS.find(([key]) => key === layer)?.[2];
}

/** The colour of each grid for a layer, and the legend's pieces. */
function shading([key, title, kind], features) {
  if (kind === 'none') {
    return { title, pieces: [], colour: () => EMPTY };
  }
  if (kind === 'rate') {
    const pieces = RAMPS.rate;
    const colour = f => {
      const rate = f.properties[key];
      return rate == null ? NO_DATA : [...pieces].reverse().find(([, min]) => rate >= min)[2];
    };
    return { title, pieces: [...pieces.map(([text, , c]) => [text, c]), ['无数据', NO_DATA]], colour };
  }
  const ramp = RAMPS[key];
  const max = Math.max(0, ...features.map(f => f.properties[key]));
  // Up to four classes from 1 to the highest count (fewer when counts are small); 0 stays blank.
  const count = Math.min(ramp.length, max);
  const shift = count < ramp.length ? ramp.length - count - 1 : 0;
  const classes = Array.from({ length: count }, (_, i) =>
    [1 + Math.floor(i * max / count), Math.floor((i + 1) * max / count), ramp[i + shift]]);
  const colour = f => {
    const n = f.properties[key];
    return n === 0 ? EMPTY : ([...classes].reverse().find(([low]) => n >= low)?.[2] ?? ramp[0]);
  };
  const pieces = [['0', EMPTY], ...classes.map(([low, high, c]) => [low === high ? `${low}` : `${low}–${high}`, c])];
  return { title: `${title}（件）`, pieces: max === 0 ? [['0', EMPTY]] : pieces, colour };
}

/** Outlines of the areas in emergency mode: a street's or community's border, a grid's ring, the district's. */
function emergencyOutlines(emergencies, grids) {
  const segments = [];
  const codes = [];
  const names = [];
  for (const area of emergencies) {
    const border = grids.borders.find(b => b.code === area.areaCode);
    const grid = grids.features.find(f => f.id === area.areaCode);
    const found = border ? border.segments : grid ? ringSegments(grid.geometry.coordinates[0]) : null;
    if (found) {
      segments.push(...found);
      codes.push(area.areaCode);
      names.push(area.areaName ?? area.areaCode);
    }
  }
  return { segments, codes, names };
}

function ringSegments(ring) {
  return ring.slice(1).map((corner, i) => [ring[i][0], ring[i][1], corner[0], corner[1]]);
}

function lines(id, segments, lineStyle) {
  return { id, type: 'lines', coordinateSystem: 'geo', silent: true, z: 3, polyline: false, lineStyle: { opacity: 1, ...lineStyle },
    data: segments.map(([x1, y1, x2, y2]) => ({ coords: [[x1, y1], [x2, y2]] })) };
}

/**
 * An XYZ tile layer under the grids, from the configured intranet tile server: the tiles covering the district at
 * a zoom where it spans about eight tiles, each drawn as an image between its corners.
 */
function tiles(template, [west, south, east, north]) {
  const zoom = Math.max(1, Math.min(18, Math.round(Math.log2(360 * 8 / Math.max(1e-6, east - west)))));
  const n = 2 ** zoom;
  const tileX = lon => Math.floor((lon + 180) / 360 * n);
  const tileY = lat => Math.floor((1 - Math.asinh(Math.tan(lat * Math.PI / 180)) / Math.PI) / 2 * n);
  const lonOf = x => x / n * 360 - 180;
  const latOf = y => Math.atan(Math.sinh(Math.PI * (1 - 2 * y / n))) * 180 / Math.PI;
  const items = [];
  for (let x = tileX(west); x <= tileX(east); x++) {
    for (let y = tileY(north); y <= tileY(south); y++) {
      items.push([x, y]);
    }
  }
  return { id: 'base-map', type: 'custom', coordinateSystem: 'geo', silent: true, z: -10, data: items,
    renderItem: (params, api) => {
      const x = api.value(0);
      const y = api.value(1);
      const [left, top] = api.coord([lonOf(x), latOf(y)]);
      const [right, bottom] = api.coord([lonOf(x + 1), latOf(y + 1)]);
      const image = template.replace('{z}', zoom).replace('{x}', x).replace('{y}', y);
      return { type: 'image', style: { image, x: left, y: top, width: right - left, height: bottom - top } };
    } };
}

/** A height that fits the district at the chart's width (no wide empty bands), within reason. */
function fittingHeight(width, [west, south, east, north]) {
  const wide = (east - west) * Math.cos((south + north) / 2 * Math.PI / 180);
  const high = north - south;
  return wide > 0 && high > 0 ? Math.round(Math.min(760, Math.max(420, width * high / wide + 48))) : 640;
}

function translucent(colour) {
  return colour.startsWith('#') && colour.length === 7 ? `${colour}b3` : colour;
}

function period() {
  const { year, month } = view;
  if (month === 0) {
    return { from: isoDate(year, 1, 1), to: isoDate(year, 12, 31), label: `${year}年` };
  }
  const lastDay = new Date(year, month, 0).getDate();
  return { from: isoDate(year, month, 1), to: isoDate(year, month, lastDay), label: `${year}年${month}月` };
}

function fillCategories(control, categories) {
  if (control.options.length > 1) {
    return;
  }
  control.append(...categories.map(c => el('option', { value: c.code, selected: c.code === view.category }, c.name)));
}

function select(id, options, value) {
  return el('select', { id, class: 'form-control input-sm' },
    options.map(([key, text]) => el('option', { value: key, selected: String(key) === String(value) }, text)));
}

function checkbox(id, text, checked) {
  const input = el('input', { type: 'checkbox', id, checked });
  return { input, label: el('label', { class: 'gc-map-toggle' }, input, text) };
}

function label(text, control) {
  return el('label', {}, `${text} `, control);
}

function colourBadge(colour) {
  const [text, background] = COLOURS[colour] ?? NO_COLOUR;
  return el('span', { class: 'gc-badge', style: `background:${background}` }, text);
}

function instanceLink(processInstanceId, text) {
  return processInstanceId
    ? el('a', { href: `#/process-instance/${encodeURIComponent(processInstanceId)}/runtime` }, text)
    : text;
}
