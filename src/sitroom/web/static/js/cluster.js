// Grid clustering in screen space: events whose projected positions fall in the same
// cell (at the map's current zoom) are drawn as one cluster.

export function gridClusters(events, project, cellSize = 44) {
  const cells = new Map();
  for (const event of events) {
    const point = project(event);
    const key = `${Math.floor(point.x / cellSize)}:${Math.floor(point.y / cellSize)}`;
    let cell = cells.get(key);
    if (!cell) {
      cell = { events: [], x: 0, y: 0 };
      cells.set(key, cell);
    }
    cell.events.push(event);
    cell.x += point.x;
    cell.y += point.y;
  }
  return [...cells.values()].map((cell) => ({
    events: cell.events,
    x: cell.x / cell.events.length,
    y: cell.y / cell.events.length,
  }));
}

// The quad class most events of a cluster have.
export function dominant(events, field) {
  const counts = new Map();
  for (const event of events) counts.set(event[field], (counts.get(event[field]) || 0) + 1);
  let best = null;
  let bestCount = -1;
  for (const [value, count] of counts) {
    if (count > bestCount) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}
