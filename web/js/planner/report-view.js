// Renders an overlay report (POST /api/overlays/analyze answer) into a container, with textContent only.
const fmt = (n, d = 0) => (n == null ? '' : Number(n).toLocaleString('zh-CN', { maximumFractionDigits: d }));
const pct = (n) => (n == null ? '' : (n * 100).toFixed(1) + '%');

function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

function table(headers, rows) {
  const t = el('table', 'pm-planner-table');
  const head = t.createTHead().insertRow();
  headers.forEach((h) => head.appendChild(el('th', null, h)));
  const body = t.createTBody();
  rows.forEach((r) => { const tr = body.insertRow(); r.forEach((c) => tr.appendChild(el('td', null, c))); });
  return t;
}

export function renderReport(root, answer, { onSelect } = {}) {
  const report = answer.report;
  root.replaceChildren();
  root.appendChild(el('h3', 'pm-planner-title', answer.name || '分析报告 Report'));
  root.appendChild(el('p', 'pm-planner-meta',
    `坐标系 CRS: ${report.crs} (${report.crsSource}) · 面积按 ${report.metricCrs} 计算 · 周边范围 ${fmt(report.distanceMetres)} m`));
  report.caveats.forEach((c) => root.appendChild(el('p', 'pm-planner-caveat', '⚠ ' + c)));
  report.notes.forEach((n) => root.appendChild(el('p', 'pm-planner-note', n)));
  report.features.forEach((f) => {
    const sec = el('section', 'pm-planner-feature');
    sec.appendChild(el('h4', null, f.name));
    const size = f.areaM2 != null ? `${fmt(f.areaM2)} m² · ${fmt(f.areaHa, 2)} ha` : f.lengthM != null ? `${fmt(f.lengthM)} m` : f.geometryType;
    sec.appendChild(el('p', 'pm-planner-size', size));
    if (f.touches.length) {
      sec.appendChild(el('h5', null, '涉及分区 Zones and areas'));
      sec.appendChild(table(['名称', '图层', '面积 m²', 'ha', '占项目', '占分区', '长度 m'], f.touches.map((t) =>
        [t.name, t.collection, fmt(t.areaM2), fmt(t.areaHa, 2), pct(t.shareOfProject), pct(t.shareOfZone), fmt(t.lengthM)])));
    }
    if (f.nearbySites.length) {
      sec.appendChild(el('h5', null, '周边项目 Project sites nearby'));
      const t = table(['项目', '距离 m', '精度'], f.nearbySites.map((s) => [s.name, fmt(s.distanceM), s.accuracy]));
      t.querySelectorAll('tbody tr').forEach((tr, i) => {
        tr.tabIndex = 0;
        tr.addEventListener('click', () => onSelect && onSelect(f.nearbySites[i].id));
      });
      sec.appendChild(t);
    }
    if (f.plan.length) {
      sec.appendChild(el('h5', null, '规划原文 What the plan says'));
      const ul = el('ul', 'pm-planner-plan');
      f.plan.forEach((p) => {
        const li = el('li');
        li.appendChild(el('strong', null, `${p.featureName || p.featureId} — ${p.title || p.nodeId}: `));
        li.appendChild(el('span', null, p.sentence || ''));
        ul.appendChild(li);
      });
      sec.appendChild(ul);
    }
    root.appendChild(sec);
  });
}
