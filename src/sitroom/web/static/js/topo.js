// A small TopoJSON decoder (Polygon and MultiPolygon only, which is what the Natural Earth
// country outlines use): delta-decoded, transformed arcs stitched into GeoJSON rings, made
// safe to draw across the antimeridian.

function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map((point) => {
      if (!t) return [point[0], point[1]];
      x += point[0];
      y += point[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

function ring(indexes, arcs) {
  const points = [];
  for (const index of indexes) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    // Consecutive arcs share their joining point.
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  if (points.length && (points[0][0] !== points[points.length - 1][0] ||
      points[0][1] !== points[points.length - 1][1])) {
    points.push(points[0]);
  }
  return points;
}

// A ring whose points jump across ±180° (Fiji, Chukotka, Antarctica) made continuous: each
// point takes the copy of its longitude nearest the previous one, so that no edge spans the
// world. A ring that goes once round a pole (Antarctica) is closed along that pole's edge.
export function unwrapRing(points) {
  const out = [];
  let shift = 0;
  for (let i = 0; i < points.length; i += 1) {
    const [lon, lat] = points[i];
    if (i > 0) {
      const jump = lon + shift - out[i - 1][0];
      if (jump > 180) shift -= 360;
      else if (jump < -180) shift += 360;
    }
    out.push([lon + shift, lat]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (out.length > 1 && Math.abs(last[0] - first[0]) >= 180) {
    const pole = first[1] < 0 ? -90 : 90;
    out.push([last[0], pole], [first[0], pole], first);
  }
  return out;
}

// Whether an unwrapped ring goes round a pole (its pole edge spans the whole world).
function aroundPole(points) {
  return points.some((p, i) => i > 0 && Math.abs(p[1]) === 90 && Math.abs(points[i - 1][1]) === 90 &&
    Math.abs(p[0] - points[i - 1][0]) >= 180);
}

// The part of a ring between two meridians (Sutherland–Hodgman against each side in turn).
function clipBand(points, west, east) {
  const clip = (pts, inside, cross) => {
    const out = [];
    for (let i = 0; i < pts.length; i += 1) {
      const a = pts[i];
      const b = pts[(i + 1) % pts.length];
      if (inside(a)) out.push(a);
      if (inside(a) !== inside(b)) out.push(cross(a, b));
    }
    return out;
  };
  const at = (lon) => (a, b) => [lon, a[1] + ((b[1] - a[1]) * (lon - a[0])) / (b[0] - a[0])];
  const open = points.slice(0, -1);
  const part = clip(clip(open, (p) => p[0] >= west, at(west)), (p) => p[0] <= east, at(east));
  return part.length > 2 ? [...part, part[0]] : null;
}

// A ring round a pole (Antarctica) cut into sectors of 90°, so that no edge of it, even its
// edge along the pole, spans half the world once Leaflet drops collinear points.
function poleSectors(points) {
  const lons = points.map((p) => p[0]);
  const west = Math.min(...lons);
  const east = Math.max(...lons);
  const sectors = [];
  for (let a = west; a < east; a += 90) {
    const part = clipBand(points, a, Math.min(east, a + 90));
    if (part) sectors.push(part);
  }
  return sectors;
}

function span(ringPoints) {
  let min = Infinity;
  let max = -Infinity;
  for (const [lon] of ringPoints) {
    if (lon < min) min = lon;
    if (lon > max) max = lon;
  }
  return [min, max];
}

function shifted(ringPoints, by) {
  return ringPoints.map(([lon, lat]) => [lon + by, lat]);
}

// One polygon's rings, antimeridian-safe: unwrapped, holes moved next to their outer ring, and
// a copy on the other side of the map for a polygon that reaches past ±180°.
export function safePolygons(rings) {
  if (!rings.length) return [];
  const outer = unwrapRing(rings[0]);
  if (aroundPole(outer)) return poleSectors(outer).map((sector) => [sector]);
  const [min, max] = span(outer);
  const middle = (min + max) / 2;
  const holes = rings.slice(1).map((r) => {
    const hole = unwrapRing(r);
    const [a, b] = span(hole);
    return shifted(hole, Math.round((middle - (a + b) / 2) / 360) * 360);
  });
  const polygon = [outer, ...holes];
  const out = [polygon];
  if (max > 180 && min > -180) out.push(polygon.map((r) => shifted(r, -360)));
  if (min < -180 && max < 180) out.push(polygon.map((r) => shifted(r, 360)));
  return out;
}

function geometry(geom, arcs) {
  let polygons = null;
  if (geom.type === 'Polygon') polygons = [geom.arcs];
  else if (geom.type === 'MultiPolygon') polygons = geom.arcs;
  else return null;
  const coordinates = [];
  let aroundPoleToo = false;
  for (const polygon of polygons) {
    const rings = polygon.map((r) => ring(r, arcs));
    aroundPoleToo = aroundPoleToo || (rings.length > 0 && aroundPole(unwrapRing(rings[0])));
    coordinates.push(...safePolygons(rings));
  }
  return { type: 'MultiPolygon', coordinates, aroundPole: aroundPoleToo };
}

// The named object (or the first one) of a topology as a GeoJSON FeatureCollection.
export function toGeoJSON(topology, name) {
  const arcs = decodeArcs(topology);
  const key = name && topology.objects[name] ? name : Object.keys(topology.objects)[0];
  const object = topology.objects[key];
  const geometries = object.type === 'GeometryCollection' ? object.geometries : [object];
  const features = [];
  for (const geom of geometries) {
    const decoded = geometry(geom, arcs);
    if (decoded) {
      // A country cut into sectors round a pole is filled but not outlined: the cuts would show.
      const properties = { ...(geom.properties || {}), aroundPole: decoded.aroundPole };
      delete decoded.aroundPole;
      features.push({ type: 'Feature', id: geom.id, properties, geometry: decoded });
    }
  }
  return { type: 'FeatureCollection', features };
}
