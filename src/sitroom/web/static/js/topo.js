// A small TopoJSON decoder (Polygon and MultiPolygon only, which is what the Natural Earth
// country outlines use): delta-decoded, transformed arcs stitched into GeoJSON rings.

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

function geometry(geom, arcs) {
  if (geom.type === 'Polygon') {
    return { type: 'Polygon', coordinates: geom.arcs.map((r) => ring(r, arcs)) };
  }
  if (geom.type === 'MultiPolygon') {
    return {
      type: 'MultiPolygon',
      coordinates: geom.arcs.map((polygon) => polygon.map((r) => ring(r, arcs))),
    };
  }
  return null;
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
      features.push({ type: 'Feature', id: geom.id, properties: geom.properties || {}, geometry: decoded });
    }
  }
  return { type: 'FeatureCollection', features };
}
