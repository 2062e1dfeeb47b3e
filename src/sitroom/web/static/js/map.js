// The map screen: Leaflet over the offline country outlines (antimeridian-safe, labelled),
// events as type symbols coloured by quad class and sized by independent sources, clustered by
// Leaflet.markercluster into rings that show their quad mix; co-located events fan out on
// click. Hovering or clicking a marker points at its line in the feed, and the other way round.

import { actorsText, dateText, eventHref, placeText } from './data.js';
import { MAX_EVENTS, eventsFor } from './dataset.js';
import { h, setStatus } from './dom.js';
import { renderFeed, setFeedBounds } from './feed.js';
import { initLabels, setCountryOutlines, setEventPlaces } from './labels.js';
import { QUADS, QUAD_LABELS, filterKey, filters, onFocus, focus } from './state.js';
import { SHAPES, SHAPE_LABELS, clusterRing, eventSymbol, legendSymbol, markerSize } from './symbols.js';
import { toGeoJSON } from './topo.js';

// How long the pointer rests on a cluster before the feed shows its first event.
const HOVER_DELAY_MS = 250;

const DETAIL_ZOOM = 4;
// The zoom a click in the feed goes to: a province and its towns.
const FOCUS_ZOOM = 7;
// The first page of events is this long (dataset.js): more means the feed waits for the rest.
const PAGE_HINT = 500;

let map = null;
let group = null;
let basemap = null;
let basemapDetail = false;
let markers = new Map();
let loadedKey = null;
let loadToken = 0;
// Set by a live update: reload the events but keep the analyst's zoom and position.
let keepView = false;

function L() {
  return window.L;
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
  return h('div', { class: 'popup', 'data-id': event.id },
    h('div', { class: 'popup-title' },
      h('span', { class: `swatch quad-${event.quad}` }),
      `${event.type || 'event'}${event.mode ? ` · ${event.mode}` : ''}`,
      event.contested ? h('span', { class: 'badge contested' }, 'contested') : null),
    event.description ? h('p', { class: 'popup-what' }, event.description) : null,
    h('dl', null, rows.map(([k, v]) => [h('dt', null, k), h('dd', null, v ?? '—')])),
    event.hasSource ? h('a', { href: eventHref(event), class: 'popup-link' }, 'Open source') : null);
}

function eventMarker(event) {
  const size = markerSize(event);
  const icon = L().divIcon({
    html: eventSymbol(event, size),
    className: 'ev-icon',
    iconSize: [size, size],
  });
  const marker = L().marker([event.lat, event.lon], { icon, keyboard: true, title: `${event.type} · ${event.place || ''}` });
  marker.event = event;
  marker.bindPopup(() => popupContent(event), { maxWidth: 300 });
  marker.on('mouseover', () => focus(event.id, 'map'));
  marker.on('click', () => focus(event.id, 'map', true));
  return marker;
}

function clusterIcon(cluster) {
  const events = cluster.getAllChildMarkers().map((m) => m.event);
  const sources = events.reduce((sum, e) => sum + (e.sources || 1), 0);
  const size = Math.round(Math.min(60, 34 + 5 * Math.log2(sources)));
  return L().divIcon({
    html: clusterRing(events, size),
    className: 'cluster',
    iconSize: [size, size],
  });
}

// Markers for the events from index `from` on; 0 starts over (a new filter).
function draw(events, from = 0) {
  if (!map) return;
  if (from === 0) {
    group.clearLayers();
    markers = new Map();
  }
  const layers = [];
  for (const event of events.slice(from)) {
    if (event.lat === null || event.lon === null) continue;
    const marker = eventMarker(event);
    markers.set(event.id, marker);
    layers.push(marker);
  }
  group.addLayers(layers);
  document.getElementById('map').dataset.events = String(markers.size);
  countVisible();
}

function countVisible() {
  const el = document.getElementById('map');
  el.dataset.markers = String(document.querySelectorAll('#map .ev-icon, #map .cluster').length);
  if (map) el.dataset.zoom = String(map.getZoom());
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
      // Unclipped: Leaflet's clipping to the view would add edges along the view's border.
      noClip: true,
      style: (feature) => ({
        color: '#8d99a6', weight: 0.7, fillColor: '#eef1f4', fillOpacity: 1,
        stroke: !feature.properties.aroundPole,
      }),
    });
    if (basemap) basemap.remove();
    basemap = next.addTo(map);
    setCountryOutlines(geo);
  } catch {
    // The map still works without outlines.
  }
}

function legend() {
  const control = L().control({ position: 'bottomright' });
  control.onAdd = () => {
    const body = h('div', { class: 'legend-body' },
      h('div', null, QUADS.map((q) => h('div', null, h('span', { class: `swatch quad-${q}` }), QUAD_LABELS[q]))),
      h('div', null, SHAPES.map((s) => h('div', null, legendSymbol(s), ` ${SHAPE_LABELS[s]}`))),
      h('div', { class: 'muted legend-note' }, 'Faint and dashed: province or wider. Size: independent sources. Rings: clusters split by quad class.'));
    const toggle = h('button', { type: 'button', class: 'legend-toggle', 'aria-expanded': 'true' }, 'Legend');
    const box = h('div', { class: 'legend', 'aria-label': 'Legend' }, toggle, body);
    const set = (open) => {
      body.hidden = !open;
      toggle.setAttribute('aria-expanded', String(open));
    };
    toggle.addEventListener('click', () => set(body.hidden));
    set(!window.matchMedia('(max-width: 640px)').matches);
    L().DomEvent.disableClickPropagation(box);
    return box;
  };
  return control;
}

// Feed → map: a hovered line rings its marker (or the cluster holding it); a clicked one
// zooms to its place and opens its popup.
function onFeedFocus({ id, from, open }) {
  if (!map || from === 'map') return;
  for (const el of document.querySelectorAll('#map .is-focus')) el.classList.remove('is-focus');
  const marker = markers.get(id);
  if (!marker) return;
  if (open) {
    // Zoomed in on the place with the event's popup on the map itself: a marker still inside a
    // cluster (co-located events) cannot open its own.
    map.setView(marker.getLatLng(), Math.max(map.getZoom(), FOCUS_ZOOM), { animate: false });
    L().popup({ maxWidth: 300 }).setLatLng(marker.getLatLng()).setContent(popupContent(marker.event)).openOn(map);
  }
  const shown = group.getVisibleParent(marker);
  const icon = shown && shown.getElement ? shown.getElement() : null;
  if (icon) icon.classList.add('is-focus');
}

function init() {
  const leaflet = L();
  map = leaflet.map('map', { worldCopyJump: true, minZoom: 1, maxZoom: 12, zoomSnap: 1 });
  map.createPane('basemap');
  map.getPane('basemap').style.zIndex = 250;
  initLabels(map);
  const tiles = document.querySelector('meta[name="sitroom-tile-url"]')?.content;
  if (tiles) {
    leaflet.tileLayer(tiles, { maxZoom: 18, attribution: 'Map tiles' }).addTo(map);
  } else {
    loadBasemap(false);
  }
  map.attributionControl.setPrefix('');
  map.attributionControl.addAttribution('Natural Earth');
  legend().addTo(map);
  group = leaflet.markerClusterGroup({
    maxClusterRadius: 40,
    showCoverageOnHover: false,
    spiderfyDistanceMultiplier: 1.6,
    chunkedLoading: true,
    iconCreateFunction: clusterIcon,
  });
  // The feed follows a cluster the pointer rests on, not one it passes over or clicks: the
  // feed's answer redraws what the click would land on, so a quick click lost its fan-out.
  let hoverTimer = 0;
  group.on('clustermouseover', (e) => {
    const first = e.layer.getAllChildMarkers()[0];
    clearTimeout(hoverTimer);
    if (first) hoverTimer = setTimeout(() => focus(first.event.id, 'map'), HOVER_DELAY_MS);
  });
  group.on('clustermouseout clusterclick', () => clearTimeout(hoverTimer));
  group.on('animationend spiderfied unspiderfied', countVisible);
  map.addLayer(group);
  map.setView([20, 10], 2);
  map.on('zoomend moveend', countVisible);
  const tellFeed = () => {
    const b = map.getBounds();
    setFeedBounds([[b.getSouth(), b.getWest()], [b.getNorth(), b.getEast()]]);
  };
  map.on('moveend', tellFeed);
  tellFeed();
  map.on('zoomend', () => {
    if (!tiles && !basemapDetail && map.getZoom() >= DETAIL_ZOOM) {
      basemapDetail = true;
      loadBasemap(true);
    }
  });
  onFocus(onFeedFocus);
}

function fit(events) {
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
  draw([], 0);
  renderFeed([], { source: null });
  let fitted = keep;
  let drawn = 0;
  try {
    await eventsFor(f, (load) => {
      if (token !== loadToken) return;
      const events = load.events;
      // Redrawn only when events arrived: a redraw replaces the markers, which would drop an
      // open popup or a zoom to a marker under way.
      if (events.length !== drawn) {
        if (!fitted && events.length) {
          fit(events);
          fitted = true;
        }
        // Only the new page's markers are added: redrawing all would cost the square of pages.
        draw(events, drawn);
        if (!drawn) renderFeed(events, load);
        drawn = events.length;
      }
      // The feed is sorted again once all pages are in, not on every page.
      if (load.done && drawn > PAGE_HINT) renderFeed(events, load);
      if (load.done) setEventPlaces(events);
      const unplaced = events.filter((e) => e.lat === null || e.lon === null).length;
      const loading = !load.done && load.more && events.length < MAX_EVENTS;
      const what = load.source === 'corpus' ? 'corpus events' : 'events';
      if (!events.length) setStatus(status, load.done ? 'No events match these filters.' : 'Loading events…', load.done ? 'empty' : 'loading');
      else setStatus(status, `${events.length}${load.more ? '+' : ''} ${what}` +
        (unplaced ? `, ${unplaced} without coordinates` : '') + (loading ? ' · loading more…' : ''));
    });
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
