// Removes the part marks of import run $run once it has ended, and any left behind more than a
// day ago by a run whose process died. $run: string.
MATCH (p:ImportPart)
WHERE p.run = $run OR p.at < datetime() - duration('P1D')
DELETE p
