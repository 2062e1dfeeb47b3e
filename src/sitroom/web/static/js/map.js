// The map screen: Leaflet over the offline country outlines, events as circle markers
// coloured by quad class, sized by independent sources, grid-clustered per zoom.

import { gridClusters, dominant } from './cluster.js';
import { actorsText, dateText, eventHref, fetchEventPage, placeText } from './data.js';
import { h, setStatus } from './dom.js';
import { QUADS, QUAD_COLORS, QUAD_LABELS, filterKey, filters } from './state.js';
import { toGeoJSON } from './topo.js';

const PAGE = 500;
const MAX_EVENTS = 10000;
const DETAIL_ZOOM = 4;

let map = null;
let layer = null;
let basemap = null;
let basemapDetail = false;
let events = [];
let loadedKey = null;
let loadToken = 0;
// Set by a live update: reload the events but keep the analyst's zoom and position.
let keepView = false;

function L() {
  return window.L;
}

function radius(event) {
  const sources = event.sources && event.sources > 0 ? event.sources : 1;
  return Math.min(22, 5 + 3 * Math.sqrt(sources - 1) + (sources > 1 ? 2 : 0));
}

function markerStyle(event) {
  const color = QUAD_COLORS[event.quad] || '#777';
  const precision = event.precision || 1;
  return {
    radius: radius(event),
    color,
    weight: precision === 3 ? 2 : 1.5,
    opacity: 0.95,
    fillColor: color,
    fillOpacity: precision === 3 ? 0.06 : precision === 2 ? 0.4 : 0.75,
    dashArray: precision === 3 ? '4 3' : null,
    className: `ev-marker quad-${event.quad} precision-${precision}`,
  };
}

function popupContent(event) {
  const rows = [
    ['Actors', actorsText(event)],
    ['Place', placeText(event)],
    ['Date', dateText(event) + (event.datePrecision ? ` (${event.datePrecision})` : '')],
    ['Modality', event.modality],
    ['Sources', event.sources ?? 1],
  ];
  if (event.fatalities !== null) rows.push(['Fatalities', event.fatalities]);
  if (event.articles !== null) rows.push(['Articles', event.articles]);
  if (event.publisher) rows.push([event.publishers.length > 1 ? 'Outlets' : 'Outlet', event.publisher]);
  return h('div', { class: 'popup' },
    h('div', { class: 'popup-title' },
      h('span', { class: `swatch quad-${event.quad}` }),
      `${event.type || 'event'}${event.mode ? ` · ${event.mode}` : ''}`,
      event.contested ? h('span', { class: 'badge contested' }, 'contested') : null),
    h('dl', null, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v ?? '—')])),
    event.hasSource ? h('a', { href: eventHref(event), class: 'popup-link' }, 'Open source') : null);
}

function clusterPopup(members) {
  const shown = members.slice(0, 15);
  return h('div', { class: 'popup' },
    h('div', { class: 'popup-title' }, `${members.length} events here`),
    h('ul', { class: 'popup-list' }, shown.map((event) => h('li', null,
      event.hasSource
        ? h('a', { href: eventHref(event) }, `${event.type} · ${dateText(event)}`)
        : `${event.type} · ${dateText(event)}`,
      ` ${actorsText(event)}`))),
    members.length > shown.length ? h('p', { class: 'muted' }, `and ${members.length - shown.length} more`) : null);
}

function draw() {
  if (!map) return;
  const leaflet = L();
  const zoom = map.getZoom();
  const placed = events.filter((e) => e.lat !== null && e.lon !== null);
  const clusters = gridClusters(placed, (e) => map.project([e.lat, e.lon], zoom));
  const next = leaflet.layerGroup();
  let markers = 0;
  for (const cluster of clusters) {
    const members = cluster.events;
    if (members.length === 1) {
      const event = members[0];
      const marker = leaflet.circleMarker([event.lat, event.lon], markerStyle(event));
      marker.bindPopup(() => popupContent(event), { maxWidth: 280 });
      // Leaflet puts string content in with innerHTML: always hand it an element.
      marker.bindTooltip(() => h('span', null, `${event.type} · ${event.place || ''}`), { direction: 'top' });
      next.addLayer(marker);
      markers += 1;
      continue;
    }
    const latlng = map.unproject([cluster.x, cluster.y], zoom);
    const quad = dominant(members, 'quad');
    const sources = members.reduce((sum, e) => sum + (e.sources || 1), 0);
    const size = Math.round(Math.min(54, 24 + 5 * Math.log2(sources)));
    const label = h('span', null, members.length > 999 ? `${Math.round(members.length / 100) / 10}k` : String(members.length));
    const icon = leaflet.divIcon({
      html: label,
      className: `cluster quad-${quad}`,
      iconSize: [size, size],
    });
    const marker = leaflet.marker(latlng, { icon, keyboard: true, title: `${members.length} events` });
    const same = members.every((e) => e.lat === members[0].lat && e.lon === members[0].lon);
    if (same || zoom >= map.getMaxZoom()) {
      marker.bindPopup(() => clusterPopup(members), { maxWidth: 300 });
    } else {
      marker.on('click', () => {
        const bounds = leaflet.latLngBounds(members.map((e) => [e.lat, e.lon]));
        map.fitBounds(bounds.pad(0.3), { maxZoom: Math.min(map.getMaxZoom(), zoom + 3) });
      });
    }
    next.addLayer(marker);
    markers += 1;
  }
  if (layer) layer.remove();
  layer = next.addTo(map);
  const el = document.getElementById('map');
  el.dataset.markers = String(markers);
  el.dataset.events = String(placed.length);
}

async function loadBasemap(detail) {
  const name = detail ? 'countries-50m.json' : 'countries-110m.json';
  try {
    const response = await fetch(`/static/basemap/${name}`);
    if (!response.ok) return;
    const geo = toGeoJSON(await response.json(), 'countries');
    const next = L().geoJSON(geo, {
      pane: 'basemap',
      interactive: false,
      style: { color: '#8d99a6', weight: 0.7, fillColor: '#eef1f4', fillOpacity: 1 },
    });
    if (basemap) basemap.remove();
    basemap = next.addTo(map);
  } catch {
    // The map still works without outlines.
  }
}

function legend() {
  const control = L().control({ position: 'bottomright' });
  control.onAdd = () => h('div', { class: 'legend', 'aria-label': 'Legend' },
    QUADS.map((q) => h('div', null, h('span', { class: `swatch quad-${q}` }), QUAD_LABELS[q])),
    h('div', null, h('span', { class: 'swatch precision-1' }), 'exact place'),
    h('div', null, h('span', { class: 'swatch precision-3' }), 'province or wider'),
    h('div', { class: 'muted' }, 'size: independent sources'));
  return control;
}

function init() {
  const leaflet = L();
  map = leaflet.map('map', { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 1 });
  map.createPane('basemap');
  map.getPane('basemap').style.zIndex = 250;
  const tiles = document.querySelector('meta[name="sitroom-tile-url"]')?.content;
  if (tiles) {
    leaflet.tileLayer(tiles, { maxZoom: 18, attribution: 'Map tiles' }).addTo(map);
  } else {
    loadBasemap(false);
  }
  map.attributionControl.setPrefix('');
  map.attributionControl.addAttribution('Natural Earth');
  legend().addTo(map);
  map.setView([20, 10], 2);
  map.on('zoomend', () => {
    draw();
    if (!tiles && !basemapDetail && map.getZoom() >= DETAIL_ZOOM) {
      basemapDetail = true;
      loadBasemap(true);
    }
  });
}

function fit() {
  const placed = events.filter((e) => e.lat !== null && e.lon !== null);
  if (!placed.length) return;
  const bounds = L().latLngBounds(placed.map((e) => [e.lat, e.lon]));
  map.fitBounds(bounds.pad(0.2), { maxZoom: 6, animate: false });
}

export async function showMap() {
  if (!map) init();
  map.invalidateSize();
  const f = filters();
  const key = filterKey(f);
  if (key === loadedKey) return;
  loadedKey = key;
  const keep = keepView;
  keepView = false;
  const token = ++loadToken;
  const status = document.getElementById('map-status');
  setStatus(status, 'Loading events…', 'loading');
  events = [];
  let after = null;
  let first = true;
  try {
    do {
      const page = await fetchEventPage(f, { after, limit: PAGE });
      if (token !== loadToken) return;
      events.push(...page.items);
      after = page.next;
      if (first && !keep) fit();
      first = false;
      draw();
      const unplaced = events.filter((e) => e.lat === null || e.lon === null).length;
      const more = after && events.length < MAX_EVENTS;
      const what = page.source === 'corpus' ? 'corpus events' : 'events';
      if (!events.length) setStatus(status, 'No events match these filters.', 'empty');
      else setStatus(status, `${events.length}${after ? '+' : ''} ${what}` +
        (unplaced ? `, ${unplaced} without coordinates` : '') + (more ? ' · loading more…' : ''));
    } while (after && events.length < MAX_EVENTS);
  } catch (err) {
    if (token === loadToken) {
      loadedKey = null;
      setStatus(status, `Could not load events: ${err.message}`, 'error');
    }
  }
}

// Live updates: the next showMap reloads the events without moving the map.
export function refreshMap() {
  loadedKey = null;
  keepView = true;
}

export function resizeMap() {
  if (map) map.invalidateSize();
}
