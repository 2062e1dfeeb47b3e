// Names on the map, drawn under the markers: countries (from the basemap outlines) where the
// country is wide enough on screen for its name, first-level areas from zoom 5 and places from
// zoom 6 (the places articles name most, from /api/places, and every place an event of the
// filter sits at).

import { getJSON } from './api.js';
import { h } from './dom.js';

const ADMIN1_ZOOM = 5;
const PLACE_ZOOM = 6;
const CHAR_PX = 6.5;

let map = null;
let layer = null;
let countries = [];
let places = [];
let eventPlaces = [];

function ringArea(points) {
  let area = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    area += (points[j][0] + points[i][0]) * (points[j][1] - points[i][1]);
  }
  return Math.abs(area / 2);
}

function centroid(points) {
  let x = 0;
  let y = 0;
  let a = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i, i += 1) {
    const f = points[j][0] * points[i][1] - points[i][0] * points[j][1];
    x += (points[j][0] + points[i][0]) * f;
    y += (points[j][1] + points[i][1]) * f;
    a += f * 3;
  }
  if (!a) return points[0];
  return [x / a, y / a];
}

// Each country's label point: the centroid of its largest polygon (mainland, not islands).
function countryLabels(geojson) {
  const out = [];
  for (const feature of geojson.features) {
    const name = feature.properties && feature.properties.name;
    if (!name || !feature.geometry) continue;
    let best = null;
    for (const polygon of feature.geometry.coordinates) {
      const outer = polygon[0];
      const lon = outer.reduce((s, p) => s + p[0], 0) / outer.length;
      if (lon < -180 || lon > 180) continue; // the copy across the antimeridian
      const area = ringArea(outer);
      if (!best || area > best.area) best = { area, outer };
    }
    if (!best) continue;
    let [minLon, maxLon, minLat, maxLat] = [Infinity, -Infinity, Infinity, -Infinity];
    for (const [lon, lat] of best.outer) {
      minLon = Math.min(minLon, lon);
      maxLon = Math.max(maxLon, lon);
      minLat = Math.min(minLat, lat);
      maxLat = Math.max(maxLat, lat);
    }
    const [lon, lat] = centroid(best.outer);
    out.push({ name, lat, lon, bounds: [[minLat, minLon], [maxLat, maxLon]] });
  }
  return out;
}

function label(text, kind, latlng) {
  const L = window.L;
  const icon = L.divIcon({ html: h('span', null, text), className: `map-label label-${kind}`, iconSize: null });
  return L.marker(latlng, { icon, pane: 'labels', interactive: false, keyboard: false });
}

function draw() {
  if (!map) return;
  const L = window.L;
  const zoom = map.getZoom();
  const next = L.layerGroup();
  for (const c of countries) {
    const nw = map.project(c.bounds[1], zoom);
    const se = map.project(c.bounds[0], zoom);
    const width = Math.abs(se.x - nw.x);
    const height = Math.abs(se.y - nw.y);
    if (width >= c.name.length * CHAR_PX && height >= 14) next.addLayer(label(c.name, 'country', [c.lat, c.lon]));
  }
  const seen = new Set();
  for (const p of [...places, ...eventPlaces]) {
    const key = `${p.name}|${p.lat.toFixed(2)}|${p.lon.toFixed(2)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const wanted = p.kind === 'admin1' ? ADMIN1_ZOOM : PLACE_ZOOM;
    if (zoom >= wanted && p.kind !== 'country') next.addLayer(label(p.name, p.kind === 'admin1' ? 'admin1' : 'place', [p.lat, p.lon]));
  }
  if (layer) layer.remove();
  layer = next.addTo(map);
  document.getElementById('map').dataset.labels = String(next.getLayers().length);
}

export function initLabels(leafletMap) {
  map = leafletMap;
  map.createPane('labels');
  map.getPane('labels').style.zIndex = 420;
  map.getPane('labels').style.pointerEvents = 'none';
  map.on('zoomend', draw);
  getJSON('/api/places', { limit: 500 })
    .then((page) => {
      places = (page.items || []).filter((p) => typeof p.lat === 'number' && typeof p.lon === 'number');
      draw();
    })
    .catch(() => {});
}

// The places the events of the filter sit at, named even when /api/places lists others first.
export function setEventPlaces(events) {
  eventPlaces = events
    .filter((e) => e.place && e.lat !== null && e.lon !== null && e.precision !== 3)
    .map((e) => ({ name: e.place, lat: e.lat, lon: e.lon, kind: 'place' }));
  draw();
}

export function setCountryOutlines(geojson) {
  // The 110m outlines name every country; the detailed ones are only redrawn, not relabelled.
  if (!countries.length) countries = countryLabels(geojson);
  draw();
}
