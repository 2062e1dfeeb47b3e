// What an event looks like on the map: a shape for its kind of type (violence a burst, protest
// a flag-like triangle, coercion a square, verbal conflict a diamond, cooperation a circle),
// filled with its quad-class colour and sized by independent sources; clusters as rings split
// by quad class, so that the mix of a cluster shows at a glance.

import { svg } from './dom.js';
import { QUADS, quadColor } from './state.js';

// PLOVER type → shape family. Codes, not words: the contract's type names.
const FAMILY = {
  FIGHT: 'burst', ASSAULT: 'burst',
  PROTEST: 'flag', MOBILIZE: 'flag',
  COERCE: 'square', CRIME: 'square', SANCTION: 'square',
  THREATEN: 'diamond', DEMAND: 'diamond', DISAPPROVE: 'diamond', REJECT: 'diamond', INVESTIGATE: 'diamond',
};
export const SHAPES = ['burst', 'flag', 'square', 'diamond', 'circle'];
export const SHAPE_LABELS = {
  burst: 'fighting, assault', flag: 'protest, mobilisation', square: 'coercion, crime, sanctions',
  diamond: 'threats, demands, criticism', circle: 'cooperation, talks, aid',
};

export function shapeOf(type) {
  return FAMILY[type] || 'circle';
}

// An SVG path of the shape in a box of side s centred on (c, c).
function shapePath(shape, c, s) {
  const r = s / 2;
  if (shape === 'square') return `M${c - r * 0.8} ${c - r * 0.8}h${1.6 * r}v${1.6 * r}h${-1.6 * r}z`;
  if (shape === 'diamond') return `M${c} ${c - r}L${c + r} ${c}L${c} ${c + r}L${c - r} ${c}z`;
  if (shape === 'flag') return `M${c} ${c - r}L${c + r} ${c + r * 0.8}L${c - r} ${c + r * 0.8}z`;
  if (shape === 'burst') {
    const points = [];
    for (let i = 0; i < 16; i += 1) {
      const a = (Math.PI * i) / 8 - Math.PI / 2;
      const d = i % 2 ? r * 0.5 : r;
      points.push(`${(c + d * Math.cos(a)).toFixed(2)} ${(c + d * Math.sin(a)).toFixed(2)}`);
    }
    return `M${points.join('L')}z`;
  }
  return `M${c - r} ${c}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0z`;
}

export function markerSize(event) {
  const sources = event.sources && event.sources > 0 ? event.sources : 1;
  return Math.round(Math.min(40, 20 + 6 * Math.sqrt(sources - 1)));
}

// The marker's SVG: the path carries class ev-marker, the quad and the place precision.
export function eventSymbol(event, size = markerSize(event)) {
  const precision = event.precision || 1;
  const color = quadColor(event.quad);
  const shape = shapeOf(event.type);
  const pad = 2;
  return svg('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, class: 'ev-symbol', 'aria-hidden': 'true' },
    svg('path', {
      d: shapePath(shape, size / 2, size - 2 * pad),
      class: `ev-marker quad-${event.quad} precision-${precision} shape-${shape}`,
      fill: color,
      'fill-opacity': precision === 3 ? 0.15 : precision === 2 ? 0.55 : 0.9,
      stroke: precision === 3 ? color : '#ffffff',
      'stroke-width': precision === 3 ? 2 : 1.2,
      'stroke-dasharray': precision === 3 ? '3 2' : null,
    }));
}

export function legendSymbol(shape) {
  return svg('svg', { width: 14, height: 14, viewBox: '0 0 14 14', class: 'legend-symbol', 'aria-hidden': 'true' },
    svg('path', { d: shapePath(shape, 7, 12), fill: '#5b6875' }));
}

// A ring cut into one arc per quad class in proportion to its events, the count inside.
export function clusterRing(events, size) {
  const counts = new Map();
  for (const e of events) {
    const quad = QUADS.includes(e.quad) ? e.quad : 'other';
    counts.set(quad, (counts.get(quad) || 0) + 1);
  }
  const c = size / 2;
  const r = c - 4;
  const circumference = 2 * Math.PI * r;
  const parts = [svg('circle', { cx: c, cy: c, r: r - 5, fill: 'rgba(255,255,255,0.92)' })];
  let offset = 0;
  for (const quad of [...QUADS, 'other']) {
    const n = counts.get(quad);
    if (!n) continue;
    const length = (n / events.length) * circumference;
    parts.push(svg('circle', {
      cx: c, cy: c, r, fill: 'none', stroke: quadColor(quad), 'stroke-width': 7,
      'stroke-dasharray': `${length} ${circumference - length}`,
      'stroke-dashoffset': -offset, transform: `rotate(-90 ${c} ${c})`,
      class: `cluster-part quad-${quad}`, 'data-count': n,
    }));
    offset += length;
  }
  const label = events.length > 999 ? `${Math.round(events.length / 100) / 10}k` : String(events.length);
  parts.push(svg('text', { x: c, y: c, 'text-anchor': 'middle', 'dominant-baseline': 'central', class: 'cluster-count' }, label));
  return svg('svg', { width: size, height: size, viewBox: `0 0 ${size} ${size}`, 'aria-hidden': 'true' }, parts);
}
