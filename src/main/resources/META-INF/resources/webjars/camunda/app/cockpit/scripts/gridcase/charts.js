/*
 * Charts with Apache ECharts, bundled beside this file (echarts/, see its LICENSE and NOTICE); no CDN.
 * echarts.min.js is a classic script that defines window.echarts, so it is added as a script element once.
 */
let library;

/** The ECharts library, loaded on first use. */
export function echarts() {
  library ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = new URL('./echarts/echarts.min.js', import.meta.url).href;
    script.onload = () => resolve(window.echarts);
    script.onerror = () => reject(new Error('图表库加载失败'));
    document.head.append(script);
  });
  return library;
}

const SERIES = [
  ['受理率', 'acceptanceRate', '#3b7dd8'],
  ['办结率', 'completionRate', '#4caf50'],
  ['满意率', 'satisfactionRate', '#f0a030']
];

/**
 * Bars of the three rates (in %) per unit; a click on a unit's bars calls {@code onUnit(kpi)}.
 * Returns a function that disposes the chart.
 */
export async function rateBars(node, kpis, onUnit) {
  const chart = (await echarts()).init(node, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    // Plain-text tooltips: unit names never pass through HTML.
    tooltip: { trigger: 'axis', renderMode: 'richText', valueFormatter: value => (value == null ? '—' : `${value}%`) },
    legend: { top: 0 },
    grid: { left: 48, right: 16, top: 36, bottom: 72 },
    xAxis: { type: 'category', data: kpis.map(kpi => kpi.unitName), axisLabel: { rotate: kpis.length > 6 ? 35 : 0 } },
    yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    series: SERIES.map(([name, field, color]) => ({
      name, type: 'bar', itemStyle: { color },
      data: kpis.map(kpi => (kpi[field] == null ? null : Math.round(kpi[field] * 1000) / 10))
    }))
  });
  if (onUnit) {
    chart.on('click', event => onUnit(kpis[event.dataIndex]));
  }
  return () => chart.dispose();
}
