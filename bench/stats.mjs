// Small statistics for timing samples: medians and maxima that skip missing values. Timings are
// noisy, so the report shows medians (and maxima for longest tasks), never single runs.

export function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

export function max(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x));
  return v.length ? Math.max(...v) : null;
}

export const round = (x, digits = 1) => (typeof x === 'number' ? Number(x.toFixed(digits)) : x);
