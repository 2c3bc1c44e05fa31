/** A box in model coordinates, as cytoscape's boundingBox() gives it. */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * Moves boxes apart until no two overlap (with `gap` between them), each pair by the smaller of its
 * two overlaps, half each way. Returns the shift of each box. A safety net after a force layout, which
 * avoids overlaps by repulsion but does not promise there are none.
 */
export function removeOverlaps(boxes: Box[], gap = 6, maxRounds = 200): Array<{ dx: number; dy: number }> {
  const b = boxes.map((x) => ({ ...x }));
  const shift = boxes.map(() => ({ dx: 0, dy: 0 }));
  const move = (i: number, dx: number, dy: number) => {
    const box = b[i] as Box;
    const s = shift[i] as { dx: number; dy: number };
    box.x1 += dx;
    box.x2 += dx;
    box.y1 += dy;
    box.y2 += dy;
    s.dx += dx;
    s.dy += dy;
  };
  for (let round = 0; round < maxRounds; round++) {
    let moved = false;
    for (let i = 0; i < b.length; i++) {
      for (let j = i + 1; j < b.length; j++) {
        const p = b[i] as Box;
        const q = b[j] as Box;
        const ox = Math.min(p.x2, q.x2) - Math.max(p.x1, q.x1) + gap;
        const oy = Math.min(p.y2, q.y2) - Math.max(p.y1, q.y1) + gap;
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        // Push along the axis that needs the shorter move, away from each other (by index when they coincide).
        if (ox < oy) {
          const dir = (p.x1 + p.x2 < q.x1 + q.x2 || (p.x1 + p.x2 === q.x1 + q.x2 && i < j) ? -1 : 1) * (ox / 2 + 0.5);
          move(i, dir, 0);
          move(j, -dir, 0);
        } else {
          const dir = (p.y1 + p.y2 < q.y1 + q.y2 || (p.y1 + p.y2 === q.y1 + q.y2 && i < j) ? -1 : 1) * (oy / 2 + 0.5);
          move(i, 0, dir);
          move(j, 0, -dir);
        }
      }
    }
    if (!moved) break;
  }
  return shift;
}
